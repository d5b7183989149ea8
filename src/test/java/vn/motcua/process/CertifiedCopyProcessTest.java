package vn.motcua.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import static org.mockito.Mockito.mock;

import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.mock.Mocks;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Certified copy from the original: the officer's comparison, with the fee the lifecycle assessed from the
 * table (processes/fees/certified-copy-fee.dmn, FeeTablesTest) shown on the form.
 */
class CertifiedCopyProcessTest extends ProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = engine();

    private static final String MODEL = "processes/procedures/certified-copy.bpmn";
    private static final String PROCESS = "certified_copy";
    private static final String COMMUNE = "000.01.01.H01";
    private static final String DOSSIER_CODE = COMMUNE + "-261123-0002";

    @Test
    @Deployment(resources = MODEL)
    void shouldGiveDossierToOfficerWhenItArrives() {
        // Given a five-page original to copy twice, whose fee the lifecycle assessed
        ProcessInstance procedure = runtimeService().startProcessInstanceByKey(PROCESS, DOSSIER_CODE,
                withVariables("unit", COMMUNE, "pages", 5, "copies", 2, "feeAmount", 14000L));

        // Then the officer compares, with the fee on the form
        assertThat(procedure).isWaitingAt("certify_copy").variables().containsEntry("feeAmount", 14000L);
        assertThat(task()).hasCandidateGroup("specialist:" + COMMUNE).hasDueDate(sla.phaseDue("processing"));

        // When the officer finds the copies match
        complete(task(), withVariables("proposedDecision", "APPROVE", "appraisalNote", "Bản sao đúng với bản chính"));

        // Then the procedure ends with the proposal
        assertThat(procedure).isEnded().hasPassedInOrder("appraisal_requested", "certify_copy", "appraisal_completed");
    }

    @Test
    @Deployment(resources = {MODEL, "processes/one-stop-dossier.bpmn", "processes/result-return.bpmn"})
    void shouldMapRefusalBackToDossierWhenOriginalCannotBeCertified() {
        // Given an accepted dossier of a 300-page original, one copy (the cap: VND 200,000, paid with the result)
        fees.owe(200000L, "BEFORE_RESULT");
        Mocks.register("recordDecision", mock(JavaDelegate.class));
        ProcessInstance dossier = acceptedDossier(DOSSIER_CODE, COMMUNE, PROCESS, "COUNTER", Map.of("pages", 300, "copies", 1));
        ProcessInstance procedure = calledProcessInstance(PROCESS, dossier);
        assertThat(procedure).variables().containsEntry("feeAmount", 200000L);

        // When the officer finds the original altered
        complete(task("certify_copy", procedure), withVariables("proposedDecision", "REJECT",
                "appraisalNote", "Bản chính bị tẩy xóa, sửa chữa (Nghị định 23/2015, điều 22)"));

        // Then the chairman finds the proposal and the note
        assertThat(dossier).isWaitingAt("approve_dossier").variables()
                .containsEntry("proposedDecision", "REJECT")
                .containsEntry("appraisalNote", "Bản chính bị tẩy xóa, sửa chữa (Nghị định 23/2015, điều 22)");

        // And when the chairman refuses, nothing is charged: the refusal goes back without waiting for the fee
        complete(task("approve_dossier", dossier), withVariables("approvalDecision", "REJECT",
                "decisionReason", "Bản chính bị tẩy xóa"));
        assertThat(dossier).hasNotPassed("wait_for_payment").isWaitingAt("return_result");
    }
}
