package vn.motcua.dossier;

/** Kinds of rows on the control sheet. */
public enum EventType {
    SUBMITTED,
    HANDED_OVER,
    STEP_COMPLETED,
    ACCEPTED,
    SUPPLEMENT_REQUESTED,
    SUPPLEMENT_RECEIVED,
    CLOSED_WITHOUT_SUPPLEMENT,
    REFUSED,
    DECIDED,
    RESULT_RETURNED,
    /** The applicant was told the fee and how to pay it. */
    PAYMENT_REQUESTED,
    /** The applicant was reminded of the unpaid fee. */
    PAYMENT_REMINDED,
    /** The fee was paid (a bank notice matched it, or reception took it in cash). */
    PAYMENT_RECEIVED,
    /** The fee was not paid by its deadline. */
    CLOSED_WITHOUT_PAYMENT,
    /** The due date was set: the legal deadline counted from the counting start. */
    DEADLINE_SET,
    /** The due date was counted again on a calendar year an administrator loaded (it had been provisional). */
    DEADLINE_RECOMPUTED,
    /** The clock stopped while the applicant supplements (policy PAUSE or RESTART). */
    CLOCK_PAUSED,
    /** The clock runs again; the due date moved by the working time waited (PAUSE). */
    CLOCK_RESUMED,
    /** The clock runs again with the full legal time from the complete supplement (RESTART). */
    CLOCK_RESTARTED,
    /** A step or the whole dossier is about to run out of time; its holders were warned. */
    DEADLINE_WARNING,
    /** The due date passed before the dossier was settled. */
    OVERDUE,
    /** The head of unit gave the late step to another officer. */
    TASK_REASSIGNED,
    /** The head of unit asked the holder of the late step to hurry. */
    TASK_EXPEDITED,
    /** The head of unit issued an apology letter with a new appointment date. */
    APOLOGY_ISSUED
}
