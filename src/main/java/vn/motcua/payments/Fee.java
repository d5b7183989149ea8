package vn.motcua.payments;

import java.time.Instant;

/**
 * The fee of one dossier as assessed with its receipt, and its payment.
 *
 * @param stage  BEFORE_PROCESSING, BEFORE_RESULT or NONE ({@code procedure.payment} of the dossier's version)
 * @param payBy  the payment deadline, once the lifecycle asked for the fee
 * @param paidBy BANK or CASH once paid
 */
public record Fee(
        String dossierCode,
        String unitCode,
        String procedureKey,
        String procedureCode,
        long amount,
        String exemptionReason,
        String stage,
        Status status,
        Instant assessedAt,
        Instant payBy,
        Instant paidAt,
        Long paidAmount,
        String paidBy,
        String recordedBy) {

    public enum Status {
        /** To be paid. */
        DUE,
        /** Paid, once. */
        PAID,
        /** Nothing to pay: a free procedure or an exemption. */
        NONE
    }
}
