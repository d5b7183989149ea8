package vn.motcua.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processDefinition;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.mock;

import java.util.LinkedHashMap;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The household business registration procedure: its appraisal path and its catalogue entry. */
class HouseholdBusinessRegistrationProcessTest extends ProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = engine();

    private static final String MODEL = "processes/procedures/household-business-registration.bpmn";
    private static final String PROCESS = "household_business_registration";
    private static final String DOSSIER_CODE = UNIT + "-250312-0003";

    @Test
    @Deployment(resources = MODEL)
    void shouldEndWithProposedDecisionWhenSpecialistAppraisesDossier() {
        // Given the dossier handed to the procedure
        ProcessInstance procedure = runtimeService().startProcessInstanceByKey(PROCESS, DOSSIER_CODE,
                withVariables("unit", UNIT, "businessName", "Hộ kinh doanh Bình An"));

        // Then a specialist of the unit appraises it
        assertThat(procedure).isActive().isWaitingAt("appraise_dossier");
        assertThat(task()).hasCandidateGroup("specialist:" + UNIT);
        Assertions.assertThat(taskService().createTaskQuery().taskCandidateGroup("specialist:" + UNIT).count()).isOne();

        // When the specialist proposes a decision
        complete(task(), withVariables("proposedDecision", "APPROVE", "appraisalNote", "Đủ điều kiện"));

        // Then the procedure ends with the proposal
        assertThat(procedure).isEnded().hasPassedInOrder("appraisal_requested", "appraise_dossier", "appraisal_completed");
    }

    @Test
    @Deployment(resources = {
            MODEL,
            "processes/one-stop-dossier.bpmn",
            "processes/result-return.bpmn"})
    void shouldMapProposalBackToDossierWhenAppraisalCompletes() {
        // Given an accepted dossier of this procedure
        Mocks.register("issueReceipt", mock(JavaDelegate.class));
        ProcessInstance dossier = runtimeService().startProcessInstanceByKey("one_stop_dossier", DOSSIER_CODE, withVariables(
                "unit", UNIT, "decidingUnit", UNIT, "procedureKey", PROCESS, "procedureVersion", 1,
                "resultChannel", "ONLINE", "supplementTimeout", "P30D"));
        complete(task("check_completeness", dossier), withVariables("receptionOutcome", "ACCEPT"));
        ProcessInstance procedure = calledProcessInstance(PROCESS, dossier);

        // When the specialist proposes a rejection with a note
        complete(task("appraise_dossier", procedure),
                withVariables("proposedDecision", "REJECT", "appraisalNote", "Ngành nghề thuộc danh mục cấm kinh doanh"));

        // Then the head of unit finds the proposal and the note on the dossier
        assertThat(procedure).isEnded();
        assertThat(dossier).isWaitingAt("approve_dossier").variables()
                .containsEntry("proposedDecision", "REJECT")
                .containsEntry("appraisalNote", "Ngành nghề thuộc danh mục cấm kinh doanh");
    }

    @Test
    @Deployment(resources = MODEL)
    void shouldPublishCatalogueEntryAndSubmissionFormWhenDeployed() {
        // When the procedure is deployed
        BpmnModelInstance model = repositoryService().getBpmnModelInstance(processDefinition(PROCESS).getId());
        Process process = model.getModelElementById(PROCESS);

        // Then its catalogue entry and submission form are readable from the model
        Map<String, String> properties = new LinkedHashMap<>();
        Map<String, String> documents = new LinkedHashMap<>();
        for (CamundaProperty property : process.getExtensionElements().getElementsQuery()
                .filterByType(CamundaProperties.class).singleResult().getCamundaProperties()) {
            (property.getCamundaName().startsWith("procedure.document.") ? documents : properties)
                    .put(property.getCamundaName(), property.getCamundaValue());
        }
        // Thành phần hồ sơ of Decree 01/2021/ND-CP art. 87(2), then the optional premises papers.
        Assertions.assertThat(documents.keySet()).containsExactly("procedure.document.applicationForm",
                "procedure.document.identityPapers", "procedure.document.membersMeetingMinutes",
                "procedure.document.membersAuthorisation", "procedure.document.premisesPapers");
        Assertions.assertThat(properties).containsExactly(
                Map.entry("procedure.code", "2.000720"),
                Map.entry("procedure.name", "Đăng ký thành lập hộ kinh doanh"),
                Map.entry("procedure.nameEn", "Household business registration"),
                Map.entry("procedure.sector", "Thành lập và hoạt động của hộ kinh doanh"),
                Map.entry("procedure.unitLevel", "DISTRICT"),
                Map.entry("procedure.deadline", "3d"),
                Map.entry("procedure.share.reception", "0.5d"),
                Map.entry("procedure.share.processing", "1.5d"),
                Map.entry("procedure.share.approval", "0.5d"),
                Map.entry("procedure.share.resultReturn", "0.5d"),
                Map.entry("procedure.cutOff", "15:00"),
                Map.entry("procedure.clockPolicy", "RESTART"),
                Map.entry("procedure.fee", "100000"),
                Map.entry("procedure.payment", "BEFORE_PROCESSING"),
                Map.entry("procedure.onlineLevel", "WHOLLY_ONLINE"),
                Map.entry("procedure.resultChannels", "COUNTER,POST,ONLINE"),
                Map.entry("procedure.legalBasis", "Nghị định 01/2021/NĐ-CP ngày 04/01/2021 về đăng ký doanh nghiệp"),
                Map.entry("procedure.resultTemplate", "household-business-registration.result.xhtml"));
        StartEvent start = model.getModelElementById("appraisal_requested");
        Assertions.assertThat(start.getCamundaFormRef()).isEqualTo("household-business-registration-submission");
        Assertions.assertThat(processDefinition(PROCESS).isStartableInTasklist()).isFalse();
    }
}
