package vn.motcua.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Certified copy from the original: the fee decided by the table, then the officer's comparison. */
class CertifiedCopyProcessTest extends ProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = engine();

    private static final String MODEL = "processes/procedures/certified-copy.bpmn";
    private static final String FEES = "processes/fees/certified-copy-fee.dmn";
    private static final String PROCESS = "certified_copy";
    private static final String COMMUNE = "000.01.01.H01";
    private static final String DOSSIER_CODE = COMMUNE + "-261123-0002";

    @Test
    @Deployment(resources = {MODEL, FEES})
    void shouldShowFeeToOfficerWhenDossierArrives() {
        // Given a five-page original to copy twice
        ProcessInstance procedure = runtimeService().startProcessInstanceByKey(PROCESS, DOSSIER_CODE,
                withVariables("unit", COMMUNE, "pages", 5, "copies", 2));

        // Then the fee is decided before the officer compares: 2 x (2 x 2,000 + 3 x 1,000)
        assertThat(procedure).isWaitingAt("certify_copy").hasPassed("calculate_fee").variables()
                .containsEntry("fee", 14000L);
        assertThat(task()).hasCandidateGroup("specialist:" + COMMUNE).hasDueDate(sla.phaseDue("processing"));

        // When the officer finds the copies match
        complete(task(), withVariables("proposedDecision", "APPROVE", "appraisalNote", "Bản sao đúng với bản chính"));

        // Then the procedure ends with the proposal
        assertThat(procedure).isEnded().hasPassedInOrder("appraisal_requested", "calculate_fee", "certify_copy",
                "appraisal_completed");
    }

    @Test
    @Deployment(resources = {MODEL, FEES, "processes/one-stop-dossier.bpmn", "processes/result-return.bpmn"})
    void shouldMapRefusalBackToDossierWhenOriginalCannotBeCertified() {
        // Given an accepted dossier of a 300-page original, one copy (the cap: VND 200,000)
        ProcessInstance dossier = acceptedDossier(DOSSIER_CODE, COMMUNE, PROCESS, "COUNTER", Map.of("pages", 300, "copies", 1));
        ProcessInstance procedure = calledProcessInstance(PROCESS, dossier);
        assertThat(procedure).variables().containsEntry("fee", 200000L);

        // When the officer finds the original altered
        complete(task("certify_copy", procedure), withVariables("proposedDecision", "REJECT",
                "appraisalNote", "Bản chính bị tẩy xóa, sửa chữa (Nghị định 23/2015, điều 22)"));

        // Then the chairman finds the proposal and the note
        assertThat(dossier).isWaitingAt("approve_dossier").variables()
                .containsEntry("proposedDecision", "REJECT")
                .containsEntry("appraisalNote", "Bản chính bị tẩy xóa, sửa chữa (Nghị định 23/2015, điều 22)");
    }
}
