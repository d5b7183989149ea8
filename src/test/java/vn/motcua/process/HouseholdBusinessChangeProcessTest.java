package vn.motcua.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The change of a household business registration, received at a commune and decided by its district
 * ("liên thông"): reception and result return in the commune's task lists, appraisal and approval in the
 * district's, every path of the lifecycle that crosses the units.
 */
@Deployment(resources = {
        "processes/one-stop-dossier.bpmn",
        "processes/result-return.bpmn",
        "processes/late-dossier.bpmn",
        "processes/procedures/household-business-change.bpmn"})
class HouseholdBusinessChangeProcessTest extends ProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = engine();

    private static final String PROCEDURE = "household_business_change";
    private static final String COMMUNE = "000.31.15.H26";
    private static final String DISTRICT = UNIT;
    private static final String DOSSIER_CODE = COMMUNE + "-250312-0001";

    @BeforeEach
    void registerDelegates() {
        for (String bean : new String[] {"issueReceipt", "requestSupplement", "issueRefusal", "closeWithoutSupplement",
                "recordDecision", "recordResultReturned"}) {
            Mocks.register(bean, mock(JavaDelegate.class));
        }
    }

    @Test
    void shouldBeReceivedAtTheCommuneDecidedByTheDistrictAndReturnedAtTheCommune() {
        // Given a dossier received at a commune desk whose district decides
        ProcessInstance dossier = submit("COUNTER");
        assertThat(task("check_completeness", dossier)).hasCandidateGroup("reception:" + COMMUNE);

        // When the commune accepts it
        complete(task("check_completeness", dossier), withVariables("receptionOutcome", "ACCEPT"));

        // Then the district's specialist appraises it, seeing the desk that received it
        ProcessInstance procedure = calledProcessInstance(PROCEDURE, dossier);
        assertThat(procedure).isWaitingAt("appraise_change").variables()
                .containsEntry("unit", DISTRICT).containsEntry("receivingUnit", COMMUNE);
        assertThat(task("appraise_change", procedure)).hasCandidateGroup("specialist:" + DISTRICT);
        complete(task("appraise_change", procedure), withVariables("proposedDecision", "APPROVE", "appraisalNote", "Đủ"));

        // And the district's head approves it
        assertThat(task("approve_dossier", dossier)).hasCandidateGroup("head:" + DISTRICT);
        complete(task("approve_dossier", dossier), withVariables("approvalDecision", "APPROVE"));

        // Then the result goes back to the commune's desk, and the dossier keeps the commune as its unit
        ProcessInstance resultReturn = calledProcessInstance("result_return", dossier);
        assertThat(resultReturn).isWaitingAt("hand_over_at_counter").variables().containsEntry("unit", COMMUNE);
        assertThat(task("hand_over_at_counter", resultReturn)).hasCandidateGroup("reception:" + COMMUNE);
        complete(task("hand_over_at_counter", resultReturn), withVariables("receiverName", "Lê Văn Cường"));
        assertThat(dossier).isEnded().hasPassedInOrder("check_completeness", "issue_receipt", "process_dossier",
                "approve_dossier", "record_decision", "return_result", "result_returned")
                .variables().containsEntry("unit", COMMUNE).containsEntry("decidingUnit", DISTRICT);
    }

    @Test
    void shouldGoBackToTheDistrictsSpecialistWhenTheHeadReturnsIt() {
        // Given a travelling dossier appraised at the district
        ProcessInstance dossier = acceptedAndAppraised("POST");

        // When the district's head sends it back with a reason
        complete(task("approve_dossier", dossier), withVariables("approvalDecision", "RETURN",
                "decisionReason", "Bổ sung ý kiến về địa điểm mới"));

        // Then the district's specialist appraises it again, with the reason
        ProcessInstance again = runtimeService().createProcessInstanceQuery().processDefinitionKey(PROCEDURE)
                .processInstanceBusinessKey(DOSSIER_CODE).active().singleResult();
        assertThat(again).isWaitingAt("appraise_change").variables()
                .containsEntry("unit", DISTRICT).containsEntry("returnReason", "Bổ sung ý kiến về địa điểm mới");
        assertThat(task("appraise_change", again)).hasCandidateGroup("specialist:" + DISTRICT);
    }

    @Test
    void shouldReturnTheDistrictsRefusalByPostFromTheCommune() {
        // Given a travelling dossier appraised at the district, for return by post
        ProcessInstance dossier = acceptedAndAppraised("POST");

        // When the district's head rejects it
        complete(task("approve_dossier", dossier), withVariables("approvalDecision", "REJECT",
                "decisionReason", "Ngành nghề mới thuộc danh mục cấm"));

        // Then the commune's desk posts the reasoned refusal
        ProcessInstance resultReturn = calledProcessInstance("result_return", dossier);
        assertThat(resultReturn).isWaitingAt("send_by_post");
        assertThat(task("send_by_post", resultReturn)).hasCandidateGroup("reception:" + COMMUNE);
    }

    @Test
    void shouldStayAtTheCommuneWhenTheDeskRefusesIt() {
        // Given a travelling dossier at the commune's desk
        ProcessInstance dossier = submit("COUNTER");

        // When the commune refuses it
        complete(task("check_completeness", dossier), withVariables("receptionOutcome", "REFUSE",
                "refusalReason", "Hộ kinh doanh không đăng ký tại huyện này"));

        // Then it never reaches the district
        assertThat(dossier).isEnded().hasPassed("issue_refusal").hasNotPassed("process_dossier", "approve_dossier");
    }

    @Test
    void shouldEscalateToTheDistrictsHeadWhenItRunsLate() {
        // Given a travelling dossier being appraised at the district
        ProcessInstance dossier = submit("COUNTER");
        complete(task("check_completeness", dossier), withVariables("receptionOutcome", "ACCEPT"));

        // When its warning time passes
        ClockUtil.setCurrentTime(new Date(sla.start.plus(Duration.ofDays(2)).toEpochMilli() + 1000));
        execute(jobQuery().timers().activityId("dossier_at_risk").singleResult());

        // Then the review of the late dossier is the district head's, who answers for it
        ProcessInstance review = calledProcessInstance("late_dossier", dossier);
        assertThat(review).variables().containsEntry("unit", DISTRICT);
        assertThat(task("decide_on_late_dossier", review)).hasCandidateGroup("head:" + DISTRICT);
    }

    private ProcessInstance acceptedAndAppraised(String resultChannel) {
        ProcessInstance dossier = submit(resultChannel);
        complete(task("check_completeness", dossier), withVariables("receptionOutcome", "ACCEPT"));
        complete(task("appraise_change", calledProcessInstance(PROCEDURE, dossier)),
                withVariables("proposedDecision", "REJECT", "appraisalNote", "Không đủ điều kiện"));
        return dossier;
    }

    private ProcessInstance submit(String resultChannel) {
        return runtimeService().startProcessInstanceByKey("one_stop_dossier", DOSSIER_CODE, withVariables(
                "unit", COMMUNE,
                "decidingUnit", DISTRICT,
                "procedureKey", PROCEDURE,
                "procedureVersion", 1,
                "resultChannel", resultChannel,
                "supplementTimeout", "P30D",
                "applicantName", "Lê Văn Cường",
                "applicantAddress", "Thôn Đông, xã Hòa Bình",
                "businessName", "Hộ kinh doanh Cường Thịnh"));
    }
}
