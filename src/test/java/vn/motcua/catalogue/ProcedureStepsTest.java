package vn.motcua.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

import vn.motcua.documents.DocumentsProperties;

/** The steps of the shipped procedures, walked from the shipped models as the procedure page shows them. */
class ProcedureStepsTest {

    private static final DocumentsProperties LIMITS = new DocumentsProperties(null, null, null, null, null, null, null);
    private static final BpmnModelInstance LIFECYCLE = model("processes/one-stop-dossier.bpmn");
    private static final Map<String, BpmnModelInstance> CALLED = Map.of("result_return", model("processes/result-return.bpmn"));

    @Test
    void shouldListTheLifecycleAroundTheProceduresOwnStepInTheOrderTheyRun() {
        List<ProcedureStep> steps = steps("household-business-registration", "household_business_registration");

        assertThat(steps).extracting(ProcedureStep::id, ProcedureStep::role, step -> String.valueOf(step.time()))
                .containsExactly(
                        tuple("check_completeness", "reception", "4h"),
                        tuple("appraise_dossier", "specialist", "12h"),
                        tuple("approve_dossier", "head", "4h"),
                        tuple("return_result", "reception", "4h"));
        assertThat(steps.get(0).outcomes()).containsExactly("Cấp giấy tiếp nhận và hẹn trả kết quả",
                "Gửi phiếu yêu cầu bổ sung", "Gửi phiếu từ chối tiếp nhận");
        assertThat(steps).noneMatch(ProcedureStep::parallel);
    }

    @Test
    void shouldMarkTheStepsOfAParallelSplitAndKeepAStepsOwnTimeLimit() {
        List<ProcedureStep> steps = steps("construction-permit", "construction_permit");

        assertThat(steps).extracting(ProcedureStep::id).containsSubsequence("check_completeness", "inspect_site",
                "appraise_dossier", "approve_dossier", "return_result")
                .containsSubsequence("check_completeness", "consult_agencies", "appraise_dossier");
        assertThat(steps).filteredOn(ProcedureStep::parallel).extracting(ProcedureStep::id)
                .containsExactlyInAnyOrder("inspect_site", "consult_agencies");
        assertThat(steps).filteredOn(step -> step.id().equals("consult_agencies")).singleElement()
                .extracting(step -> step.time().toString()).isEqualTo("8d");
    }

    private static List<ProcedureStep> steps(String file, String key) {
        BpmnModelInstance procedure = model("processes/procedures/" + file + ".bpmn");
        Procedure entry = ProcedureCatalogue.readModel(file + ".bpmn", key, procedure, LIMITS).orElseThrow();
        return ProcedureSteps.walk(LIFECYCLE, ProcedureCatalogue.LIFECYCLE, procedure, key, entry.timeLimits(),
                CALLED::get);
    }

    private static BpmnModelInstance model(String path) {
        return Bpmn.readModelFromFile(Path.of(path).toFile());
    }
}
