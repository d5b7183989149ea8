package vn.motcua.evaluation;

/**
 * The applicant rated a dossier's service; published synchronously in the transaction that records the
 * rating, so that a listener's writes (the event feed's outbox) commit or roll back with it.
 */
public record DossierRated(Evaluation evaluation) {
}
