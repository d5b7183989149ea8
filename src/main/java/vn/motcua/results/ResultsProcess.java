package vn.motcua.results;

import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Where the results capability reaches the engine: the dossier's open approval task and its draft variables. */
@Component
class ResultsProcess {

    private final TaskService tasks;
    private final RuntimeService runtime;

    ResultsProcess(TaskService tasks, RuntimeService runtime) {
        this.tasks = tasks;
        this.runtime = runtime;
    }

    /** The head of unit's approval task of the dossier, while it is open. */
    Optional<Task> openApproval(String code) {
        return tasks.createTaskQuery().processInstanceBusinessKey(code)
                .taskDefinitionKey(ResultDrafts.APPROVAL_STEP).active().list().stream().findFirst();
    }

    /** Points the open approval at a new draft: a form opened from now on shows it. */
    void showDraft(Task approval, ResultDraft draft) {
        runtime.setVariable(approval.getProcessInstanceId(), ResultDelegates.SHA256, draft.sha256());
        runtime.setVariable(approval.getProcessInstanceId(), ResultDelegates.DOCUMENT, ResultDrafts.documentUrl(draft));
    }
}
