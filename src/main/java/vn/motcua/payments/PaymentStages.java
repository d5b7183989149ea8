package vn.motcua.payments;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import vn.motcua.modelling.ProcessBean;

/**
 * What the lifecycle asks of payments, and nothing more: whether to wait for the dossier's fee at a
 * stage ({@code ${payments.due(execution, 'BEFORE_PROCESSING')}}). A model reaches this bean, never
 * {@link Payments} itself (which takes cash and totals fees), so a deployment cannot pay a dossier.
 */
@ProcessBean
@Component("payments")
public class PaymentStages {

    private final Payments payments;

    PaymentStages(Payments payments) {
        this.payments = payments;
    }

    /** The dossier is the execution's business key; true when its fee is due at {@code stage} and not paid. */
    public boolean due(DelegateExecution execution, String stage) {
        return payments.due(execution.getProcessBusinessKey(), stage);
    }
}
