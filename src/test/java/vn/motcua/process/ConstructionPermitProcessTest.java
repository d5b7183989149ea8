package vn.motcua.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Construction permit for an individual house: site inspection and consultation of other agencies in
 * parallel, the agencies deemed to agree when they do not answer in time, then the appraisal.
 */
class ConstructionPermitProcessTest extends ProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = engine();

    private static final String MODEL = "processes/procedures/construction-permit.bpmn";
    private static final String PROCESS = "construction_permit";
    private static final String DOSSIER_CODE = UNIT + "-261123-0007";

    @Test
    @Deployment(resources = MODEL)
    void shouldAppraiseAfterInspectionAndAnswersWhenAgenciesAnswerInTime() {
        // Given the dossier handed to the procedure
        ProcessInstance procedure = start();

        // Then the site inspection and the consultation run at once, the consultation due in its own time
        assertThat(procedure).isWaitingAt("inspect_site", "consult_agencies");
        assertThat(task("inspect_site")).hasCandidateGroup("specialist:" + UNIT).hasDueDate(sla.phaseDue("processing"));
        // (the model asked for the agencies' 8 days before the test asks the mock for the expected date)
        verify(sla.deadlines, atLeastOnce()).fromNow(any(), eq("8d"));
        assertThat(task("consult_agencies")).hasCandidateGroup("specialist:" + UNIT)
                .hasDueDate(sla.deadlines.fromNow(null, "8d"));

        // When the agencies answer first, then the site is inspected
        complete(task("consult_agencies"), withVariables("consultedAgencies", "Phòng Quản lý đô thị; Công an PCCC",
                "consultationResult", "AGREED", "consultationNote", "Thống nhất"));
        assertThat(procedure).isWaitingAt("inspect_site").isNotWaitingAt("appraise_dossier");
        complete(task("inspect_site"), withVariables("siteInspectionResult", "CONFORMS",
                "siteInspectionNote", "Đúng vị trí, ranh giới thửa đất"));

        // Then the specialist appraises with both results and proposes
        assertThat(procedure).isWaitingAt("appraise_dossier").variables()
                .containsEntry("consultationResult", "AGREED").containsEntry("siteInspectionResult", "CONFORMS");
        complete(task("appraise_dossier"), withVariables("proposedDecision", "APPROVE", "appraisalNote", "Đủ điều kiện"));
        assertThat(procedure).isEnded().hasPassed("consult_agencies", "inspect_site", "gateway_join_appraisal")
                .hasNotPassed("consultation_deemed_agreed");
    }

    @Test
    @Deployment(resources = MODEL)
    void shouldDeemAgreementWhenAgenciesDoNotAnswerInTime() {
        // Given a site already inspected and agencies that stay silent
        ProcessInstance procedure = start();
        assertThat(procedure).isWaitingAt("inspect_site", "consult_agencies");
        complete(task("inspect_site"), withVariables("siteInspectionResult", "NON_CONFORMING",
                "siteInspectionNote", "Xây lấn chỉ giới đường đỏ 0,5 m"));

        // When their time runs out
        execute(job("consultation_timed_out"));

        // Then they are deemed to agree, and the specialist appraises
        assertThat(procedure).isWaitingAt("appraise_dossier").hasPassed("consultation_deemed_agreed").variables()
                .containsEntry("consultationResult", "DEEMED_AGREED");
        complete(task("appraise_dossier"), withVariables("proposedDecision", "REJECT",
                "appraisalNote", "Không phù hợp chỉ giới xây dựng"));
        assertThat(procedure).isEnded();
    }

    @Test
    @Deployment(resources = {MODEL, "processes/one-stop-dossier.bpmn", "processes/result-return.bpmn"})
    void shouldMapProposalBackToDossierWhenAppraisalCompletes() {
        // Given an accepted permit dossier
        ProcessInstance dossier = acceptedDossier(DOSSIER_CODE, UNIT, PROCESS, "POST", Map.of());
        ProcessInstance procedure = calledProcessInstance(PROCESS, dossier);

        // When both branches finish and the specialist proposes
        complete(task("inspect_site", procedure), withVariables("siteInspectionResult", "CONFORMS",
                "siteInspectionNote", "Phù hợp"));
        complete(task("consult_agencies", procedure), withVariables("consultedAgencies", "Phòng Quản lý đô thị",
                "consultationResult", "AGREED", "consultationNote", "Thống nhất"));
        complete(task("appraise_dossier", procedure), withVariables("proposedDecision", "APPROVE",
                "appraisalNote", "Đề nghị cấp giấy phép"));

        // Then the head of the district finds the proposal
        assertThat(dossier).isWaitingAt("approve_dossier").variables()
                .containsEntry("proposedDecision", "APPROVE").containsEntry("appraisalNote", "Đề nghị cấp giấy phép");
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(PROCESS, DOSSIER_CODE,
                withVariables("unit", UNIT, "siteAddress", "18 Ngõ 32 Đội Cấn, Ba Đình", "floors", 4));
    }
}
