package vn.motcua.payments;

/**
 * What a dossier of a procedure costs with these values, before or after submission.
 *
 * @param fixed           the procedure's fixed fee ({@code procedure.fee})
 * @param decided         what its fee decision table adds for the values ({@code procedure.feeDecision}), 0 without one
 * @param exemptionReason why nothing is owed, when an exemption applies; then {@code amount} is 0
 * @param amount          what the applicant pays, in VND
 * @param stage           when it is paid: BEFORE_PROCESSING, BEFORE_RESULT or NONE
 */
public record FeeQuote(String procedureKey, long fixed, long decided, String exemptionReason, long amount,
        String stage) {
}
