package vn.motcua.dossier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.motcua.modelling.ProcessBean;

/**
 * The beans the lifecycle models call by name ({@code ${issueReceipt}} ...). Each records one
 * transition of the dossier whose code is the process business key.
 */
@Configuration(proxyBeanMethods = false)
class LifecycleDelegates {

    @ProcessBean
    @Bean
    JavaDelegate issueReceipt(DossierManagement dossiers) {
        return execution -> dossiers.accept(code(execution));
    }

    @ProcessBean
    @Bean
    JavaDelegate requestSupplement(DossierManagement dossiers) {
        return execution -> dossiers.requestSupplement(code(execution));
    }

    @ProcessBean
    @Bean
    JavaDelegate issueRefusal(DossierManagement dossiers) {
        return execution -> dossiers.refuse(code(execution));
    }

    @ProcessBean
    @Bean
    JavaDelegate closeWithoutSupplement(DossierManagement dossiers) {
        return execution -> dossiers.closeWithoutSupplement(code(execution));
    }

    @ProcessBean
    @Bean
    JavaDelegate closeWithoutPayment(DossierManagement dossiers) {
        return execution -> dossiers.closeWithoutPayment(code(execution));
    }

    @ProcessBean
    @Bean
    JavaDelegate recordDecision(DossierManagement dossiers) {
        return execution -> dossiers.recordDecision(code(execution),
                "APPROVE".equals(execution.getVariable("approvalDecision")) ? Decision.APPROVED : Decision.REJECTED);
    }

    @ProcessBean
    @Bean
    JavaDelegate recordResultReturned(DossierManagement dossiers) {
        return execution -> dossiers.recordResultReturned(code(execution));
    }

    private static String code(DelegateExecution execution) {
        String code = execution.getProcessBusinessKey();
        if (code == null) {
            throw new IllegalStateException("Process " + execution.getProcessDefinitionId()
                    + " runs without a dossier code as business key");
        }
        return code;
    }
}
