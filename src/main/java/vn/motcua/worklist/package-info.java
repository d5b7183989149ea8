/**
 * Officers' work lists in the stock Camunda Tasklist: the shared filters every officer sees,
 * scoped by the candidate groups of their unit and role.
 */
package vn.motcua.worklist;
