package vn.motcua.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of {@code result_return}: counter, public post, online. */
class ResultReturnProcessTest extends ProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = engine();

    private static final String MODEL = "processes/result-return.bpmn";
    private static final String DOSSIER_CODE = UNIT + "-250312-0002";

    private final JavaDelegate recordResultReturned = mock(JavaDelegate.class);
    private final JavaDelegate publishOnlineResult = mock(JavaDelegate.class);

    @BeforeEach
    void registerDelegates() {
        Mocks.register("recordResultReturned", recordResultReturned);
        Mocks.register("publishOnlineResult", publishOnlineResult);
    }

    @Test
    @Deployment(resources = MODEL)
    void shouldHandOverAtCounterWhenResultChannelIsCounter() throws Exception {
        // Given a result to be returned at the counter
        ProcessInstance resultReturn = startResultReturn("COUNTER");

        // Then reception of the unit hands it over
        assertThat(resultReturn).isActive().isWaitingAt("hand_over_at_counter");
        assertThat(task()).hasCandidateGroup("reception:" + UNIT);
        Assertions.assertThat(taskService().createTaskQuery().taskCandidateGroup("reception:" + UNIT).count()).isOne();
        verify(recordResultReturned, never()).execute(any(DelegateExecution.class));
        verify(publishOnlineResult, never()).execute(any(DelegateExecution.class));

        // When the officer records who received it
        complete(task(), withVariables("receiverName", "Nguyễn Văn An"));

        // Then the return is recorded
        assertThat(resultReturn).isEnded()
                .hasPassedInOrder("gateway_result_channel", "hand_over_at_counter", "record_result_returned", "result_return_completed")
                .hasNotPassed("send_by_post");
        verify(recordResultReturned).execute(any(DelegateExecution.class));
    }

    @Test
    @Deployment(resources = MODEL)
    void shouldSendByPostWhenResultChannelIsPost() throws Exception {
        // Given a result to be returned by public post
        ProcessInstance resultReturn = startResultReturn("POST");

        // Then reception of the unit posts it
        assertThat(resultReturn).isWaitingAt("send_by_post");
        assertThat(task()).hasCandidateGroup("reception:" + UNIT);

        // When the officer records the tracking number
        complete(task(), withVariables("postalTrackingNumber", "EB123456789VN"));

        // Then the return is recorded
        assertThat(resultReturn).isEnded()
                .hasPassedInOrder("send_by_post", "record_result_returned", "result_return_completed")
                .hasNotPassed("hand_over_at_counter");
        verify(recordResultReturned).execute(any(DelegateExecution.class));
    }

    @Test
    @Deployment(resources = MODEL)
    void shouldPublishAndRecordWithoutOfficerTaskWhenResultChannelIsOnline() throws Exception {
        // When a result is returned online
        ProcessInstance resultReturn = startResultReturn("ONLINE");

        // Then no officer is involved: the result is published on the portal and the return recorded at once
        assertThat(resultReturn).isEnded()
                .hasPassedInOrder("gateway_result_channel", "publish_online_result", "gateway_join_result",
                        "record_result_returned", "result_return_completed")
                .hasNotPassed("hand_over_at_counter", "send_by_post");
        Assertions.assertThat(taskService().createTaskQuery().count()).isZero();
        verify(publishOnlineResult).execute(any(DelegateExecution.class));
        verify(recordResultReturned).execute(any(DelegateExecution.class));
    }

    private ProcessInstance startResultReturn(String resultChannel) {
        return runtimeService().startProcessInstanceByKey("result_return", DOSSIER_CODE,
                withVariables("unit", UNIT, "resultChannel", resultChannel));
    }
}
