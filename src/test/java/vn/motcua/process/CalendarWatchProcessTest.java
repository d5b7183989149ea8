package vn.motcua.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.motcua.calendarwatch.CalendarWatchPlan;

/** The one path of {@code calendar_watch}: the daily timer fires, the warning step runs, the next day's timer waits. */
@Deployment(resources = "processes/calendar/calendar-watch.bpmn")
class CalendarWatchProcessTest extends ProcessTest {

    /**
     * The beans, before the deployment: the engine reads the timer's cycle when it deploys the model, and
     * the engine extension deploys before {@code @BeforeEach} methods in Operaton (after them in Camunda).
     */
    @RegisterExtension
    @Order(1)
    static final BeforeEachCallback BEANS = context -> ((CalendarWatchProcessTest) context.getRequiredTestInstance()).beans();

    @RegisterExtension
    @Order(2)
    static final ProcessEngineExtension ENGINE = engine();

    private int warnings;

    void beans() {
        CalendarWatchPlan plan = mock(CalendarWatchPlan.class);
        when(plan.cycle()).thenReturn("0 0 1 * * ?");
        Mocks.register("calendarWatchPlan", plan);
        Mocks.register("warnAdministratorsOfProvisionalYear", (JavaDelegate) execution -> warnings++);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldRunTheWarningStepEveryDayWhenTheDailyTimerFires() {
        // Given the model deployed: one timer waits for the next day
        Job timer = jobQuery().processDefinitionKey("calendar_watch").timers().singleResult();
        Assertions.assertThat(timer).as("the timer start job").isNotNull();

        // When it fires, at its time
        ClockUtil.setCurrentTime(timer.getDuedate());
        execute(timer);

        // Then the warning step ran once and the run ended
        Assertions.assertThat(warnings).isEqualTo(1);
        HistoricProcessInstance run = historyService().createHistoricProcessInstanceQuery()
                .processDefinitionKey("calendar_watch").singleResult();
        Assertions.assertThat(run.getEndTime()).as("the run's end").isNotNull();
        Assertions.assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(run.getId())
                        .orderPartiallyByOccurrence().asc().list())
                .extracting(activity -> activity.getActivityId())
                .containsExactly("calendar_day_started", "warn_administrators", "calendar_checked");
        // and the next day's timer waits, a day later
        Job next = jobQuery().processDefinitionKey("calendar_watch").timers().singleResult();
        Assertions.assertThat(next.getId()).isNotEqualTo(timer.getId());
        Assertions.assertThat(Duration.between(timer.getDuedate().toInstant(), next.getDuedate().toInstant()))
                .isEqualTo(Duration.ofDays(1));
    }
}
