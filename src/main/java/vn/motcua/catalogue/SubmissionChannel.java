package vn.motcua.catalogue;

/**
 * How a procedure lets dossiers in ({@code procedure.channels}): some procedures need the original
 * papers in the officer's hands, such as certifying a copy from its original, and take no online dossier.
 */
public enum SubmissionChannel {
    ONLINE, COUNTER, POST
}
