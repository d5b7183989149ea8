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
    EXPORTED
}
