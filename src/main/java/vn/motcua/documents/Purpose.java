package vn.motcua.documents;

/** Why a document joined a dossier. */
public enum Purpose {
    /** With the submission. */
    SUBMISSION,
    /** In answer to a supplement request. */
    SUPPLEMENT,
    /** The result the agency returns. */
    RESULT
}
