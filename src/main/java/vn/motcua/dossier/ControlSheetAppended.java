package vn.motcua.dossier;

/**
 * A row was appended to a dossier's control sheet; published synchronously, in the transaction that
 * appends it, so that a listener's writes (the event feed's outbox) commit or roll back with the step.
 *
 * @param dossier the dossier as it stands once the row is written (in the same transaction)
 * @param row     the row
 */
public record ControlSheetAppended(Dossier dossier, DossierEvent row) {
}
