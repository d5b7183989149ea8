package vn.motcua.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.mock;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the process tests: one in-memory engine (cached by Camunda across test classes), the
 * assertions pointed at it, the mock delegates cleared after each test. Each test class registers
 * {@link #engine()} in a static field of its own: the extension keeps per-class state.
 */
abstract class ProcessTest {

    static final String UNIT = "000.00.15.H26";

    /**
     * Not named camunda.cfg.xml: Camunda builds a "default" engine from any file of that name on the
     * classpath, and the integration tests' REST API would then talk to it instead of the app's.
     */
    static ProcessEngineExtension engine() {
        return ProcessEngineExtension.builder().configurationResource("camunda-process-tests.cfg.xml").build();
    }

    /** The SLA beans every model calls (due dates, timers, escalation), mocked. */
    SlaBeans sla;

    /** The payment beans of the lifecycle, mocked: no fee unless a test says so. */
    PaymentBeans fees;

    /** The listener that tells the applicant a result is ready for the counter or the post, mocked. */
    ExecutionListener announceResult;
    /** The result document's drafting ({@code draft_result}) and the approval's check of it, mocked. */
    final JavaDelegate draftResult = mock(JavaDelegate.class);
    final TaskListener approveResultDraft = mock(TaskListener.class);

    @BeforeEach
    void useTestEngine() {
        BpmnAwareTests.init(ProcessEngines.getProcessEngine("process-tests"));
        sla = new SlaBeans();
        sla.register();
        fees = new PaymentBeans();
        fees.register();
        announceResult = mock(ExecutionListener.class);
        Mocks.register("announceResult", announceResult);
        Mocks.register("draftResult", draftResult);
        Mocks.register("approveResultDraft", approveResultDraft);
    }

    /**
     * Starts {@code one_stop_dossier} for a dossier of the procedure with the submitted values, and
     * accepts it at reception (the receipt delegate mocked): the lifecycle then waits in the procedure's model.
     */
    ProcessInstance acceptedDossier(String code, String unit, String procedureKey, String resultChannel,
            Map<String, Object> submitted) {
        Mocks.register("issueReceipt", mock(JavaDelegate.class));
        Map<String, Object> variables = new HashMap<>(submitted);
        variables.putAll(Map.of("unit", unit, "decidingUnit", unit, "procedureKey", procedureKey, "procedureVersion", 1,
                "resultChannel", resultChannel, "supplementTimeout", "P30D"));
        ProcessInstance dossier = runtimeService().startProcessInstanceByKey("one_stop_dossier", code, variables);
        complete(task("check_completeness", dossier), withVariables("receptionOutcome", "ACCEPT"));
        return dossier;
    }

    @AfterEach
    void resetEngineState() {
        ClockUtil.reset();
        Mocks.reset();
        BpmnAwareTests.reset();
    }
}
