package vn.motcua.worklist;

import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierManagement;
import vn.motcua.modelling.EveryUserTask;

/**
 * Every task of a dossier says which dossier it is, whatever model it comes from: its description
 * names the procedure, the dossier code and the applicant, and the task-local variables
 * {@value #DOSSIER_CODE}, {@value #PROCEDURE_NAME} and {@value #APPLICANT_NAME} carry them on the
 * Tasklist cards, where a list of reception tasks can be searched and sorted by them.
 */
@Component
class TaskCards extends AbstractProcessEnginePlugin {

    static final String DOSSIER_CODE = "dossierCode";
    static final String PROCEDURE_NAME = "procedureName";
    static final String APPLICANT_NAME = "applicantName";
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final ObjectProvider<DossierManagement> dossiers;
    private final MessageSource messages;

    TaskCards(ObjectProvider<DossierManagement> dossiers, MessageSource messages) {
        // Looked up when the first task runs: the engine must exist before the dossier beans can.
        this.dossiers = dossiers;
        this.messages = messages;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EveryUserTask.listen(configuration, this::describe, TaskListener.EVENTNAME_CREATE);
    }

    private void describe(DelegateTask task) {
        String code = task.getExecution().getProcessBusinessKey();
        if (code == null) {
            return; // not a dossier's process
        }
        Dossier dossier = dossiers.getObject().find(code).orElse(null);
        if (dossier == null) {
            return;
        }
        String applicant = dossier.applicant() == null ? null : dossier.applicant().name();
        task.setVariableLocal(DOSSIER_CODE, code);
        task.setVariableLocal(PROCEDURE_NAME, dossier.procedureName());
        if (applicant != null && task.getVariable(APPLICANT_NAME) == null) {
            task.setVariableLocal(APPLICANT_NAME, applicant);
        }
        if (task.getDescription() == null || task.getDescription().isBlank()) {
            task.setDescription(messages.getMessage("worklist.taskDescription",
                    new Object[] {dossier.procedureName(), code, applicant == null ? "" : applicant}, VIETNAMESE));
        }
    }
}
