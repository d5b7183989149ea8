/**
 * Satisfaction evaluations: an applicant rates the handling of a dossier once its result was
 * returned, overall and by criteria; reports read them. Depends on the dossier capability.
 */
package vn.motcua.evaluation;
