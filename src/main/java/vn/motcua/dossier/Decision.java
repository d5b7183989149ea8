package vn.motcua.dossier;

/** The head of unit's decision on a dossier. */
public enum Decision {
    APPROVED, REJECTED
}
