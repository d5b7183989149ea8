package vn.motcua.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.motcua.forms.FieldViolation;
import vn.motcua.forms.FormViolationException;

/** Every answer of the head of unit in {@code late_dossier}. */
@Deployment(resources = "processes/late-dossier.bpmn")
class LateDossierProcessTest extends ProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = engine();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "REASSIGN, reassign_late_tasks",
            "EXPEDITE, expedite_late_tasks",
            "APOLOGY, issue_apology_letter"})
    void shouldCarryOutTheHeadsDecisionWhenHeadDecides(String action, String step) throws Exception {
        // Given an overdue dossier before the head of unit
        ProcessInstance late = lateDossier("OVERDUE");
        verify(sla.describeLateDossier).execute(any(DelegateExecution.class));
        assertThat(late).isWaitingAt("decide_on_late_dossier");
        assertThat(task("decide_on_late_dossier", late)).hasCandidateGroup("head:" + UNIT);
        // The head has one working day to answer (the model asked the mock before the test does)
        verify(sla.deadlines, atLeastOnce()).fromNow(any(), eq("1d"));
        assertThat(task("decide_on_late_dossier", late)).hasDueDate(sla.deadlines.fromNow(null, "1d"));

        // When the head decides
        complete(task("decide_on_late_dossier", late), withVariables("lateDossierAction", action,
                "newAssignee", "specialist2", "apologyReason", "Chờ ý kiến cơ quan thuế",
                "newAppointmentDate", "2026-12-01"));

        // Then that decision, and only it, is carried out after the answer was checked
        verify(sla.checkLateDossierDecision).notify(any(DelegateTask.class));
        assertThat(late).isEnded().hasPassed(step, "late_dossier_handled");
        for (JavaDelegate other : List.of(sla.reassignLateTasks, sla.expediteLateTasks, sla.issueApologyLetter)) {
            if (other != delegate(step)) {
                verify(other, never()).execute(any(DelegateExecution.class));
            }
        }
        verify(delegate(step)).execute(any(DelegateExecution.class));
    }

    @Test
    void shouldEndWithoutActionWhenHeadKeepsWatchingADossierAtRisk() throws Exception {
        ProcessInstance late = lateDossier("AT_RISK");

        complete(task("decide_on_late_dossier", late), withVariables("lateDossierAction", "MONITOR"));

        assertThat(late).isEnded().hasNotPassed("reassign_late_tasks", "expedite_late_tasks", "issue_apology_letter");
    }

    @Test
    void shouldKeepTheTaskWhenTheAnswerIsRefused() throws Exception {
        // Given a head's answer the check refuses (e.g. an appointment on a day off)
        doThrow(new FormViolationException("late-dossier", List.of(new FieldViolation("newAppointmentDate",
                "workingDay", "Ngày hẹn mới phải là ngày làm việc")))).when(sla.checkLateDossierDecision).notify(any());
        ProcessInstance late = lateDossier("OVERDUE");

        // When the head completes the task
        Assertions.assertThatThrownBy(() -> complete(task("decide_on_late_dossier", late), withVariables(
                "lateDossierAction", "APOLOGY", "apologyReason", "Chậm", "newAppointmentDate", "2026-11-28")))
                .hasRootCauseInstanceOf(FormViolationException.class);

        // Then nothing happened: the task waits for a valid answer
        assertThat(late).isWaitingAt("decide_on_late_dossier");
        verify(sla.issueApologyLetter, never()).execute(any(DelegateExecution.class));
    }

    private JavaDelegate delegate(String step) {
        return switch (step) {
            case "reassign_late_tasks" -> sla.reassignLateTasks;
            case "expedite_late_tasks" -> sla.expediteLateTasks;
            default -> sla.issueApologyLetter;
        };
    }

    private ProcessInstance lateDossier(String lateness) {
        return runtimeService().startProcessInstanceByKey("late_dossier", UNIT + "-261123-0002",
                withVariables("unit", UNIT, "lateness", lateness));
    }
}
