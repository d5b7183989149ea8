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
    RESULT_RETURNED
}
