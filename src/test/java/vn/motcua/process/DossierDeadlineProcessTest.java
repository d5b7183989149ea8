package vn.motcua.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.InOrder;

import vn.motcua.sla.ClockTimers;

/**
 * The deadline paths of {@code one_stop_dossier} and the models it calls: due and follow-up dates on
 * every task, the phase warnings, the dossier's warning, overdue and escalation, and the clock paused
 * for a supplement. The {@code deadlines} bean is mocked; the engine clock is moved.
 */
@Deployment(resources = {
        "processes/one-stop-dossier.bpmn",
        "processes/result-return.bpmn",
        "processes/late-dossier.bpmn",
        "processes/procedures/household-business-registration.bpmn"})
class DossierDeadlineProcessTest extends ProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = engine();

    private static final String PROCEDURE = "household_business_registration";
    private static final String DOSSIER_CODE = UNIT + "-261123-0001";

    @BeforeEach
    void registerLifecycleDelegates() {
        for (String bean : List.of("issueReceipt", "requestSupplement", "issueRefusal", "closeWithoutSupplement",
                "recordDecision", "recordResultReturned")) {
            Mocks.register(bean, mock(JavaDelegate.class));
        }
    }

    @Test
    void shouldDateEveryTaskFromItsPhaseWhenDossierMovesOn() {
        // Given a submitted dossier
        ProcessInstance dossier = submitDossier();

        // Then each officer task is due at its phase's due date and followed up at its warning
        assertDated("check_completeness", "reception");
        complete(task("check_completeness", dossier), withVariables("receptionOutcome", "ACCEPT"));
        assertDated("appraise_dossier", "processing");
        complete(task("appraise_dossier", calledProcessInstance(PROCEDURE, dossier)),
                withVariables("proposedDecision", "APPROVE", "appraisalNote", "Đủ điều kiện"));
        assertDated("approve_dossier", "approval");
        complete(task("approve_dossier", dossier), withVariables("approvalDecision", "APPROVE"));
        assertDated("hand_over_at_counter", "resultReturn");
    }

    @Test
    void shouldWarnTaskHoldersWhenPhaseIsAboutToRunOut() throws Exception {
        // Given a dossier waiting at reception
        ProcessInstance dossier = submitDossier();
        Job warning = jobQuery().timers().activityId("check_completeness").singleResult();
        Assertions.assertThat(warning.getDuedate()).isEqualTo(sla.phaseWarning("reception"));

        // When the engine clock passes the reception warning
        ClockUtil.setCurrentTime(new Date(warning.getDuedate().getTime() + 1000));
        Assertions.assertThat(jobQuery().timers().executable().activityId("check_completeness").count()).isOne();
        execute(warning);

        // Then the task's holders are warned once and the task stays with them
        verify(sla.warnTaskHolders).notify(any(DelegateTask.class));
        assertThat(dossier).isWaitingAt("check_completeness");
        Assertions.assertThat(jobQuery().activityId("check_completeness").count()).isZero();
    }

    @Test
    void shouldWarnThenEscalateToHeadWhenDossierRunsOutUnderReview() throws Exception {
        // Given a dossier with the specialist
        ProcessInstance dossier = submitDossier();
        complete(task("check_completeness", dossier), withVariables("receptionOutcome", "ACCEPT"));

        // When its warning time passes
        ClockUtil.setCurrentTime(new Date(sla.start.plus(Duration.ofDays(2)).toEpochMilli() + 1000));
        execute(jobQuery().timers().activityId("dossier_at_risk").singleResult());

        // Then the holders and the head are warned and the head of the unit reviews it
        verify(sla.warnDossierAtRisk).execute(any(DelegateExecution.class));
        assertThat(dossier).isWaitingAt("process_dossier", "review_dossier_at_risk");
        ProcessInstance review = calledProcessInstance("late_dossier", dossier);
        assertThat(review).hasBusinessKey(DOSSIER_CODE).isWaitingAt("decide_on_late_dossier");
        assertThat(review).variables().containsEntry("lateness", "AT_RISK").containsEntry("unit", UNIT);
        assertThat(task("decide_on_late_dossier", review)).hasCandidateGroup("head:" + UNIT);

        // And when the due date passes before the head decides, the dossier is overdue and escalated
        ClockUtil.setCurrentTime(new Date(sla.start.plus(Duration.ofDays(3)).toEpochMilli() + 1000));
        execute(jobQuery().timers().activityId("dossier_due_passed_in_review").singleResult());
        verify(sla.markDossierOverdue).execute(any(DelegateExecution.class));
        assertThat(dossier).isWaitingAt("process_dossier", "escalate_overdue_dossier");
        ProcessInstance escalation = calledProcessInstance("late_dossier", dossier);
        Assertions.assertThat(escalation.getId()).isNotEqualTo(review.getId());
        assertThat(escalation).variables().containsEntry("lateness", "OVERDUE");
        Assertions.assertThat(taskService().createTaskQuery().taskDefinitionKey("decide_on_late_dossier").count())
                .as("the review ended with the escalation").isOne();
    }

    @Test
    void shouldEscalateAtDueDateWhenHeadKeepsWatching() throws Exception {
        // Given a dossier at risk that the head decided to keep watching
        ProcessInstance dossier = submitDossier();
        execute(jobQuery().timers().activityId("dossier_at_risk").singleResult());
        complete(task("decide_on_late_dossier", calledProcessInstance("late_dossier", dossier)),
                withVariables("lateDossierAction", "MONITOR"));
        assertThat(dossier).isWaitingAt("check_completeness", "dossier_due_passed");
        Job due = jobQuery().timers().activityId("dossier_due_passed").singleResult();
        Assertions.assertThat(due.getDuedate()).isEqualTo(Date.from(sla.start.plus(Duration.ofDays(3))));

        // When the due date passes
        execute(due);

        // Then it is overdue and escalated to the head; the dossier goes on
        verify(sla.markDossierOverdue).execute(any(DelegateExecution.class));
        assertThat(dossier).isWaitingAt("check_completeness", "escalate_overdue_dossier");
        complete(task("decide_on_late_dossier", calledProcessInstance("late_dossier", dossier)),
                withVariables("lateDossierAction", "EXPEDITE"));
        verify(sla.expediteLateTasks).execute(any(DelegateExecution.class));
        assertThat(dossier).isWaitingAt("check_completeness").hasPassed("dossier_deadline_handled");
    }

    @Test
    void shouldEscalateAgainWhenTheApologysNewAppointmentPassesToo() throws Exception {
        // Given an overdue dossier for which the head issued an apology letter with a new appointment
        ProcessInstance dossier = submitDossier();
        execute(jobQuery().timers().activityId("dossier_at_risk").singleResult());
        execute(jobQuery().timers().activityId("dossier_due_passed_in_review").singleResult());
        Date promised = Date.from(sla.start.plus(Duration.ofDays(6)));
        when(sla.deadlines.newAppointmentPending(any())).thenReturn(true);
        when(sla.deadlines.newAppointmentEnd(any())).thenReturn(promised);
        complete(task("decide_on_late_dossier", calledProcessInstance("late_dossier", dossier)),
                withVariables("lateDossierAction", "APOLOGY", "apologyReason", "Chờ ý kiến cơ quan thuế",
                        "newAppointmentDate", "2026-12-01"));
        verify(sla.issueApologyLetter).execute(any(DelegateExecution.class));

        // Then the watch waits for the new appointment
        assertThat(dossier).isWaitingAt("check_completeness", "new_appointment_passed");
        Job appointment = jobQuery().timers().activityId("new_appointment_passed").singleResult();
        Assertions.assertThat(appointment.getDuedate()).isEqualTo(promised);

        // And when it passes too, the head is asked again; an answer without a new promise ends the watch
        when(sla.deadlines.newAppointmentPending(any())).thenReturn(false);
        execute(appointment);
        assertThat(dossier).isWaitingAt("check_completeness", "escalate_overdue_dossier");
        complete(task("decide_on_late_dossier", calledProcessInstance("late_dossier", dossier)),
                withVariables("lateDossierAction", "EXPEDITE"));
        assertThat(dossier).isWaitingAt("check_completeness").hasPassed("dossier_deadline_handled");
        verify(sla.markDossierOverdue, times(1)).execute(any(DelegateExecution.class));
    }

    @Test
    void shouldStopTheWatchWhenResultIsReturned() throws Exception {
        // Given a dossier returned at the counter
        ProcessInstance dossier = submitDossier();
        complete(task("check_completeness", dossier), withVariables("receptionOutcome", "ACCEPT"));
        complete(task("appraise_dossier", calledProcessInstance(PROCEDURE, dossier)),
                withVariables("proposedDecision", "APPROVE", "appraisalNote", "Đủ điều kiện"));
        complete(task("approve_dossier", dossier), withVariables("approvalDecision", "APPROVE"));
        complete(task("hand_over_at_counter", calledProcessInstance("result_return", dossier)),
                withVariables("receiverName", "Trần Thị Bình"));

        // Then no deadline timer is left
        assertThat(dossier).isEnded();
        Assertions.assertThat(jobQuery().count()).isZero();
        verify(sla.warnDossierAtRisk, never()).execute(any(DelegateExecution.class));
    }

    @Test
    void shouldPauseClockTimersWhileWaitingForSupplementAndMoveThemWhenItArrives() throws Exception {
        // Given the real timer handling of the SLA capability on this engine
        ClockTimers timers = new ClockTimers(managementService());
        doAnswer(call -> {
            timers.suspend(((DelegateExecution) call.getArgument(0)).getProcessInstanceId());
            return null;
        }).when(sla.pauseDeadlineClock).execute(any());
        doAnswer(call -> {
            timers.reschedule(((DelegateExecution) call.getArgument(0)).getProcessInstanceId());
            return null;
        }).when(sla.resumeDeadlineClock).execute(any());
        ProcessInstance dossier = submitDossier();

        // When reception asks for a supplement and the applicant takes five days
        complete(task("check_completeness", dossier), withVariables("receptionOutcome", "INCOMPLETE",
                "missingDocuments", "Bản sao CCCD"));
        assertThat(dossier).isWaitingAt("wait_for_supplement");
        ClockUtil.setCurrentTime(Date.from(sla.start.plus(Duration.ofDays(5))));

        // Then nothing of the dossier clock fires while paused; the applicant's own time limit still runs
        List<Job> executable = jobQuery().timers().executable().active().list();
        Assertions.assertThat(executable).isEmpty();
        Assertions.assertThat(jobQuery().timers().activityId("dossier_at_risk").singleResult().isSuspended()).isTrue();
        Assertions.assertThat(jobQuery().timers().activityId("supplement_timed_out").singleResult().isSuspended())
                .isFalse();

        // And when the supplement arrives, the timers run again at the dates the clock policy gives
        Instant newDue = sla.start.plus(Duration.ofDays(8));
        sla.dossierDue(newDue);
        when(sla.deadlines.dossierWarning(any())).thenReturn(Date.from(newDue.minus(Duration.ofDays(1))));
        runtimeService().createMessageCorrelation("SupplementReceived").processInstanceBusinessKey(DOSSIER_CODE)
                .correlate();
        InOrder order = inOrder(sla.pauseDeadlineClock, sla.resumeDeadlineClock);
        order.verify(sla.pauseDeadlineClock).execute(any());
        order.verify(sla.resumeDeadlineClock).execute(any());
        Job warning = jobQuery().timers().activityId("dossier_at_risk").singleResult();
        Assertions.assertThat(warning.isSuspended()).isFalse();
        Assertions.assertThat(warning.getDuedate()).isEqualTo(Date.from(newDue.minus(Duration.ofDays(1))));
        assertThat(dossier).isWaitingAt("check_completeness").hasPassed("resume_deadline_clock");
        verify(sla.warnDossierAtRisk, times(0)).execute(any());
    }

    private void assertDated(String taskKey, String phase) {
        Task task = taskService().createTaskQuery().taskDefinitionKey(taskKey).singleResult();
        Assertions.assertThat(task.getDueDate()).as("%s due", taskKey).isEqualTo(sla.phaseDue(phase));
        Assertions.assertThat(task.getFollowUpDate()).as("%s follow-up", taskKey).isEqualTo(sla.phaseWarning(phase));
        Job warning = jobQuery().timers().activityId(taskKey).singleResult();
        Assertions.assertThat(warning).as("%s warning timer", taskKey).isNotNull();
        Assertions.assertThat(warning.getDuedate()).isEqualTo(sla.phaseWarning(phase));
    }

    private ProcessInstance submitDossier() {
        return runtimeService().startProcessInstanceByKey("one_stop_dossier", DOSSIER_CODE, withVariables(
                "unit", UNIT,
                "decidingUnit", UNIT,
                "procedureKey", PROCEDURE,
                "procedureVersion", 1,
                "resultChannel", "COUNTER",
                "supplementTimeout", "P30D",
                "applicantName", "Trần Thị Bình",
                "applicantAddress", "12 Phố Đội Cấn, Ba Đình"));
    }
}
