package vn.motcua.payments;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.digest.Digests;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierManagement;
import vn.motcua.security.UnitAccess;

/**
 * Reconciliation of the banks' payment notices (docs/payments.md): only a notice signed with its bank's
 * secret, timed within the window and never seen before is read; one that pays exactly the fee due of the
 * dossier its reference names moves that dossier, once; anything else goes to the desk's exception list.
 */
@Service
class BankNotices {

    private static final Pattern DOSSIER_CODE = Pattern.compile(UnitAccess.DOSSIER_CODE);

    private final PaymentsProperties settings;
    private final FeeRepository fees;
    private final Payments payments;
    private final DossierManagement dossiers;

    BankNotices(PaymentsProperties settings, FeeRepository fees, Payments payments, DossierManagement dossiers) {
        this.settings = settings;
        this.fees = fees;
        this.payments = payments;
        this.dossiers = dossiers;
    }

    /** What became of a notice: MATCHED (the dossier moved) or the kind of exception it was filed as. */
    record Outcome(String outcome, String dossierCode) {
    }

    /**
     * Checks who sent the body and when; throws {@link NoticeRefusedException} (nothing stored) unless the
     * signature is the bank's HMAC-SHA256 of {@code <timestamp>.<body>} and the timestamp is within the window.
     */
    void authenticate(String bank, String timestamp, String signature, byte[] body) {
        String secret = bank == null ? null : settings.bankSecrets().get(bank);
        if (secret == null || secret.isBlank() || timestamp == null || signature == null) {
            throw NoticeRefusedException.unauthenticated();
        }
        String expected = Digests.hex(sign(secret, timestamp, body));
        String given = signature.strip().toLowerCase(Locale.ROOT).replaceFirst("^sha256=", "");
        if (!Digests.sameSignature(expected, given)) {
            throw NoticeRefusedException.unauthenticated();
        }
        Instant sentAt;
        try {
            sentAt = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw NoticeRefusedException.unauthenticated();
        }
        if (Duration.between(sentAt, Payments.now()).abs().compareTo(settings.noticeWindow()) > 0) {
            throw NoticeRefusedException.stale(settings.noticeWindow());
        }
    }

    /** The banks sign as motcua signs its webhooks ({@link Digests#timestampedHmac}). */
    static byte[] sign(String secret, String timestamp, byte[] body) {
        return Digests.timestampedHmac(secret, timestamp.strip(), body);
    }

    /** An authenticated notice: stored once (a replay is refused), then matched. All in one transaction. */
    @Transactional
    Outcome receive(String bank, PaymentNotice notice) {
        Instant now = Payments.now();
        if (!fees.insertNotice(bank, notice.noticeId(), notice.account(), notice.amount(), notice.reference(),
                notice.paidAt(), now)) {
            throw NoticeRefusedException.replayed(bank, notice.noticeId());
        }
        Outcome outcome = reconcile(bank, notice, now);
        fees.noticeOutcome(bank, notice.noticeId(), outcome.outcome(), outcome.dossierCode());
        return outcome;
    }

    private Outcome reconcile(String bank, PaymentNotice notice, Instant now) {
        Optional<String> accountUnit = settings.unitOfAccount(notice.account());
        Optional<Fee> found = dossierNamedIn(notice.reference(), accountUnit.orElse(null)).map(payments::assess);
        if (found.isEmpty()) {
            return exception(PaymentException.Kind.UNKNOWN, accountUnit.orElse(null), null, null, bank, notice, now);
        }
        Fee fee = found.get();
        if (accountUnit.isEmpty() || !accountUnit.get().equals(fee.unitCode())) {
            // The money is not in the account of the unit that settles the dossier.
            return exception(PaymentException.Kind.UNKNOWN, accountUnit.orElse(null), fee.dossierCode(), fee.amount(), bank,
                    notice, now);
        }
        Dossier dossier = dossiers.get(fee.dossierCode());
        if (fee.status() == Fee.Status.PAID) {
            return exception(PaymentException.Kind.DUPLICATE, fee.unitCode(), fee.dossierCode(), fee.amount(), bank, notice, now);
        }
        if (fee.status() == Fee.Status.NONE || notice.amount() > fee.amount()) {
            return exception(PaymentException.Kind.OVERPAID, fee.unitCode(), fee.dossierCode(), fee.amount(), bank, notice, now);
        }
        if (dossier.status().isTerminal()) {
            return exception(PaymentException.Kind.CLOSED, fee.unitCode(), fee.dossierCode(), fee.amount(), bank, notice, now);
        }
        if (notice.amount() < fee.amount()) {
            return exception(PaymentException.Kind.PARTIAL, fee.unitCode(), fee.dossierCode(), fee.amount(), bank, notice, now);
        }
        Fee locked = fees.lock(fee.dossierCode()).orElseThrow();
        if (!payments.recordPayment(locked, notice.amount(), Payments.BANK, bank, notice.noticeId(), "bank:" + bank)) {
            return exception(PaymentException.Kind.DUPLICATE, fee.unitCode(), fee.dossierCode(), fee.amount(), bank, notice, now);
        }
        return new Outcome("MATCHED", fee.dossierCode());
    }

    /**
     * The dossier the transfer's content names: its code as written, or, since banking apps often strip
     * punctuation, a due fee of the account's unit whose code without dots and dashes appears in it.
     */
    private Optional<String> dossierNamedIn(String reference, String unitCode) {
        Matcher code = DOSSIER_CODE.matcher(reference.toUpperCase(Locale.ROOT));
        while (code.find()) {
            if (dossiers.find(code.group()).isPresent()) {
                return Optional.of(code.group());
            }
        }
        if (unitCode == null) {
            return Optional.empty();
        }
        List<String> candidates = fees.dueCodesIn(reference.toUpperCase(Locale.ROOT).replaceAll("[^0-9A-Z]", ""), unitCode);
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    private Outcome exception(PaymentException.Kind kind, String unitCode, String dossierCode, Long expected, String bank,
            PaymentNotice notice, Instant now) {
        fees.insertException(new PaymentException(0, unitCode, kind, bank, notice.noticeId(), dossierCode, notice.amount(),
                expected, notice.reference(), now, null, null, null));
        return new Outcome(kind.name(), dossierCode);
    }
}
