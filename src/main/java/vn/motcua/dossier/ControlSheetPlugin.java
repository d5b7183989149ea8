package vn.motcua.dossier;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import vn.motcua.modelling.EveryUserTask;
import vn.motcua.modelling.ExtensionProperties;

/**
 * Writes the control sheet from every user task of every deployed model, so that no analyst can
 * forget it: a hand-over row when a task is created, a completion row (who, outcome, note) when it
 * is completed. The task's {@code outcomeField} and {@code noteFields} extension properties name
 * the form fields that hold its outcome and note.
 */
@Component
class ControlSheetPlugin extends AbstractProcessEnginePlugin {

    private final ControlSheetListener listener;

    ControlSheetPlugin(ObjectProvider<DossierManagement> dossiers) {
        // Looked up when the first task runs: the engine must exist before the dossier beans can.
        this.listener = new ControlSheetListener(dossiers);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EveryUserTask.listen(configuration, listener, TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_COMPLETE);
    }

    static final class ControlSheetListener implements TaskListener {

        /** The task-local variable with the findings of the dossier's completed steps. */
        static final String FINDINGS = "stepFindings";

        private final ObjectProvider<DossierManagement> dossiers;

        ControlSheetListener(ObjectProvider<DossierManagement> dossiers) {
            this.dossiers = dossiers;
        }

        @Override
        public void notify(DelegateTask task) {
            String code = task.getExecution().getProcessBusinessKey();
            if (code == null) {
                return; // not a dossier's process
            }
            Map<String, String> properties = ExtensionProperties.of((BaseElement) task.getBpmnModelElementInstance());
            if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
                forgetEarlierAnswers(task, properties);
                // What the steps before found, for the forms that show it (the head's approval).
                task.setVariableLocal(FINDINGS, dossiers.getObject().findings(code));
                dossiers.getObject().handedOver(code, task.getTaskDefinitionKey(), task.getName(), receivers(task));
            } else {
                dossiers.getObject().stepCompleted(code, task.getTaskDefinitionKey(), task.getName(), actor(task),
                        value(task, properties.get("outcomeField")), onBehalfOf(task, note(task, properties.get("noteFields"))),
                        stillOpen(task, code));
            }
        }

        /**
         * A step done again (approval after a return, a second completeness check) starts with no
         * outcome and no note: else its form showed the earlier answer, and a hidden note field kept
         * the earlier note, which the new completion row then carried.
         */
        private static void forgetEarlierAnswers(DelegateTask task, Map<String, String> properties) {
            String fields = String.join(",", properties.getOrDefault("outcomeField", ""), properties.getOrDefault("noteFields", ""));
            for (String field : fields.split(",")) {
                String name = field.strip();
                if (!name.isEmpty() && task.hasVariable(name)) {
                    task.removeVariable(name);
                }
            }
        }

        private static String receivers(DelegateTask task) {
            if (task.getAssignee() != null) {
                return task.getAssignee();
            }
            return holders(task.getCandidates());
        }

        private static String holders(Collection<? extends IdentityLink> links) {
            return links.stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                    .map(link -> link.getGroupId() != null ? link.getGroupId() : link.getUserId())
                    .filter(Objects::nonNull)
                    .sorted()
                    .collect(Collectors.joining(", "));
        }

        /**
         * Another task of the dossier still open when this one completes (the late step beside the
         * head's escalation, a parallel branch): the dossier stays with it, one of another step
         * first, then the oldest. Only tasks the completing officer may read (a head reads every
         * task of the unit).
         */
        private static ControlSheetStep stillOpen(DelegateTask task, String code) {
            TaskService tasks = task.getProcessEngineServices().getTaskService();
            return tasks.createTaskQuery().processInstanceBusinessKey(code).active().orderByTaskCreateTime().asc().list()
                    .stream()
                    .filter(open -> !open.getId().equals(task.getId()))
                    .min(Comparator.comparing((Task open) -> task.getTaskDefinitionKey().equals(open.getTaskDefinitionKey())))
                    .map(open -> new ControlSheetStep(open.getName(), open.getAssignee() != null ? open.getAssignee()
                            : holders(tasks.getIdentityLinksForTask(open.getId()))))
                    .orElse(null);
        }

        private static String actor(DelegateTask task) {
            if (task.getAssignee() != null) {
                return task.getAssignee();
            }
            Authentication authentication = task.getProcessEngineServices().getIdentityService()
                    .getCurrentAuthentication();
            return authentication == null ? null : authentication.getUserId();
        }

        /** A stand-in's deputy works the task for its holder: the task says so in {@link DossierManagement#ON_BEHALF_OF}, and so does the sheet. */
        private static String onBehalfOf(DelegateTask task, String note) {
            Object onBehalfOf = task.getVariableLocal(DossierManagement.ON_BEHALF_OF);
            if (!(onBehalfOf instanceof String text) || text.isBlank()) {
                return note;
            }
            return note == null ? text : text + " | " + note;
        }

        private static String value(DelegateTask task, String field) {
            if (field == null || field.isBlank()) {
                return null;
            }
            Object value = task.getVariable(field.strip());
            return value == null ? null : value.toString();
        }

        private static String note(DelegateTask task, String fields) {
            if (fields == null) {
                return null;
            }
            String note = Arrays.stream(fields.split(","))
                    .map(field -> value(task, field))
                    .filter(value -> value != null && !value.isBlank())
                    .collect(Collectors.joining(" | "));
            return note.isEmpty() ? null : note.substring(0, Math.min(note.length(), 4000));
        }
    }
}
