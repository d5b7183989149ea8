package vn.motcua.payments;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.catalogue.Procedure;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierManagement;

/**
 * The fee of each dossier and its payment, exactly once. Models do not reach it: they ask
 * {@link PaymentStages} (the bean {@code payments}) whether to wait.
 */
@Service("paymentManagement")
public class Payments {

    public static final String BANK = "BANK";
    public static final String CASH = "CASH";

    private final FeeRepository fees;
    private final Fees rules;
    private final ProcedureCatalogue catalogue;
    private final DossierManagement dossiers;
    private final PaymentsEngine engine;
    private final PaymentsProperties settings;

    Payments(FeeRepository fees, Fees rules, ProcedureCatalogue catalogue, DossierManagement dossiers,
            PaymentsEngine engine, PaymentsProperties settings) {
        this.fees = fees;
        this.rules = rules;
        this.catalogue = catalogue;
        this.dossiers = dossiers;
        this.engine = engine;
        this.settings = settings;
    }

    /**
     * The dossier's fee, assessed now from its procedure version and values if it was not yet (the lifecycle
     * assesses it with the receipt; a receipt printed at submission or an early payment may ask first).
     */
    @Transactional
    public Fee assess(String dossierCode) {
        Optional<Fee> existing = fees.find(dossierCode);
        if (existing.isPresent()) {
            return existing.get();
        }
        Dossier dossier = dossiers.get(dossierCode);
        Procedure procedure = procedure(dossier);
        FeeQuote quote = rules.quote(procedure, dossier.formData());
        Fee fee = new Fee(dossierCode, dossier.unitCode(), dossier.procedureKey(), dossier.procedureCode(), quote.amount(),
                quote.exemptionReason(), quote.stage(), quote.amount() > 0 ? Fee.Status.DUE : Fee.Status.NONE, now(), null, null,
                null, null, null);
        fees.insert(fee);
        return fee;
    }

    public Optional<Fee> find(String dossierCode) {
        return fees.find(dossierCode);
    }

    /**
     * Whether the lifecycle must wait for the fee at this stage: it is due there, not paid yet, and the unit
     * collects fees through motcua (it has a payee account). A unit without one collects at its counter as
     * before, outside the flow: no code to pay with, no notice to match, so no dossier is held up.
     */
    boolean due(String code, String stage) {
        assess(code);
        Fee fee = fees.lock(code).orElseThrow();
        return fee.status() == Fee.Status.DUE && fee.stage().equals(stage) && settings.account(fee.unitCode()).isPresent();
    }

    /** The lifecycle asked for the fee, to be paid by then. */
    void payBy(String dossierCode, Instant payBy) {
        fees.payBy(dossierCode, payBy);
    }

    /** The VietQR payload for paying the dossier's fee; empty when nothing is due or the unit has no account. */
    public Optional<String> paymentCode(Fee fee) {
        if (fee.status() != Fee.Status.DUE) {
            return Optional.empty();
        }
        return settings.account(fee.unitCode()).map(account -> VietQr.payload(account.bin(), account.number(),
                fee.amount(), fee.dossierCode()));
    }

    /** The account the unit's fees are paid into, for the receipt. */
    Optional<PaymentsProperties.PayeeAccount> account(String unitCode) {
        return settings.account(unitCode);
    }

    /**
     * Records a payment of exactly the fee and lets the lifecycle go on; false when the fee was not due any
     * more (paid meanwhile). Runs in the caller's transaction: the fee row, the control sheet and the
     * engine move together or not at all.
     */
    boolean recordPayment(Fee fee, long amount, String paidBy, String noticeBank, String noticeId, String actor) {
        if (!fees.markPaid(fee.dossierCode(), amount, paidBy, now(), noticeBank, noticeId, actor)) {
            return false;
        }
        dossiers.paymentReceived(fee.dossierCode(), amount, paidBy.equals(CASH) ? "Nộp tiền mặt tại bộ phận một cửa / Cash at the desk"
                : "Chuyển khoản, thông báo " + noticeBank + "/" + noticeId + " / Bank transfer", actor);
        engine.paymentReceived(fee.dossierCode());
        return true;
    }

    /** Cash handed over at the counter: exactly the fee, once. */
    @Transactional
    public Fee payCash(String dossierCode, long amount, String officer) {
        Dossier dossier = dossiers.get(dossierCode);
        Fee fee = assess(dossierCode);
        if (fee.status() != Fee.Status.DUE || dossier.status().isTerminal()) {
            throw new PaymentRefusedException("Hồ sơ không còn phí phải nộp / Dossier " + dossierCode + " has no fee due");
        }
        if (amount != fee.amount()) {
            throw new PaymentRefusedException("Số tiền phải đúng bằng phí " + fee.amount() + " đồng / The amount must be"
                    + " exactly the fee, VND " + fee.amount());
        }
        if (!recordPayment(fees.lock(dossierCode).orElseThrow(), amount, CASH, null, null, officer)) {
            throw new PaymentRefusedException("Phí đã được nộp / The fee of " + dossierCode + " was paid meanwhile");
        }
        return fees.find(dossierCode).orElseThrow();
    }

    /** Fees paid from {@code from} until before {@code to}, of one unit or every unit (null). */
    public List<FeeTotal> totals(String unitCode, Instant from, Instant to) {
        return fees.totals(unitCode, from, to);
    }

    private Procedure procedure(Dossier dossier) {
        return catalogue.find(dossier.procedureKey(), dossier.procedureVersion())
                .orElseThrow(() -> new IllegalStateException("Procedure " + dossier.procedureKey() + " version "
                        + dossier.procedureVersion() + " of dossier " + dossier.code() + " is no longer deployed"));
    }

    /** What the lifecycle and the procedure's forms read of the fee (the certified-copy officer's form shows it). */
    static Map<String, Object> variables(Fee fee) {
        return Map.of("feeAmount", fee.amount(), "paymentStage", fee.stage());
    }

    // The engine's clock, so that tests which move it move our timestamps too.
    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
