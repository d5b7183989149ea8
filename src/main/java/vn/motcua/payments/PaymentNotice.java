package vn.motcua.payments;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A bank's notice of a transfer into a payee account (the JSON body of {@code POST /api/payments/notices}).
 *
 * @param noticeId  the bank's unique id of the notice (its transaction id): a second notice with it is a replay
 * @param account   the account credited
 * @param amount    VND credited
 * @param reference the transfer's content as the payer's bank passed it on (the dossier code, from the VietQR)
 * @param paidAt    when the bank booked it
 */
record PaymentNotice(
        @NotNull @Pattern(regexp = "[0-9A-Za-z._:-]{1,100}") String noticeId,
        @NotNull @Pattern(regexp = "[0-9A-Za-z]{1,19}") String account,
        @NotNull @Positive Long amount,
        @NotNull @Size(min = 1, max = 500) String reference,
        Instant paidAt) {
}
