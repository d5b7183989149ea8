/**
 * Audit trail: an append-only record of who did what to which dossier and when (submissions, task
 * claims, reassignments and completions, dossier and document reads, failed logins, exports),
 * readable and exportable by the head of the unit.
 */
package vn.motcua.audit;
