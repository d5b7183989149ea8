package vn.motcua.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * Camunda checks no Camunda Form rule on the server: Tasklist's checks run in the browser only, and
 * the engine REST API accepts any values. This plugin checks every completion of a user task with a
 * {@code camunda:formRef} against that form; a breach is refused as a bad request (HTTP 400 on the
 * REST API, a message in Tasklist) and nothing changes.
 */
@Component
class TaskFormRulesPlugin extends AbstractProcessEnginePlugin {

    private final TaskListener listener;

    TaskFormRulesPlugin(FormRules rules) {
        this.listener = task -> check(rules, task);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        // A pre-parse listener: its task listener runs before those added later (the control sheet).
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new SurfaceFormViolations());
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
            }
        });
    }

    private static void check(FormRules rules, DelegateTask task) {
        String formRef = ((UserTask) task.getBpmnModelElementInstance()).getCamundaFormRef();
        if (formRef == null) {
            return;
        }
        List<FieldViolation> violations = rules.check(deployedForm(task), task.getVariables(),
                FormValidator.Mode.TASK_COMPLETION);
        if (!violations.isEmpty()) {
            throw new TaskFormViolationException(violations, "Form " + formRef + " of task " + task.getTaskDefinitionKey() + ": "
                    + violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")));
        }
    }

    /**
     * A completion that breaks its form's rules. The engine's own form-field validation exception,
     * so that the REST API and Tasklist answer it as a bad request and show the message.
     */
    static final class TaskFormViolationException extends FormFieldValidationException {

        TaskFormViolationException(List<FieldViolation> violations, String message) {
            super(violations, message);
        }
    }

    /**
     * The engine wraps whatever a task listener throws into a plain engine exception (HTTP 500 on
     * the REST API); this outermost interceptor hands the form violation itself back to the caller.
     */
    static final class SurfaceFormViolations extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (ProcessEngineException e) {
                for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                    if (cause instanceof TaskFormViolationException violation) {
                        throw violation;
                    }
                }
                throw e;
            }
        }
    }

    private static String deployedForm(DelegateTask task) {
        try (InputStream form = task.getProcessEngineServices().getFormService().getDeployedTaskForm(task.getId())) {
            return new String(form.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
