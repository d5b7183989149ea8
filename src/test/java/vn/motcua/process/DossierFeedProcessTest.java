package vn.motcua.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.motcua.reportpush.ReportPushPlan;

/** Every path of {@code dossier_feed}: the event is sent by a job after the start commits; a receiver that stays down. */
@Deployment(resources = "processes/reporting/dossier-feed.bpmn")
class DossierFeedProcessTest extends ProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = engine();

    private final List<String> sent = new ArrayList<>();
    private RuntimeException receiverDown;

    @BeforeEach
    void beans() {
        ReportPushPlan plan = mock(ReportPushPlan.class);
        when(plan.retryCycle()).thenReturn("R2/PT10M");
        Mocks.register("reportPushPlan", plan);
        Mocks.register("sendDossierEvent", (JavaDelegate) execution -> {
            if (receiverDown != null) {
                throw receiverDown;
            }
            sent.add((String) execution.getVariable("deliveryId"));
        });
    }

    @Test
    void shouldSendTheEventInAJobOfItsOwn() {
        // When the writer of an event starts the instance (in the step's transaction)
        ProcessInstance delivery = runtimeService().startProcessInstanceByKey("dossier_feed", "000.00.01.H01-261204-0001",
                Map.of("deliveryId", "delivery-1"));

        // Then nothing is sent before its job runs; the job sends it and the instance ends
        assertThat(delivery).isWaitingAt("send_dossier_event");
        Assertions.assertThat(sent).isEmpty();
        execute(jobQuery().processInstanceId(delivery.getId()).singleResult());
        Assertions.assertThat(sent).containsExactly("delivery-1");
        assertThat(delivery).isEnded().hasPassed("dossier_event_due", "send_dossier_event", "dossier_event_sent");
    }

    @Test
    void shouldRaiseAnIncidentWhenTheReceiverStaysDownThroughTheRetries() {
        receiverDown = new IllegalStateException("HTTP 503");
        ProcessInstance delivery = runtimeService().startProcessInstanceByKey("dossier_feed", "000.00.01.H01-261204-0002",
                Map.of("deliveryId", "delivery-2"));

        // The retry cycle R2/PT10M: two executions in all
        Job job = jobQuery().processInstanceId(delivery.getId()).singleResult();
        for (int failures = 0; failures < 2; failures++) {
            Assertions.assertThatThrownBy(() -> managementService().executeJob(job.getId())).hasMessageContaining("HTTP 503");
        }

        Assertions.assertThat(jobQuery().jobId(job.getId()).singleResult().getRetries()).isZero();
        Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(delivery.getId()).singleResult()
                .getActivityId()).isEqualTo("send_dossier_event");
        assertThat(delivery).isNotEnded();

        // A re-send from the delivery log gives the job its retries back: it runs again and the instance ends
        receiverDown = null;
        managementService().setJobRetries(job.getId(), 1);
        execute(jobQuery().jobId(job.getId()).singleResult());
        Assertions.assertThat(sent).containsExactly("delivery-2");
        assertThat(delivery).isEnded();
    }
}
