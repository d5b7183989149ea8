/**
 * Modelling conventions shared by every procedure model: how analysts attach data to BPMN
 * elements (Camunda extension properties) so that Java reads it in one way.
 */
package vn.motcua.modelling;
