package vn.motcua.dossier;

import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The dossier capability's only door to the engine. */
@Component
class DossierProcess {

    static final String LIFECYCLE = "one_stop_dossier";
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
