package vn.motcua.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

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

import vn.motcua.agency.StandInPeriod;

/** The one path of {@code stand_in_period}: the deputy takes the tasks at the period's start and gives them back at its end. */
@Deployment(resources = "processes/stand-in-period.bpmn")
class StandInPeriodProcessTest extends ProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = engine();

    private static final Instant STARTS = Instant.parse("2026-12-07T01:00:00Z");
    private static final Instant ENDS = STARTS.plus(Duration.ofDays(2));

    private final JavaDelegate begin = mock(JavaDelegate.class);
    private final JavaDelegate end = mock(JavaDelegate.class);

    @BeforeEach
    void beans() {
        StandInPeriod period = mock(StandInPeriod.class);
        when(period.startsAt(any())).thenReturn(Date.from(STARTS));
        when(period.endsAt(any())).thenReturn(Date.from(ENDS));
        Mocks.register("standInPeriod", period);
        Mocks.register("beginStandIn", begin);
        Mocks.register("endStandIn", end);
    }

    @Test
    void shouldHandTasksToTheDeputyAtTheStartAndBackAtTheEndWhenThePeriodRuns() throws Exception {
        // Given a stand-in named for a period in the future
        ProcessInstance standIn = runtimeService().startProcessInstanceByKey("stand_in_period", "stand-in:7",
                Map.of("standInId", 7L));
        assertThat(standIn).isWaitingAt("stand_in_period_begins");
        Assertions.assertThat(job().getDuedate()).isEqualTo(Date.from(STARTS));
        verify(begin, never()).execute(any(DelegateExecution.class));

        // When its start comes, the deputy takes the tasks
        execute(job());
        verify(begin).execute(any(DelegateExecution.class));
        assertThat(standIn).isWaitingAt("stand_in_period_ends");
        Assertions.assertThat(job().getDuedate()).isEqualTo(Date.from(ENDS));
        verify(end, never()).execute(any(DelegateExecution.class));

        // Then at its end they go back, and the stand-in is over
        execute(job());
        verify(end).execute(any(DelegateExecution.class));
        assertThat(standIn).isEnded().hasPassed("hand_tasks_to_deputy", "return_tasks_to_holder", "stand_in_over");
    }
}
