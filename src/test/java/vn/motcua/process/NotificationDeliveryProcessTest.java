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

import vn.motcua.notify.NotificationPlan;

/** Every path of {@code notification_delivery}: sent by a job after the start commits; a channel that stays down. */
@Deployment(resources = "processes/notify/notification-delivery.bpmn")
class NotificationDeliveryProcessTest extends ProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = engine();

    private final List<Long> sent = new ArrayList<>();
    private RuntimeException channelDown;

    @BeforeEach
    void beans() {
        NotificationPlan plan = mock(NotificationPlan.class);
        when(plan.retryCycle()).thenReturn("R12/PT10M");
        Mocks.register("notificationPlan", plan);
        Mocks.register("deliverNotification", (JavaDelegate) execution -> {
            if (channelDown != null) {
                throw channelDown;
            }
            sent.add((Long) execution.getVariable("notificationId"));
        });
    }

    @Test
    void shouldSendTheNotificationInAJobOfItsOwn() {
        // When a transition records a notification and starts its instance (in the transition's transaction)
        ProcessInstance delivery = runtimeService().startProcessInstanceByKey("notification_delivery",
                "dossier:000.00.01.H01-261204-0001:accepted", Map.of("notificationId", 41L));

        // Then nothing is sent before its job runs; the job sends it and the instance ends
        assertThat(delivery).isWaitingAt("deliver_notification");
        Assertions.assertThat(sent).isEmpty();
        execute(jobQuery().processInstanceId(delivery.getId()).singleResult());
        Assertions.assertThat(sent).containsExactly(41L);
        assertThat(delivery).isEnded().hasPassed("notification_recorded", "deliver_notification", "notification_delivered");
    }

    @Test
    void shouldRaiseAnIncidentWhenTheChannelStaysDownThroughTheRetries() {
        channelDown = new IllegalStateException("SMSC answered 0x8");
        ProcessInstance delivery = runtimeService().startProcessInstanceByKey("notification_delivery",
                "dossier:000.00.01.H01-261204-0002:accepted", Map.of("notificationId", 42L));

        // The retry cycle R12/PT10M: twelve executions in all, each one due ten minutes after the last failure
        Job job = jobQuery().processInstanceId(delivery.getId()).singleResult();
        for (int failures = 0; failures < 12; failures++) {
            Assertions.assertThatThrownBy(() -> managementService().executeJob(job.getId())).hasMessageContaining("0x8");
        }

        Assertions.assertThat(jobQuery().jobId(job.getId()).singleResult().getRetries()).isZero();
        Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(delivery.getId()).singleResult()
                .getActivityId()).isEqualTo("deliver_notification");
        assertThat(delivery).isNotEnded();

        // Retry in Cockpit gives the job its retries back: it sends and the instance ends
        channelDown = null;
        managementService().setJobRetries(job.getId(), 1);
        execute(jobQuery().jobId(job.getId()).singleResult());
        Assertions.assertThat(sent).containsExactly(42L);
        assertThat(delivery).isEnded();
    }
}
