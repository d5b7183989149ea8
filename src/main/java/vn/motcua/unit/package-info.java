/**
 * Units: the communes, districts and departments that receive and settle dossiers.
 * Candidate groups and dossier codes are scoped to a unit's code.
 */
package vn.motcua.unit;
