package vn.motcua.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.support.IntegrationTest;

/**
 * What officers see of a dossier on each task, through the engine REST API Tasklist reads: the
 * task says which dossier and procedure it is, the shared filters show what each officer may work,
 * the head's approval shows every step's findings, and each control sheet row carries its own note.
 */
class OfficerWorkplaceIT extends IntegrationTest {

    private static final String PROCEDURE_NAME = "Đăng ký thành lập hộ kinh doanh";

    @Test
    void shouldNameTheProcedureDossierAndApplicantOnEveryTask() {
        String code = submitted("ONLINE", "COUNTER", "Phan Văn Đức");
        JsonNode task = task(code, "check_completeness");

        assertThat(task.get("description").asText()).isEqualTo(PROCEDURE_NAME + " · Hồ sơ " + code + " · Phan Văn Đức");
        String id = task.get("id").asText();
        assertThat(localVariable(id, "dossierCode")).isEqualTo(code);
        assertThat(localVariable(id, "procedureName")).isEqualTo(PROCEDURE_NAME);

        // Tasklist searches reception tasks by the card variables and by the description
        assertThat(ids(query("reception", Map.of("taskVariables",
                List.of(Map.of("name", "dossierCode", "operator", "eq", "value", code)))))).containsExactly(id);
        assertThat(ids(query("reception", Map.of("descriptionLike", "%" + code + "%")))).containsExactly(id);

        // The filters' cards show them
        JsonNode filter = filter("reception", "Việc của đơn vị tôi");
        assertThat(StreamSupport.stream(filter.get("properties").get("variables").spliterator(), false)
                .map(variable -> variable.get("name").asText())).containsExactly("dossierCode", "procedureName", "applicantName");
    }

    @Test
    void shouldShowTheHeadTheUnitsTasksAndTheApprovalsTheHeadHasClaimed() {
        String code = submitted("ONLINE", "COUNTER", "Tạ Thị Hoa");
        engine.workOk(code, "reception", "check_completeness", Map.of("receptionOutcome", "ACCEPT"));
        engine.workOk(code, "specialist", "appraise_dossier", Map.of("proposedDecision", "APPROVE", "appraisalNote", "Đủ điều kiện"));
        String approval = task(code, "approve_dossier").get("id").asText();
        as("head").postForEntity("/engine-rest/task/{id}/claim", Map.of("userId", "head"), Void.class, approval);

        // A claimed approval stays in the unit's list (candidate queries leave claimed tasks out by default)
        assertThat(filterTaskIds("head", "Việc của đơn vị tôi")).contains(approval);
        assertThat(filterTaskIds("head", "Việc tôi đã nhận")).contains(approval);

        // Another dossier with the specialist: the head reads it in the whole unit's list, to reassign it
        String other = submitted("ONLINE", "COUNTER", "Tạ Văn Hùng");
        engine.workOk(other, "reception", "check_completeness", Map.of("receptionOutcome", "ACCEPT"));
        String appraisal = task(other, "appraise_dossier").get("id").asText();
        assertThat(filterTaskIds("head", "Việc toàn đơn vị")).contains(appraisal, approval);
        assertThat(filterTaskIds("head", "Việc của đơn vị tôi")).doesNotContain(appraisal);
        // Nothing of another unit
        assertThat(filterTaskIds("head2", "Việc toàn đơn vị")).doesNotContain(appraisal, approval);
    }

    @Test
    void shouldShowEveryStepsFindingsAndGiveEachRowItsOwnNoteAfterAReturn() {
        String code = submitted("ONLINE", "COUNTER", "Lò Văn Sáng");
        engine.workOk(code, "reception", "check_completeness", Map.of("receptionOutcome", "ACCEPT"));
        engine.workOk(code, "specialist", "appraise_dossier", Map.of("proposedDecision", "APPROVE", "appraisalNote", "Đủ điều kiện"));
        engine.workOk(code, "head", "approve_dossier",
                Map.of("approvalDecision", "RETURN", "decisionReason", "Bổ sung ý kiến về địa điểm"));
        engine.workOk(code, "specialist", "appraise_dossier",
                Map.of("proposedDecision", "APPROVE", "appraisalNote", "Địa điểm phù hợp quy hoạch"));

        // The head's second approval starts blank and shows what every step found
        String approval = task(code, "approve_dossier").get("id").asText();
        JsonNode variables = as("head").getForObject("/engine-rest/task/{id}/form-variables", JsonNode.class, approval);
        assertThat(variables.has("approvalDecision")).as("no earlier decision").isFalse();
        assertThat(variables.has("decisionReason")).as("no earlier reason").isFalse();
        assertThat(variables.get("appraisalNote").get("value").asText()).isEqualTo("Địa điểm phù hợp quy hoạch");
        String findings = variables.get("stepFindings").get("value").asText();
        assertThat(findings.lines()).hasSize(4);
        assertThat(findings).contains("Tiếp nhận và kiểm tra hồ sơ (reception): ACCEPT",
                "(specialist): APPROVE · Đủ điều kiện", "Lãnh đạo phê duyệt kết quả (head): RETURN · Bổ sung ý kiến về địa điểm",
                "(specialist): APPROVE · Địa điểm phù hợp quy hoạch");

        engine.workOk(code, "head", "approve_dossier", Map.of("approvalDecision", "APPROVE"));
        List<JsonNode> approvals = StreamSupport.stream(dossier(code).get("controlSheet").spliterator(), false)
                .filter(row -> "STEP_COMPLETED".equals(row.path("type").asText())
                        && "approve_dossier".equals(row.path("stepId").asText()))
                .toList();
        assertThat(approvals).hasSize(2);
        assertThat(approvals.get(0).get("note").asText()).isEqualTo("Bổ sung ý kiến về địa điểm");
        assertThat(approvals.get(1).get("outcome").asText()).isEqualTo("APPROVE");
        assertThat(approvals.get(1).path("note").isMissingNode() || approvals.get(1).get("note").isNull())
                .as("the approval carries no return note: %s", approvals.get(1)).isTrue();
    }

    private JsonNode task(String code, String key) {
        return engine.openTasks(code).stream().filter(t -> key.equals(t.get("taskDefinitionKey").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no open task " + key + " of " + code));
    }

    private String localVariable(String taskId, String name) {
        return as("admin").getForObject("/engine-rest/task/{id}/localVariables/{name}", JsonNode.class, taskId, name)
                .get("value").asText();
    }

    private JsonNode query(String user, Map<String, Object> query) {
        ResponseEntity<JsonNode> found = as(user).postForEntity("/engine-rest/task?maxResults=500", query, JsonNode.class);
        assertThat(found.getStatusCode()).as("%s", found.getBody()).isEqualTo(HttpStatus.OK);
        return found.getBody();
    }

    private JsonNode filter(String user, String name) {
        JsonNode filters = as(user).getForObject("/engine-rest/filter?maxResults=100", JsonNode.class);
        List<JsonNode> named = StreamSupport.stream(filters.spliterator(), false)
                .filter(filter -> name.equals(filter.get("name").asText())).toList();
        assertThat(named).as("filter %s in %s", name, filters).hasSize(1);
        return named.get(0);
    }

    private List<String> filterTaskIds(String user, String name) {
        String id = filter(user, name).get("id").asText();
        return ids(as(user).getForObject("/engine-rest/filter/{id}/list?maxResults=2000", JsonNode.class, id));
    }

    private static List<String> ids(JsonNode tasks) {
        return StreamSupport.stream(tasks.spliterator(), false).map(task -> task.get("id").asText()).toList();
    }
}
