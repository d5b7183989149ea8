package vn.motcua.process;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.mock.Mocks;

import vn.motcua.payments.PaymentStages;

/**
 * The payment beans of {@code one_stop_dossier}, as mocks: by default the dossier owes nothing; {@link #owe}
 * makes its fee due at one stage until {@link #paid()}.
 */
final class PaymentBeans {

    final PaymentStages payments = mock(PaymentStages.class);
    final JavaDelegate requestPayment = mock(JavaDelegate.class);
    final JavaDelegate remindPayment = mock(JavaDelegate.class);
    final JavaDelegate closeWithoutPayment = mock(JavaDelegate.class);
    private long amount;
    private String stage = "NONE";

    final ExecutionListener assessFee = execution -> execution.setVariables(Map.of("feeAmount", amount,
            "paymentStage", stage));

    void owe(long amount, String stage) {
        this.amount = amount;
        this.stage = stage;
        when(payments.due(any(), eq(stage))).thenReturn(true);
    }

    void paid() {
        when(payments.due(any(), any())).thenReturn(false);
    }

    void register() {
        Mocks.register("payments", payments);
        Mocks.register("assessFee", assessFee);
        Mocks.register("requestPayment", requestPayment);
        Mocks.register("remindPayment", remindPayment);
        Mocks.register("closeWithoutPayment", closeWithoutPayment);
    }
}
