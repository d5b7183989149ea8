package vn.motcua.payments;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.motcua.modelling.ProcessBean;

/** The payment beans the lifecycle calls by name; the dossier is the one whose code is the business key. */
@Configuration(proxyBeanMethods = false)
class PaymentDelegates {

    /** With the receipt: the fee is fixed, and the procedure's forms can show it ({@code feeAmount}). */
    @ProcessBean
    @Bean
    ExecutionListener assessFee(Payments payments) {
        return execution -> execution.setVariables(Payments.variables(payments.assess(execution.getProcessBusinessKey())));
    }

    @ProcessBean
    @Bean
    JavaDelegate requestPayment(PaymentNotices notices) {
        return execution -> notices.requested(execution.getProcessBusinessKey());
    }

    @ProcessBean
    @Bean
    JavaDelegate remindPayment(PaymentNotices notices) {
        return execution -> notices.reminded(execution.getProcessBusinessKey());
    }
}
