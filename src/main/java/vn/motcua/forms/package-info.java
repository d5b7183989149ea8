/**
 * Forms: server-side checks of submitted values against a Camunda Form (form-js schema), because
 * Camunda 7 enforces none of a form's rules itself; used for dossier submission and task completion.
 */
package vn.motcua.forms;
