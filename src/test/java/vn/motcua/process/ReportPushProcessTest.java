package vn.motcua.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.motcua.reportpush.ReportPushPlan;

/** Every path of {@code report_push}: the period's timer, a re-send, no endpoint, a receiver that stays down. */
@Deployment(resources = "processes/reporting/report-push.bpmn")
class ReportPushProcessTest extends ProcessTest {

    /**
     * The beans, before the deployment: the engine reads the timer's cycle when it deploys the model, and
     * the engine extension deploys before {@code @BeforeEach} methods in Operaton (after them in Camunda).
     */
    @RegisterExtension
    @Order(1)
    static final BeforeEachCallback BEANS = context -> ((ReportPushProcessTest) context.getRequiredTestInstance()).beans();

    @RegisterExtension
    @Order(2)
    static final ProcessEngineExtension ENGINE = engine();

    /** What the preparation found to send, and what the push step was asked to send, in order. */
    private String prepared;
    private final List<String> pushed = new ArrayList<>();
    private RuntimeException receiverDown;

    void beans() {
        ReportPushPlan plan = mock(ReportPushPlan.class);
        when(plan.cycle()).thenReturn("0 0 1 1 * ?");
        when(plan.retryCycle()).thenReturn("R2/PT10M");
        when(plan.deliveries(any())).thenAnswer(call -> {
            String ids = (String) call.getArgument(0, DelegateExecution.class).getVariable("deliveryIds");
            return ids.isEmpty() ? List.of() : List.of(ids.split(","));
        });
        Mocks.register("reportPushPlan", plan);
        Mocks.register("prepareReportDeliveries", (JavaDelegate) execution -> execution.setVariable("deliveryIds", prepared));
        Mocks.register("pushReport", (JavaDelegate) execution -> {
            if (receiverDown != null) {
                throw receiverDown;
            }
            pushed.add((String) execution.getVariable("deliveryId"));
        });
    }

    @Test
    void shouldSendToEveryEndpointInJobsOfTheirOwnWhenThePeriodsTimerFires() {
        // Given the model deployed: one timer waits for the end of the period
        Job timer = jobQuery().processDefinitionKey("report_push").timers().singleResult();
        Assertions.assertThat(timer).as("the timer start job").isNotNull();
        prepared = "delivery-a,delivery-b";

        // When it fires
        execute(timer);

        // Then each delivery waits in a job of its own (retried alone), and the run ends when both are sent
        ProcessInstance run = runtimeService().createProcessInstanceQuery().processDefinitionKey("report_push").singleResult();
        assertThat(run).hasPassed("report_period_ended", "prepare_report_deliveries");
        List<Job> jobs = jobQuery().processInstanceId(run.getId()).list();
        Assertions.assertThat(jobs).hasSize(2);
        jobs.forEach(job -> execute(job));
        Assertions.assertThat(pushed).containsExactlyInAnyOrder("delivery-a", "delivery-b");
        assertThat(run).isEnded().hasPassed("push_report", "report_pushed");
        // and the next period's timer waits
        Assertions.assertThat(jobQuery().processDefinitionKey("report_push").timers().count()).isOne();
    }

    @Test
    void shouldSendAgainWhenAResendIsRequested() {
        prepared = "delivery-c";

        ProcessInstance run = runtimeService().createMessageCorrelation("report_resend_requested")
                .setVariables(Map.of("periodType", "MONTH", "periodFrom", "2026-10-01", "requestedBy", "supervisor"))
                .correlateStartMessage();

        assertThat(run).hasPassed("report_resend_requested_start", "prepare_report_deliveries").isWaitingAt("push_report");
        execute(jobQuery().processInstanceId(run.getId()).singleResult());
        Assertions.assertThat(pushed).containsExactly("delivery-c");
        assertThat(run).isEnded();
    }

    @Test
    void shouldEndAtOnceWhenNoEndpointIsLeftToSend() {
        prepared = "";

        execute(jobQuery().processDefinitionKey("report_push").timers().singleResult());

        Assertions.assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("report_push").count()).isZero();
        Assertions.assertThat(pushed).isEmpty();
    }

    @Test
    void shouldRaiseAnIncidentWhenTheReceiverStaysDownThroughTheRetries() {
        prepared = "delivery-d";
        receiverDown = new IllegalStateException("HTTP 503");
        execute(jobQuery().processDefinitionKey("report_push").timers().singleResult());
        ProcessInstance run = runtimeService().createProcessInstanceQuery().processDefinitionKey("report_push").singleResult();

        // The retry cycle R2/PT10M: two executions in all, ten minutes apart
        Job job = jobQuery().processInstanceId(run.getId()).singleResult();
        for (int failures = 0; failures < 2; failures++) {
            Assertions.assertThatThrownBy(() -> managementService().executeJob(job.getId())).hasMessageContaining("HTTP 503");
        }

        Assertions.assertThat(jobQuery().jobId(job.getId()).singleResult().getRetries()).isZero();
        Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(run.getId()).singleResult()
                .getActivityId()).isEqualTo("push_report");
        assertThat(run).isNotEnded();
    }
}
