package vn.motcua.payments;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The payments capability's only door to the engine: fee decisions and the payment message. */
@Component
class PaymentsEngine {

    /** The lifecycle's {@code wait_for_payment} catches it (message id {@code message_payment_received}). */
    static final String PAYMENT_RECEIVED = "PaymentReceived";

    private final DecisionService decisions;
    private final RuntimeService runtime;

    PaymentsEngine(DecisionService decisions, RuntimeService runtime) {
        this.decisions = decisions;
        this.runtime = runtime;
    }

    /** The latest version of a fee decision, evaluated on the values: its single {@code fee} output, or null if no rule matched. */
    Long evaluateFee(String decisionKey, Map<String, Object> values) {
        DmnDecisionResult result = decisions.evaluateDecisionByKey(decisionKey).variables(values).evaluate();
        if (result.isEmpty()) {
            return null;
        }
        Object fee = result.getSingleResult().getSingleEntry();
        return fee == null ? null : ((Number) fee).longValue();
    }

    /** Wakes the lifecycle waiting for this dossier's fee; false when it is not waiting (paid before it got there). */
    boolean paymentReceived(String dossierCode) {
        // Asked first, not tried: a correlation that fails inside our transaction marks it rollback-only,
        // and the cash or notice recorded with it would be lost with a 500 (a unit without a payee
        // account, whose lifecycle never waits for the fee; a fee paid before the dossier was accepted).
        if (runtime.createExecutionQuery().processInstanceBusinessKey(dossierCode)
                .messageEventSubscriptionName(PAYMENT_RECEIVED).count() == 0) {
            return false;
        }
        runtime.createMessageCorrelation(PAYMENT_RECEIVED).processInstanceBusinessKey(dossierCode).correlateWithResult();
        return true;
    }
}
