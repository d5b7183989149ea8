/**
 * Procedure checks: one set of modelling rules applied to the files of a procedure (BPMN, DMN,
 * Camunda Forms) in the build and on every deployment the engine accepts at runtime, so an analyst
 * learns of a mistake, in their own terms, before it reaches a citizen.
 */
package vn.motcua.checks;
