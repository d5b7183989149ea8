package vn.motcua.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of {@code one_stop_dossier}, with the procedure model and {@code result_return} it calls. */
@Deployment(resources = {
        "processes/one-stop-dossier.bpmn",
        "processes/result-return.bpmn",
        "processes/late-dossier.bpmn",
        "processes/procedures/household-business-registration.bpmn"})
class OneStopDossierProcessTest extends ProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = engine();

    private static final String PROCESS = "one_stop_dossier";
    private static final String PROCEDURE = "household_business_registration";
    private static final String RESULT_RETURN = "result_return";
    private static final String DOSSIER_CODE = UNIT + "-250312-0001";

    private final JavaDelegate issueReceipt = mock(JavaDelegate.class);
    private final JavaDelegate requestSupplement = mock(JavaDelegate.class);
    private final JavaDelegate issueRefusal = mock(JavaDelegate.class);
    private final JavaDelegate closeWithoutSupplement = mock(JavaDelegate.class);
    private final JavaDelegate recordDecision = mock(JavaDelegate.class);
    private final JavaDelegate recordResultReturned = mock(JavaDelegate.class);
    private final JavaDelegate publishOnlineResult = mock(JavaDelegate.class);

    @BeforeEach
    void registerDelegates() {
        Mocks.register("issueReceipt", issueReceipt);
        Mocks.register("requestSupplement", requestSupplement);
        Mocks.register("issueRefusal", issueRefusal);
        Mocks.register("closeWithoutSupplement", closeWithoutSupplement);
        Mocks.register("recordDecision", recordDecision);
        Mocks.register("recordResultReturned", recordResultReturned);
        Mocks.register("publishOnlineResult", publishOnlineResult);
    }

    @Test
    void shouldReturnResultWhenDossierIsAcceptedAndApproved() throws Exception {
        // Given a dossier submitted for return at the counter
        ProcessInstance dossier = submitDossier("COUNTER");
        assertThat(dossier).isActive().isWaitingAt("check_completeness");

        // When reception accepts it, the specialist proposes approval and the head approves
        checkCompleteness(dossier, "ACCEPT");
        appraise(dossier, "APPROVE");
        decide(dossier, "APPROVE", null);

        // Then the result is handed over at the counter and the dossier ends as returned
        assertThat(dossier).isWaitingAt("return_result");
        ProcessInstance resultReturn = calledProcessInstance(RESULT_RETURN, dossier);
        assertThat(resultReturn).isWaitingAt("hand_over_at_counter");
        complete(task("hand_over_at_counter", resultReturn), withVariables("receiverName", "Nguyễn Văn An"));

        assertThat(dossier).isEnded().hasPassedInOrder("dossier_submitted", "check_completeness", "issue_receipt",
                "process_dossier", "approve_dossier", "record_decision", "return_result", "result_returned");
        // The clock starts at the acceptance, before the receipt; the applicant is told the result is ready
        InOrder order = inOrder(sla.startClockAtAcceptance, issueReceipt, recordDecision, announceResult,
                recordResultReturned);
        order.verify(sla.startClockAtAcceptance).notify(any(DelegateExecution.class));
        order.verify(issueReceipt).execute(any(DelegateExecution.class));
        order.verify(recordDecision).execute(any(DelegateExecution.class));
        order.verify(announceResult).notify(any(DelegateExecution.class));
        order.verify(recordResultReturned).execute(any(DelegateExecution.class));
        verify(requestSupplement, never()).execute(any(DelegateExecution.class));
        verify(issueRefusal, never()).execute(any(DelegateExecution.class));
    }

    @Test
    void shouldCheckAgainAndAcceptWhenSupplementArrives() throws Exception {
        // Given a dossier found incomplete at reception
        ProcessInstance dossier = submitDossier("ONLINE");
        checkCompleteness(dossier, "INCOMPLETE", "missingDocuments", "Bản sao CCCD của chủ hộ");
        verify(requestSupplement).execute(any(DelegateExecution.class));
        assertThat(dossier).isWaitingAt("wait_for_supplement").isWaitingFor("SupplementReceived");

        // When the applicant's supplement arrives
        runtimeService().createMessageCorrelation("SupplementReceived")
                .processInstanceBusinessKey(DOSSIER_CODE)
                .setVariable("applicantIdNumber", "001085012345")
                .correlate();

        // Then reception checks it again and can accept it
        assertThat(dossier).isWaitingAt("check_completeness").hasPassed("wait_for_supplement");
        checkCompleteness(dossier, "ACCEPT");
        assertThat(dossier).isWaitingAt("process_dossier").hasNotPassed("supplement_timed_out");
        verify(issueReceipt).execute(any(DelegateExecution.class));
    }

    @Test
    void shouldCloseDossierWhenSupplementTimeoutPasses() throws Exception {
        // Given a dossier waiting for a supplement with a 30-day limit
        ProcessInstance dossier = submitDossier("COUNTER");
        checkCompleteness(dossier, "INCOMPLETE", "missingDocuments", "Hợp đồng thuê địa điểm kinh doanh");
        Job timer = jobQuery().processInstanceId(dossier.getId()).timers().activityId("supplement_timed_out").singleResult();
        Assertions.assertThat(timer).as("supplement timer").isNotNull();
        Assertions.assertThat(timer.getDuedate().toInstant())
                .isBetween(Instant.now().plus(Duration.ofDays(29)), Instant.now().plus(Duration.ofDays(31)));

        // When the limit passes without a supplement
        execute(timer);

        // Then the dossier is closed without a receipt
        assertThat(dossier).isEnded()
                .hasPassed("supplement_timed_out", "close_without_supplement", "dossier_closed_without_supplement")
                .hasNotPassed("issue_receipt", "process_dossier");
        verify(closeWithoutSupplement).execute(any(DelegateExecution.class));
        verify(issueReceipt, never()).execute(any(DelegateExecution.class));
    }

    @Test
    void shouldSendRefusalNoticeWhenReceptionRefuses() throws Exception {
        // Given a submitted dossier
        ProcessInstance dossier = submitDossier("POST");

        // When reception refuses it
        checkCompleteness(dossier, "REFUSE", "refusalReason", "Ngành nghề kinh doanh bị cấm");

        // Then the refusal notice is sent and the dossier ends refused
        assertThat(dossier).isEnded().hasPassed("issue_refusal", "dossier_refused")
                .hasNotPassed("issue_receipt", "request_supplement");
        verify(issueRefusal).execute(any(DelegateExecution.class));
        verify(issueReceipt, never()).execute(any(DelegateExecution.class));
        // A refused dossier's clock never starts, and no result is announced
        verify(sla.startClockAtAcceptance, never()).notify(any(DelegateExecution.class));
        verify(announceResult, never()).notify(any(DelegateExecution.class));
    }

    @Test
    void shouldProcessAgainWithReasonWhenHeadReturnsDossierToSpecialist() throws Exception {
        // Given an accepted dossier whose appraisal reached the head of unit
        ProcessInstance dossier = submitDossier("ONLINE");
        checkCompleteness(dossier, "ACCEPT");
        ProcessInstance firstAppraisal = calledProcessInstance(PROCEDURE, dossier);
        Assertions.assertThat(runtimeService().getVariable(firstAppraisal.getId(), "returnReason")).isNull();
        appraise(dossier, "APPROVE");

        // When the head returns it to the specialist with a reason
        decide(dossier, "RETURN", "Bổ sung xác minh địa điểm kinh doanh");

        // Then the procedure runs again and the specialist sees the reason as returnReason
        assertThat(dossier).isWaitingAt("process_dossier").hasNotPassed("record_decision");
        ProcessInstance secondAppraisal = calledProcessInstance(PROCEDURE, dossier);
        Assertions.assertThat(secondAppraisal.getId()).isNotEqualTo(firstAppraisal.getId());
        assertThat(secondAppraisal).isWaitingAt("appraise_dossier");
        Assertions.assertThat(runtimeService().getVariable(secondAppraisal.getId(), "returnReason"))
                .isEqualTo("Bổ sung xác minh địa điểm kinh doanh");

        // And when the specialist appraises again and the head approves, the result is returned
        appraise(dossier, "APPROVE");
        decide(dossier, "APPROVE", null);
        assertThat(dossier).isEnded().hasPassed("record_decision", "return_result", "result_returned");
        verify(recordDecision, times(1)).execute(any(DelegateExecution.class));
        verify(recordResultReturned).execute(any(DelegateExecution.class));
    }

    @Test
    void shouldStillReturnResultWhenHeadRejects() throws Exception {
        // Given an accepted, appraised dossier to be returned by post
        ProcessInstance dossier = submitDossier("POST");
        checkCompleteness(dossier, "ACCEPT");
        appraise(dossier, "REJECT");

        // When the head rejects it with a reason
        decide(dossier, "REJECT", "Tên hộ kinh doanh trùng với hộ kinh doanh đã đăng ký");

        // Then the decision is recorded and the reasoned refusal is returned like any result
        verify(recordDecision).execute(any(DelegateExecution.class));
        assertThat(dossier).isWaitingAt("return_result").hasPassed("record_decision");
        ProcessInstance resultReturn = calledProcessInstance(RESULT_RETURN, dossier);
        assertThat(resultReturn).isWaitingAt("send_by_post");
        complete(task("send_by_post", resultReturn), withVariables("postalTrackingNumber", "EB123456789VN"));
        assertThat(dossier).isEnded().hasPassed("result_returned");
        verify(recordResultReturned).execute(any(DelegateExecution.class));
    }

    @Test
    void shouldOfferEachTaskToItsRoleGroupOfTheUnitWhenDossierMovesOn() {
        // Given a submitted dossier of unit UNIT
        ProcessInstance dossier = submitDossier("COUNTER");

        // Then each task is offered to the role's group of that unit, and only to it
        assertOfferedOnlyTo("check_completeness", "reception:" + UNIT);
        checkCompleteness(dossier, "ACCEPT");
        assertOfferedOnlyTo("appraise_dossier", "specialist:" + UNIT);
        appraise(dossier, "APPROVE");
        assertOfferedOnlyTo("approve_dossier", "head:" + UNIT);
        decide(dossier, "APPROVE", null);
        assertOfferedOnlyTo("hand_over_at_counter", "reception:" + UNIT);
        Assertions.assertThat(taskService().createTaskQuery().taskCandidateGroup("reception:000.00.16.H26").count())
                .as("tasks offered to another unit's reception").isZero();
    }

    @Test
    void shouldPassDossierCodeAndSubmittedValuesWhenCallingProcedureAndResultReturn() {
        // Given a submitted dossier with the applicant's values
        ProcessInstance dossier = submitDossier("COUNTER");

        // When it is accepted
        checkCompleteness(dossier, "ACCEPT");

        // Then the procedure instance carries the dossier code as business key, the unit and the submitted values
        ProcessInstance procedure = calledProcessInstance(PROCEDURE, dossier);
        assertThat(procedure).hasBusinessKey(DOSSIER_CODE);
        assertThat(procedure).variables()
                .containsEntry("unit", UNIT)
                .containsEntry("applicantName", "Trần Thị Bình")
                .containsEntry("businessName", "Hộ kinh doanh Bình An");

        // And the result return carries it too, with whom and where to return the result to
        appraise(dossier, "APPROVE");
        decide(dossier, "APPROVE", null);
        ProcessInstance resultReturn = calledProcessInstance(RESULT_RETURN, dossier);
        assertThat(resultReturn).hasBusinessKey(DOSSIER_CODE);
        assertThat(resultReturn).variables()
                .containsEntry("unit", UNIT)
                .containsEntry("resultChannel", "COUNTER")
                .containsEntry("applicantName", "Trần Thị Bình")
                .containsEntry("applicantAddress", "12 Phố Đội Cấn, Ba Đình")
                .doesNotContainKey("businessName");
    }

    @Test
    void shouldCallProcedureVersionOfSubmissionWhenNewerVersionIsDeployed() {
        // Given a newer version of the procedure deployed after the dossier's version 1
        String newer = repositoryService().createDeployment()
                .addClasspathResource("processes/procedures/household-business-registration.bpmn")
                .deploy().getId();
        try {
            Assertions.assertThat(repositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey(PROCEDURE).latestVersion().singleResult().getVersion()).isEqualTo(2);

            // When a dossier submitted on version 1 is accepted
            ProcessInstance dossier = submitDossier("ONLINE");
            checkCompleteness(dossier, "ACCEPT");

            // Then version 1 processes it
            ProcessDefinition called = repositoryService().getProcessDefinition(
                    calledProcessInstance(PROCEDURE, dossier).getProcessDefinitionId());
            Assertions.assertThat(called.getVersion()).isEqualTo(1);
        } finally {
            repositoryService().deleteDeployment(newer, true);
        }
    }

    @Test
    void shouldWaitForFeeBeforeProcessingWhenProcedureAsksForItFirst() throws Exception {
        // Given a procedure whose fee is paid before processing, and a dossier that has not paid it yet
        fees.owe(100000L, "BEFORE_PROCESSING");
        ProcessInstance dossier = submitDossier("COUNTER");

        // When reception accepts it
        checkCompleteness(dossier, "ACCEPT");

        // Then the applicant is asked to pay, the clock stops, and the dossier waits for the payment
        assertThat(dossier).isWaitingAt("wait_for_payment").isWaitingFor("PaymentReceived")
                .hasPassedInOrder("issue_receipt", "request_payment", "pause_clock_for_payment")
                .hasNotPassed("process_dossier").variables().containsEntry("feeAmount", 100000L);
        verify(fees.requestPayment).execute(any(DelegateExecution.class));
        verify(sla.pauseDeadlineClock).execute(any(DelegateExecution.class));

        // When the bank's notice (or the cash desk) records the payment
        fees.paid();
        runtimeService().createMessageCorrelation("PaymentReceived").processInstanceBusinessKey(DOSSIER_CODE).correlate();

        // Then the clock runs again and the procedure's processing starts
        assertThat(dossier).isWaitingAt("process_dossier").hasPassedInOrder("wait_for_payment", "resume_clock_after_payment");
        verify(sla.resumeDeadlineClock).execute(any(DelegateExecution.class));
        appraise(dossier, "APPROVE");
        decide(dossier, "APPROVE", null);
        assertThat(dossier).isWaitingAt("return_result");
        verify(fees.requestPayment, times(1)).execute(any(DelegateExecution.class));
    }

    @Test
    void shouldRemindThenCloseDossierWhenFeeIsNotPaidInTime() throws Exception {
        // Given a dossier waiting for its fee
        fees.owe(100000L, "BEFORE_PROCESSING");
        ProcessInstance dossier = submitDossier("COUNTER");
        checkCompleteness(dossier, "ACCEPT");
        Job reminder = jobQuery().processInstanceId(dossier.getId()).timers().activityId("payment_reminder_due").singleResult();
        Job deadline = jobQuery().processInstanceId(dossier.getId()).timers().activityId("payment_timed_out").singleResult();
        Assertions.assertThat(reminder.getDuedate()).isEqualTo(sla.deadlines.fromNow(null, "3d"));
        Assertions.assertThat(deadline.getDuedate()).isEqualTo(sla.deadlines.fromNow(null, "5d"));

        // When the reminder's time comes
        execute(reminder);

        // Then the applicant is reminded and the dossier still waits
        verify(fees.remindPayment).execute(any(DelegateExecution.class));
        assertThat(dossier).isWaitingAt("wait_for_payment").hasPassed("payment_reminded");

        // When the payment deadline passes
        execute(jobQuery().processInstanceId(dossier.getId()).timers().activityId("payment_timed_out").singleResult());

        // Then the dossier is closed without processing
        assertThat(dossier).isEnded().hasPassed("payment_timed_out", "close_without_payment", "dossier_closed_without_payment")
                .hasNotPassed("process_dossier", "resume_clock_after_payment");
        verify(fees.closeWithoutPayment).execute(any(DelegateExecution.class));
    }

    @Test
    void shouldWaitForFeeBeforeResultWhenHeadApproves() throws Exception {
        // Given a procedure whose fee is paid when the result is handed over
        fees.owe(75000L, "BEFORE_RESULT");
        ProcessInstance dossier = submitDossier("COUNTER");
        checkCompleteness(dossier, "ACCEPT");
        assertThat(dossier).isWaitingAt("process_dossier").hasNotPassed("request_payment");

        // When the head of unit approves
        appraise(dossier, "APPROVE");
        decide(dossier, "APPROVE", null);

        // Then the result waits for the fee
        assertThat(dossier).isWaitingAt("wait_for_payment").hasPassed("record_decision").hasNotPassed("return_result");

        // When it is paid, the result is returned
        fees.paid();
        runtimeService().createMessageCorrelation("PaymentReceived").processInstanceBusinessKey(DOSSIER_CODE).correlate();
        assertThat(dossier).isWaitingAt("return_result").hasPassed("resume_clock_after_payment");
    }

    @Test
    void shouldNotWaitWhenFeeWasPaidBeforeTheDossierGotThere() throws Exception {
        // Given a fee the applicant paid right after submitting, before reception accepted the dossier
        fees.owe(100000L, "BEFORE_PROCESSING");
        fees.paid();
        ProcessInstance dossier = submitDossier("COUNTER");

        // When reception accepts it
        checkCompleteness(dossier, "ACCEPT");

        // Then processing starts at once
        assertThat(dossier).isWaitingAt("process_dossier").hasNotPassed("request_payment", "wait_for_payment");
        verify(sla.pauseDeadlineClock, never()).execute(any(DelegateExecution.class));
    }

    @Test
    void shouldDraftTheResultBeforeTheHeadApprovesIt() throws Exception {
        // Given an accepted dossier
        ProcessInstance dossier = submitDossier("ONLINE");
        checkCompleteness(dossier, "ACCEPT");
        verify(draftResult, never()).execute(any(DelegateExecution.class));

        // When the specialist finishes the appraisal
        appraise(dossier, "APPROVE");

        // Then the result is drafted before the head's task opens, and the head's approval is checked against it
        assertThat(dossier).hasPassedInOrder("process_dossier", "draft_result").isWaitingAt("approve_dossier");
        verify(draftResult).execute(any(DelegateExecution.class));
        decide(dossier, "APPROVE", null);
        verify(approveResultDraft).notify(any(DelegateTask.class));
        assertThat(dossier).hasPassedInOrder("draft_result", "approve_dossier", "record_decision", "return_result");
    }

    @Test
    void shouldDraftAgainWhenTheHeadReturnsTheDossier() throws Exception {
        // Given a drafted result the head sends back
        ProcessInstance dossier = submitDossier("COUNTER");
        checkCompleteness(dossier, "ACCEPT");
        appraise(dossier, "APPROVE");
        decide(dossier, "RETURN", "Ghi rõ ngành nghề kinh doanh theo mã ngành");

        // When the specialist appraises it again
        appraise(dossier, "APPROVE");

        // Then the result is drafted a second time, for the head to approve that one
        verify(draftResult, times(2)).execute(any(DelegateExecution.class));
        assertThat(dossier).isWaitingAt("approve_dossier");
    }

    @Test
    void shouldKeepTheApprovalOpenWhenTheDraftChangedSinceTheHeadSawIt() throws Exception {
        // Given the approval check refusing the hash the head's form carries
        ProcessInstance dossier = submitDossier("ONLINE");
        checkCompleteness(dossier, "ACCEPT");
        appraise(dossier, "APPROVE");
        doThrow(new IllegalStateException("draft changed")).when(approveResultDraft).notify(any(DelegateTask.class));

        // When the head approves
        Assertions.assertThatThrownBy(() -> decide(dossier, "APPROVE", null)).hasMessageContaining("draft changed");

        // Then nothing moved: the head's task is still open and no decision was recorded
        assertThat(dossier).isWaitingAt("approve_dossier").hasNotPassed("record_decision");
        verify(recordDecision, never()).execute(any(DelegateExecution.class));
    }

    private ProcessInstance submitDossier(String resultChannel) {
        return runtimeService().startProcessInstanceByKey(PROCESS, DOSSIER_CODE, withVariables(
                "unit", UNIT,
                "decidingUnit", UNIT,
                "procedureKey", PROCEDURE,
                "procedureVersion", 1,
                "resultChannel", resultChannel,
                "supplementTimeout", "P30D",
                "applicantName", "Trần Thị Bình",
                "applicantAddress", "12 Phố Đội Cấn, Ba Đình",
                "businessName", "Hộ kinh doanh Bình An"));
    }

    private void checkCompleteness(ProcessInstance dossier, String outcome, Object... note) {
        Map<String, Object> values = note.length == 0
                ? withVariables("receptionOutcome", outcome)
                : withVariables("receptionOutcome", outcome, note);
        complete(task("check_completeness", dossier), values);
    }

    private void appraise(ProcessInstance dossier, String proposedDecision) {
        assertThat(dossier).isWaitingAt("process_dossier");
        ProcessInstance procedure = calledProcessInstance(PROCEDURE, dossier);
        complete(task("appraise_dossier", procedure),
                withVariables("proposedDecision", proposedDecision, "appraisalNote", "Đủ điều kiện theo Nghị định 01/2021"));
        assertThat(dossier).isWaitingAt("approve_dossier");
    }

    private void decide(ProcessInstance dossier, String approvalDecision, String reason) {
        Map<String, Object> values = reason == null
                ? withVariables("approvalDecision", approvalDecision)
                : withVariables("approvalDecision", approvalDecision, "decisionReason", reason);
        complete(task("approve_dossier", dossier), values);
    }

    private static void assertOfferedOnlyTo(String taskKey, String group) {
        Assertions.assertThat(taskService().createTaskQuery().taskCandidateGroup(group).list())
                .as("tasks offered to %s", group)
                .extracting(Task::getTaskDefinitionKey)
                .containsExactly(taskKey);
        assertThat(taskService().createTaskQuery().taskDefinitionKey(taskKey).singleResult()).hasCandidateGroup(group);
    }
}
