package vn.motcua.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ModelerDeployments;

/**
 * Procedures deployed at runtime through the engine REST API exactly as Camunda Modeler deploys them
 * (multipart: deployment-name, deploy-changed-only, deployment-source, the files): a broken one is
 * refused whole with its message, a correct one is on offer at once, and a new version applies to new
 * dossiers only.
 */
class ProcedureDeploymentIT extends IntegrationTest {

    private static final String BPMN = "street-vendor-registration.bpmn";
    /** The broken cases' appraisal form, named after its id as a form file must be. */
    private static final String APPRAISAL = "broken-registration-appraisal.form";
    private static final String LEGAL_BASIS_V1 = "Nghị định 01/2021/NĐ-CP ngày 04/01/2021 về đăng ký doanh nghiệp";
    private static final String LEGAL_BASIS_V2 = "Nghị định 168/2025/NĐ-CP ngày 30/06/2025 về đăng ký doanh nghiệp";

    static Stream<Arguments> brokenProcedures() {
        return Stream.of(
                Arguments.of("missing procedure property", BPMN, "name=\"procedure.legalBasis\"", "name=\"procedure.legalBase\"",
                        "missing extension property procedure.legalBasis"),
                Arguments.of("invalid procedure property", BPMN, "name=\"procedure.onlineLevel\" value=\"WHOLLY_ONLINE\"",
                        "name=\"procedure.onlineLevel\" value=\"FULLY\"", "procedure.onlineLevel must be one of"),
                Arguments.of("user task without form", BPMN,
                        "camunda:formRef=\"broken-registration-appraisal\" camunda:formRefBinding=\"latest\"", "",
                        "appraise_dossier «Thẩm định hồ sơ đăng ký hộ kinh doanh»: bước xử lý chưa gắn biểu mẫu"),
                Arguments.of("user task without candidate groups", BPMN, "camunda:candidateGroups=\"specialist:${unit}\"", "",
                        "no candidate groups"),
                Arguments.of("form reference to no form", BPMN, "camunda:formRef=\"broken-registration-appraisal\"",
                        "camunda:formRef=\"broken-registration-apraisal\"",
                        "form 'broken-registration-apraisal' is neither in this deployment nor deployed before"),
                Arguments.of("form schema too new", APPRAISAL, "\"schemaVersion\": 16", "\"schemaVersion\": 18",
                        APPRAISAL + " › broken-registration-appraisal: schemaVersion 18 mới hơn mức Tasklist hiển thị được"),
                Arguments.of("timer off the working calendar", BPMN,
                        "<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">${deadlines.phaseWarning(execution, 'processing')}</bpmn:timeDate>",
                        "<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">P1D</bpmn:timeDuration>",
                        "timer 'P1D' does not follow the working-time calendar"),
                Arguments.of("no history time to live", BPMN, "camunda:historyTimeToLive=\"365\"", "",
                        "thiếu History time to live"),
                Arguments.of("script in a listener", BPMN, "<camunda:taskListener event=\"timeout\"",
                        "<camunda:executionListener event=\"end\"><camunda:script scriptFormat=\"javascript\">1</camunda:script>"
                                + "</camunda:executionListener><camunda:taskListener event=\"timeout\"",
                        "no scripts in listeners or input/output"),
                Arguments.of("unknown unit", BPMN, "camunda:candidateGroups=\"specialist:${unit}\"",
                        "camunda:candidateGroups=\"specialist:000.99.99.H99\"",
                        "names unit '000.99.99.H99', which is not in the unit list"),
                Arguments.of("unknown role", BPMN, "camunda:candidateGroups=\"specialist:${unit}\"",
                        "camunda:candidateGroups=\"chuyenvien:${unit}\"", "has unknown role 'chuyenvien'"),
                Arguments.of("id not snake_case", BPMN, "\"appraise_dossier\"", "\"AppraiseDossier\"",
                        "AppraiseDossier «Thẩm định hồ sơ đăng ký hộ kinh doanh»: mã (ID) phải viết thường"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenProcedures")
    void shouldRefuseWholeDeploymentWhenProcedureBreaksARule(String rule, String file, String from, String to,
            String expected) {
        Map<String, String> files = procedure("broken_registration", "broken-registration", "9.999999",
                LEGAL_BASIS_V1, "Thẩm định hồ sơ đăng ký hộ kinh doanh");
        assertThat(files.get(file)).as("%s contains %s", file, from).contains(from);
        files.put(file, files.get(file).replace(from, to));

        ResponseEntity<JsonNode> response = deploy("broken " + rule, files);

        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("title").asText()).isEqualTo("Request refused");
        assertThat(response.getBody().path("message").asText())
                .startsWith("Thủ tục bị từ chối, chưa triển khai gì").contains(expected);
        assertThat(response.getBody().path("details").path(file).path("errors").size())
                .as("violations of %s under details", file).isPositive();
        assertThat(count("/engine-rest/deployment/count?name={name}", "broken " + rule)).as("deployments").isZero();
        assertThat(count("/engine-rest/process-definition/count?key={key}", "broken_registration")).isZero();
    }

    @Test
    void shouldOfferNewProcedureAndKeepRunningDossiersOnTheirVersionWhenDeployedAtRuntime() {
        Map<String, String> v1 = procedure("street_vendor_registration", "street-vendor-registration", "9.000001",
                LEGAL_BASIS_V1, "Thẩm định hồ sơ đăng ký hộ kinh doanh");
        ResponseEntity<JsonNode> first = deploy("street-vendor-registration", v1);
        assertThat(first.getStatusCode()).as(String.valueOf(first.getBody())).isEqualTo(HttpStatus.OK);
        String v1Definition = first.getBody().path("deployedProcessDefinitions").fieldNames().next();

        JsonNode catalogue = http.getForObject("/api/procedures", JsonNode.class);
        assertThat(catalogue.findValuesAsText("key")).contains("street_vendor_registration");
        String onV1 = submitted("street_vendor_registration");
        assertThat(dossier(onV1).path("procedure").path("version").asInt()).isEqualTo(1);

        // Camunda Modeler again, same deployment name: only the changed model goes, the forms are already deployed.
        Map<String, String> v2 = procedure("street_vendor_registration", "street-vendor-registration", "9.000001",
                LEGAL_BASIS_V2, "Thẩm định hồ sơ (phiên bản 2)");
        ResponseEntity<JsonNode> second = deploy("street-vendor-registration", v2);
        assertThat(second.getStatusCode()).as(String.valueOf(second.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(second.getBody().path("deployedProcessDefinitions").size()).isEqualTo(1);
        assertThat(second.getBody().path("deployedCamundaFormDefinitions").size()).as("unchanged forms").isZero();
        String onV2 = submitted("street_vendor_registration");

        JsonNode running = dossier(onV1);
        assertThat(running.path("procedure").path("version").asInt()).isEqualTo(1);
        assertThat(running.path("procedure").path("legalBasis").asText()).isEqualTo(LEGAL_BASIS_V1);
        JsonNode fresh = dossier(onV2);
        assertThat(fresh.path("procedure").path("version").asInt()).isEqualTo(2);
        assertThat(fresh.path("procedure").path("legalBasis").asText()).isEqualTo(LEGAL_BASIS_V2);

        // Both reach appraisal after v2 is deployed: each on the version it was submitted on.
        finish(onV1, v1Definition, "Thẩm định hồ sơ đăng ký hộ kinh doanh");
        finish(onV2, null, "Thẩm định hồ sơ (phiên bản 2)");
    }

    private void finish(String code, String expectedDefinition, String appraisalName) {
        engine.workOk(code, "reception", "check_completeness", Map.of("receptionOutcome", "ACCEPT"));
        JsonNode appraisal = engine.tasksFor(code, "specialist").get(0);
        assertThat(appraisal.path("name").asText()).isEqualTo(appraisalName);
        if (expectedDefinition != null) {
            assertThat(appraisal.path("processDefinitionId").asText()).isEqualTo(expectedDefinition);
        }
        engine.workOk(code, "specialist", "appraise_dossier", Map.of("proposedDecision", "APPROVE", "appraisalNote", "Đủ"));
        engine.workOk(code, "head", "approve_dossier", Map.of("approvalDecision", "APPROVE"));
        engine.workOk(code, "reception", "hand_over_at_counter",
                Map.of("receiverName", "Nguyễn Văn An", "receiverIdNumber", "001085012345"));
        assertThat(dossier(code).path("status").asText()).isEqualTo("RESULT_RETURNED");
    }

    private String submitted(String procedureKey) {
        ResponseEntity<JsonNode> response = http.postForEntity("/api/dossiers", submission(procedureKey, UNIT, "ONLINE",
                "COUNTER", householdBusiness("Nguyễn Văn An"), requiredDocuments()), JsonNode.class);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        return response.getBody().get("code").asText();
    }

    /** A copy of household business registration under another key, code and form ids. */
    private static Map<String, String> procedure(String key, String formPrefix, String code, String legalBasis,
            String appraisalName) {
        Map<String, String> copy = ModelerDeployments.householdBusinessCopy(key, formPrefix, code, Map.of(
                "value=\"Nghị định 01/2021/NĐ-CP ngày 04/01/2021 về đăng ký doanh nghiệp\"", "value=\"" + legalBasis + "\"",
                "name=\"Thẩm định hồ sơ đăng ký hộ kinh doanh\"", "name=\"" + appraisalName + "\""));
        // The same model file name whatever the key: the broken cases name the file they break.
        Map<String, String> files = new java.util.LinkedHashMap<>(copy);
        files.put(BPMN, files.remove(formPrefix + ".bpmn"));
        return files;
    }

    private ResponseEntity<JsonNode> deploy(String name, Map<String, String> files) {
        return ModelerDeployments.deploy(as("admin"), name, files);
    }

    private int count(String path, String value) {
        return as("admin").getForObject(path, JsonNode.class, value).path("count").asInt();
    }
}
