package vn.motcua.documents;

/** Why a document joined a dossier. */
public enum Purpose {
    /** With the submission. */
    SUBMISSION,
    /** In answer to a supplement request. */
    SUPPLEMENT,
    /** A result document drafted for the head of unit's approval (docs/officers.md). */
    DRAFT,
    /** The result the agency returns. */
    RESULT
}
