package vn.motcua.catalogue;

/** What a supplement request does to a dossier's deadline clock. */
public enum ClockPolicy {
    /** The clock stops while the applicant supplements; the due date moves by the working time waited. */
    PAUSE,
    /** The full legal time runs again from the complete supplement (with the cut-off rule). */
    RESTART
}
