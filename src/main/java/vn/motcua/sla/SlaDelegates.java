package vn.motcua.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.motcua.modelling.ProcessBean;

/**
 * The SLA beans the models call by name: the clock of {@code one_stop_dossier}, the warnings, and
 * the steps of {@code late_dossier}. The dossier is the one whose code is the process business key.
 */
@Configuration(proxyBeanMethods = false)
class SlaDelegates {

    /** Who decided in late_dossier: the head who completed {@code decide_on_late_dossier}. */
    static final String DECIDED_BY = "lateDossierDecidedBy";

    @ProcessBean
    @Bean
    JavaDelegate pauseDeadlineClock(DeadlineClock clock) {
        return execution -> clock.pause(Deadlines.code(execution), execution.getProcessInstanceId());
    }

    /** Before the receipt is issued: an online dossier's legal time runs from its acceptance (docs/sla.md). */
    @ProcessBean
    @Bean
    ExecutionListener startClockAtAcceptance(DeadlineClock clock) {
        return execution -> clock.accepted(Deadlines.code(execution), execution.getProcessInstanceId());
    }

    @ProcessBean
    @Bean
    JavaDelegate resumeDeadlineClock(DeadlineClock clock) {
        return execution -> clock.resume(Deadlines.code(execution), execution.getProcessInstanceId());
    }

    /** The timeout listener of every officer task: its phase is about to run out. */
    @ProcessBean
    @Bean
    TaskListener warnTaskHolders(Escalation escalation) {
        return escalation::warnTaskHolders;
    }

    @ProcessBean
    @Bean
    JavaDelegate warnDossierAtRisk(Escalation escalation) {
        return execution -> escalation.warnDossierAtRisk(Deadlines.code(execution), unit(execution));
    }

    @ProcessBean
    @Bean
    JavaDelegate markDossierOverdue(Escalation escalation) {
        return execution -> escalation.markOverdue(Deadlines.code(execution), unit(execution));
    }

    @ProcessBean
    @Bean
    JavaDelegate describeLateDossier(Escalation escalation) {
        return execution -> execution.setVariables(escalation.describe(Deadlines.code(execution),
                Escalation.Lateness.valueOf(text(execution, "lateness"))));
    }

    /** Complete listener of the head's task: refuses an answer that cannot be carried out. */
    @ProcessBean
    @Bean
    TaskListener checkLateDossierDecision(Escalation escalation) {
        return task -> {
            escalation.check((String) task.getVariable("unit"), task.getVariables());
            String decidedBy = task.getAssignee();
            if (decidedBy == null) {
                Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
                decidedBy = user == null ? null : user.getUserId();
            }
            task.getExecution().setVariable(DECIDED_BY, decidedBy);
        };
    }

    @ProcessBean
    @Bean
    JavaDelegate reassignLateTasks(Escalation escalation) {
        return execution -> escalation.reassign(Deadlines.code(execution), text(execution, "newAssignee").strip(),
                (String) execution.getVariable(DECIDED_BY), (String) execution.getVariable("lateDossierNote"));
    }

    @ProcessBean
    @Bean
    JavaDelegate expediteLateTasks(Escalation escalation) {
        return execution -> escalation.expedite(Deadlines.code(execution), execution.getProcessInstanceId(),
                (String) execution.getVariable(DECIDED_BY), (String) execution.getVariable("lateDossierNote"));
    }

    @ProcessBean
    @Bean
    JavaDelegate issueApologyLetter(Escalation escalation) {
        return execution -> execution.setVariable("apologyLetterNumber", escalation.apologise(
                Deadlines.code(execution), text(execution, "apologyReason"), text(execution, "newAppointmentDate"),
                (String) execution.getVariable(DECIDED_BY)));
    }

    private static String unit(DelegateExecution execution) {
        return text(execution, "unit");
    }

    private static String text(DelegateExecution execution, String variable) {
        Object value = execution.getVariable(variable);
        if (!(value instanceof String text)) {
            throw new IllegalStateException("Process " + execution.getProcessDefinitionId() + " has no text variable "
                    + variable);
        }
        return text;
    }
}
