package vn.motcua.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import vn.motcua.modelling.EveryUserTask;

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
        EveryUserTask.listen(configuration, listener, TaskListener.EVENTNAME_COMPLETE);
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new SurfaceFormViolations());
    }

    private static void check(FormRules rules, DelegateTask task) {
        if (((UserTask) task.getBpmnModelElementInstance()).getCamundaFormRef() != null) {
            rules.checkOrThrow(deployedForm(task), task.getVariables(), FormValidator.Mode.TASK_COMPLETION);
        }
    }

    /**
     * The engine wraps whatever a task listener or a bean expression throws into a plain engine
     * exception (HTTP 500 on the REST API); this outermost interceptor hands the form violation, or
     * one of our API errors (e.g. a calendar year nobody loaded, met while computing a due date), or
     * a listener's bad-request refusal (HTTP 400), itself back to the caller.
     */
    static final class SurfaceFormViolations extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (ProcessEngineException e) {
                for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                    if (cause instanceof FormViolationException violation) {
                        throw violation;
                    }
                    if (cause instanceof ErrorResponseException apiError) {
                        throw apiError;
                    }
                    if (cause != e && cause instanceof BadUserRequestException refusal) {
                        throw refusal; // a listener's refusal, e.g. an assignment outside the task's groups
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
