package vn.motcua.results;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.motcua.dossier.DossierManagement;
import vn.motcua.modelling.ProcessBean;

/**
 * What the lifecycle calls: {@code draft_result} after the procedure's processing ({@code ${draftResult}}), and
 * the approval task's completion listener ({@code ${approveResultDraft}}). The process variable
 * {@code resultDraftSha256} carries the draft's hash to the head's form, and the hash the head saw back.
 */
@Configuration(proxyBeanMethods = false)
class ResultDelegates {

    static final String SHA256 = "resultDraftSha256";
    static final String DOCUMENT = "resultDraftUrl";
    static final String SYSTEM = "motcua";

    @ProcessBean
    @Bean
    JavaDelegate draftResult(ResultDrafts drafts) {
        return execution -> {
            ResultDraft draft = drafts.draft(code(execution), actor(execution), null, DossierManagement.now());
            execution.setVariable(SHA256, draft.sha256());
            execution.setVariable(DOCUMENT, ResultDrafts.documentUrl(draft));
        };
    }

    @ProcessBean
    @Bean
    TaskListener approveResultDraft(ResultDrafts drafts) {
        return task -> {
            if (!"APPROVE".equals(task.getVariable("approvalDecision"))) {
                return;
            }
            Object seen = task.getVariable(SHA256);
            String approver = task.getAssignee() != null ? task.getAssignee() : actor(task.getExecution());
            drafts.approve(code(task.getExecution()), seen == null ? null : seen.toString(), approver, DossierManagement.now());
        };
    }

    private static String code(DelegateExecution execution) {
        String code = execution.getProcessBusinessKey();
        if (code == null) {
            throw new IllegalStateException("Process " + execution.getProcessDefinitionId()
                    + " runs without a dossier code as business key");
        }
        return code;
    }

    // The officer whose completion moved the process here: the specialist who finished the processing.
    private static String actor(DelegateExecution execution) {
        var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? SYSTEM : authentication.getUserId();
    }
}
