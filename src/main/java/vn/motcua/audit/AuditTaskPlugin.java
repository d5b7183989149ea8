package vn.motcua.audit;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import vn.motcua.modelling.EveryUserTask;
import vn.motcua.modelling.ExtensionProperties;

/**
 * Audits every claim, reassignment and completion of every user task of every model, whoever
 * makes it (Tasklist, the engine REST API, an escalation job), in the engine's transaction.
 */
@Component
class AuditTaskPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<AuditTrail> trail;

    AuditTaskPlugin(ObjectProvider<AuditTrail> trail) {
        // Looked up when the first task runs: the engine must exist before the audit beans can.
        this.trail = trail;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EveryUserTask.listen(configuration, this::notify, TaskListener.EVENTNAME_ASSIGNMENT,
                TaskListener.EVENTNAME_COMPLETE);
    }

    private void notify(DelegateTask task) {
        String dossier = task.getExecution().getProcessBusinessKey();
        Object unit = task.getVariable("unit");
        String actor = actor(task);
        AuditAction action;
        String detail;
        if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            action = AuditAction.TASK_COMPLETED;
            String outcomeField = ExtensionProperties.of((BaseElement) task.getBpmnModelElementInstance())
                    .get("outcomeField");
            Object outcome = outcomeField == null ? null : task.getVariable(outcomeField.strip());
            detail = task.getTaskDefinitionKey() + (outcome == null ? "" : ": " + outcome);
        } else {
            String assignee = task.getAssignee();
            action = assignee == null ? AuditAction.TASK_UNCLAIMED
                    : assignee.equals(actor) ? AuditAction.TASK_CLAIMED : AuditAction.TASK_ASSIGNED;
            detail = task.getTaskDefinitionKey() + (assignee == null ? "" : " -> " + assignee);
        }
        trail.getObject().record(actor, action, dossier, unit instanceof String code ? code : null,
                "task " + task.getId(), detail, null);
    }

    private static String actor(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null ? "system" : authentication.getUserId();
    }
}
