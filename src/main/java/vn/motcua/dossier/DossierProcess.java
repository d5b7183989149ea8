package vn.motcua.dossier;

import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import vn.motcua.catalogue.ProcedureCatalogue;

/** The dossier capability's only door to the engine. */
@Component
class DossierProcess {

    // The catalogue walks the same model for the procedure pages: one name for both.
    static final String LIFECYCLE = ProcedureCatalogue.LIFECYCLE;
    static final String SUPPLEMENT_RECEIVED = "SupplementReceived";

    private final RuntimeService runtime;

    DossierProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Starts the one-stop lifecycle with the dossier code as business key; returns the instance id. */
    String start(String dossierCode, Map<String, Object> variables) {
        return runtime.startProcessInstanceByKey(LIFECYCLE, dossierCode, variables).getId();
    }

    /** Wakes the lifecycle waiting for this dossier's supplement; false when it is not waiting. */
    boolean supplementReceived(String dossierCode, Map<String, Object> changedValues) {
        try {
            runtime.createMessageCorrelation(SUPPLEMENT_RECEIVED)
                    .processInstanceBusinessKey(dossierCode)
                    .setVariables(changedValues)
                    .correlateWithResult();
            return true;
        } catch (MismatchingMessageCorrelationException notWaiting) {
            return false;
        }
    }
}
