package vn.motcua.dossier;

/** Where a dossier stands; the terminal ones are final. */
public enum DossierStatus {
    /** Submitted, waiting for the reception check. */
    SUBMITTED(false),
    /** The applicant was asked for a supplement. */
    AWAITING_SUPPLEMENT(false),
    /** The fee is due before the dossier goes on (docs/payments.md). */
    AWAITING_PAYMENT(false),
    /** Accepted with a receipt: with the specialist or the head of unit. */
    IN_PROGRESS(false),
    /** Decided (approved or rejected): the result waits to be returned. */
    AWAITING_RESULT_RETURN(false),
    /** The result (or the reasoned rejection) reached the applicant. */
    RESULT_RETURNED(true),
    /** Not accepted at reception, with a refusal notice. */
    REFUSED(true),
    /** The applicant did not answer the supplement request in time. */
    CLOSED_WITHOUT_SUPPLEMENT(true),
    /** The fee was not paid by its deadline. */
    CLOSED_WITHOUT_PAYMENT(true);

    private final boolean terminal;

    DossierStatus(boolean terminal) {
        this.terminal = terminal;
    }

    public boolean isTerminal() {
        return terminal;
    }
}
