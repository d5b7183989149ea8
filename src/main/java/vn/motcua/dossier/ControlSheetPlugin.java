package vn.motcua.dossier;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
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
            if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
                dossiers.getObject().handedOver(code, task.getTaskDefinitionKey(), task.getName(), receivers(task));
            } else {
                Map<String, String> properties = ExtensionProperties.of((BaseElement) task.getBpmnModelElementInstance());
                dossiers.getObject().stepCompleted(code, task.getTaskDefinitionKey(), task.getName(), actor(task),
                        value(task, properties.get("outcomeField")), onBehalfOf(task, note(task, properties.get("noteFields"))));
            }
        }

        private static String receivers(DelegateTask task) {
            if (task.getAssignee() != null) {
                return task.getAssignee();
            }
            return task.getCandidates().stream()
                    .map(link -> link.getGroupId() != null ? link.getGroupId() : link.getUserId())
                    .filter(Objects::nonNull)
                    .sorted()
                    .collect(Collectors.joining(", "));
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
