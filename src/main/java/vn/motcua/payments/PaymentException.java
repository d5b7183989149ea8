package vn.motcua.payments;

import java.time.Instant;

/**
 * A payment the reconciliation could not settle by itself; the unit's reception desk looks into it
 * (refund, ask the applicant for the rest, ...) and resolves it with a note.
 *
 * @param unitCode    the unit of the dossier, else of the account paid into; null when neither is known
 * @param dossierCode the dossier the reference names, if any
 * @param expected    the fee of that dossier, if any
 */
public record PaymentException(long id, String unitCode, Kind kind, String bank, String noticeId, String dossierCode,
        long amount, Long expected, String reference, Instant createdAt, Instant resolvedAt, String resolvedBy,
        String resolution) {

    public enum Kind {
        /** Less than the fee: the dossier does not move. */
        PARTIAL,
        /** More than the fee: the dossier does not move until the desk settles the difference. */
        OVERPAID,
        /** The fee was already paid (another notice, or cash at the counter). */
        DUPLICATE,
        /** No dossier with a fee due matches the reference. */
        UNKNOWN,
        /** The dossier was closed (its payment deadline passed) before the money came. */
        CLOSED
    }
}
