package vn.motcua.audit;

/** What an audit row records. */
public enum AuditAction {
    /** A dossier was submitted (online, at the counter or by post). */
    SUBMITTED,
    /** An officer read a dossier or one of its sub-resources other than a document. */
    READ,
    /** An officer read or downloaded a document of a dossier. */
    DOCUMENT_READ,
    /** A dossier was changed through the API (supplement, upload, ...), the target says which. */
    CHANGED,
    /** An officer claimed a task. */
    TASK_CLAIMED,
    /** A task was given to another officer (reassignment, escalation). */
    TASK_ASSIGNED,
    /** A task was handed back to its group. */
    TASK_UNCLAIMED,
    /** A task was completed; the detail holds the step and its outcome (e.g. a reception decision). */
    TASK_COMPLETED,
    /** Someone failed to log in. */
    LOGIN_FAILED,
    /** The audit trail or a report was exported. */
    EXPORTED,
    /** An administrator created a unit; the detail holds its level and name. */
    UNIT_CREATED,
    /** An administrator changed a unit's data. */
    UNIT_CHANGED,
    /** A unit stopped taking new dossiers. */
    UNIT_CLOSED,
    /** A closed unit takes new dossiers again. */
    UNIT_REOPENED,
    /** A unit without any dossier was deleted. */
    UNIT_DELETED,
    /** A CSV list of units was imported; the detail holds the counts. */
    UNITS_IMPORTED,
    /** An administrator created an officer's user; the target is the user. */
    OFFICER_CREATED,
    /** A user was given a role in a unit; the target is the user, the detail the role. */
    ROLE_ASSIGNED,
    /** A user's role in a unit was taken away. */
    ROLE_REMOVED,
    /** A role holder's deputy was named for a period; the target is the holder, the detail deputy and period. */
    STAND_IN_NAMED,
    /** A stand-in was cancelled before it ended. */
    STAND_IN_CANCELLED
}
