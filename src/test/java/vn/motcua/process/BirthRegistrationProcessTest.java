package vn.motcua.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processDefinition;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Birth registration: the civil-status officer's check, and its proposal reaching the commune's head. */
class BirthRegistrationProcessTest extends ProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = engine();

    private static final String MODEL = "processes/procedures/birth-registration.bpmn";
    private static final String PROCESS = "birth_registration";
    private static final String COMMUNE = "000.01.01.H01";
    private static final String DOSSIER_CODE = COMMUNE + "-261123-0001";

    @Test
    @Deployment(resources = MODEL)
    void shouldEndWithProposedDecisionWhenCivilStatusOfficerChecksDossier() {
        // Given the dossier handed to the procedure
        ProcessInstance procedure = runtimeService().startProcessInstanceByKey(PROCESS, DOSSIER_CODE,
                withVariables("unit", COMMUNE, "childName", "Nguyễn Minh Khôi"));

        // Then the commune's civil-status officer checks it, due within the processing share
        assertThat(procedure).isActive().isWaitingAt("check_civil_status_record");
        assertThat(task()).hasCandidateGroup("specialist:" + COMMUNE).hasDueDate(sla.phaseDue("processing"));

        // When the officer proposes to register the birth
        complete(task(), withVariables("proposedDecision", "APPROVE", "appraisalNote", "Khớp với Giấy chứng sinh"));

        // Then the procedure ends with the proposal
        assertThat(procedure).isEnded().hasPassedInOrder("appraisal_requested", "check_civil_status_record",
                "appraisal_completed");
        Assertions.assertThat(processDefinition(PROCESS).isStartableInTasklist()).isFalse();
        StartEvent start = repositoryService().getBpmnModelInstance(processDefinition(PROCESS).getId())
                .getModelElementById("appraisal_requested");
        Assertions.assertThat(start.getCamundaFormRef()).isEqualTo("birth-registration-submission");
    }

    @Test
    @Deployment(resources = {MODEL, "processes/one-stop-dossier.bpmn", "processes/result-return.bpmn"})
    void shouldMapProposalBackToDossierWhenCheckCompletes() {
        // Given an accepted birth registration
        ProcessInstance dossier = acceptedDossier(DOSSIER_CODE, COMMUNE, PROCESS, "ONLINE", Map.of());
        ProcessInstance procedure = calledProcessInstance(PROCESS, dossier);

        // When the officer finds the birth certificate does not match
        complete(task("check_civil_status_record", procedure), withVariables("proposedDecision", "REJECT",
                "appraisalNote", "Giấy chứng sinh không khớp ngày sinh trong tờ khai"));

        // Then the chairman of the commune finds the proposal and the note
        assertThat(procedure).isEnded();
        assertThat(dossier).isWaitingAt("approve_dossier").variables()
                .containsEntry("proposedDecision", "REJECT")
                .containsEntry("appraisalNote", "Giấy chứng sinh không khớp ngày sinh trong tờ khai");
        assertThat(task("approve_dossier", dossier)).hasCandidateGroup("head:" + COMMUNE);
    }
}
