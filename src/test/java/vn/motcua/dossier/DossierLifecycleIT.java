package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.support.IntegrationTest;

/**
 * Dossiers submitted over REST travel to the end through the tasks officers see in Tasklist, on
 * PostgreSQL, each step worked by an officer of the right unit and role.
 */
class DossierLifecycleIT extends IntegrationTest {

    @Test
    void shouldReturnResultAtCounterWhenEveryStepAgrees() {
        String code = submitted("ONLINE", "COUNTER", "Nguyễn Văn An");
        assertThat(code).matches("000\\.00\\.01\\.H01-\\d{6}-\\d{4}");
        assertThat(dossier(code).get("status").asText()).isEqualTo("SUBMITTED");

        // Only the reception desk of the dossier's own unit sees the first step.
        assertThat(engine.tasksFor(code, "reception2")).isEmpty();
        assertThat(engine.tasksFor(code, "specialist")).isEmpty();
        engine.workOk(code, "reception", "check_completeness", Map.of("receptionOutcome", "ACCEPT"));
        assertThat(dossier(code).get("status").asText()).isEqualTo("IN_PROGRESS");

        assertThat(engine.tasksFor(code, "specialist2")).isEmpty();
        engine.workOk(code, "specialist", "appraise_dossier",
                Map.of("proposedDecision", "APPROVE", "appraisalNote", "Đủ điều kiện theo Nghị định 01/2021"));
        assertThat(engine.tasksFor(code, "head2")).isEmpty();
        engine.workOk(code, "head", "approve_dossier", Map.of("approvalDecision", "APPROVE"));
        assertThat(dossier(code).get("status").asText()).isEqualTo("AWAITING_RESULT_RETURN");
        engine.workOk(code, "reception", "hand_over_at_counter",
                Map.of("receiverName", "Nguyễn Văn An", "receiverIdNumber", "001085012345"));

        JsonNode dossier = dossier(code);
        assertThat(dossier.get("status").asText()).isEqualTo("RESULT_RETURNED");
        assertThat(dossier.get("decision").asText()).isEqualTo("APPROVED");
        assertThat(dossier.get("finishedAt").isNull()).isFalse();
        assertThat(dossier.get("acceptedAt").isNull()).isFalse();
        assertThat(engine.openTasks(code)).isEmpty();

        JsonNode sheet = dossier.get("controlSheet");
        assertThat(column(sheet, "type")).containsExactly(
                "SUBMITTED", "DEADLINE_SET",
                "HANDED_OVER", "STEP_COMPLETED", "ACCEPTED",
                "HANDED_OVER", "STEP_COMPLETED",
                "HANDED_OVER", "STEP_COMPLETED", "DECIDED",
                "HANDED_OVER", "STEP_COMPLETED", "RESULT_RETURNED");
        assertThat(column(sheet, "to")).containsSubsequence(
                "reception:" + UNIT, "specialist:" + UNIT, "head:" + UNIT, "reception:" + UNIT);
        assertThat(column(sheet, "actor")).containsSubsequence("reception", "specialist", "head", "reception");
        assertThat(column(sheet, "outcome")).containsSubsequence("ONLINE", "ACCEPT", "APPROVE", "APPROVE", "APPROVED",
                "COUNTER");
        // Each hand-over names who handed the dossier on: the applicant first, then each officer.
        assertThat(column(sheet, "from")).containsSubsequence("Nguyễn Văn An", "reception", "specialist", "head");
        assertThat(column(sheet, "note")).contains("Đủ điều kiện theo Nghị định 01/2021", "Nguyễn Văn An");
    }

    @Test
    void shouldGoThroughSupplementAndReturnToSpecialistBeforeRejectingOnline() {
        String code = submitted("COUNTER", "ONLINE", "Trần Thị Bình");

        engine.workOk(code, "reception", "check_completeness", Map.of("receptionOutcome", "INCOMPLETE",
                "missingDocuments", "Bản sao hợp đồng thuê địa điểm kinh doanh"));
        assertThat(dossier(code).get("status").asText()).isEqualTo("AWAITING_SUPPLEMENT");
        assertThat(engine.openTasks(code)).isEmpty();

        ResponseEntity<JsonNode> supplement = as("reception").postForEntity("/api/dossiers/{code}/supplement",
                Map.of("note", "Đã bổ sung hợp đồng thuê", "data", Map.of("businessAddress", "27 Phố Kim Mã, Ba Đình")),
                JsonNode.class, code);
        assertThat(supplement.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(supplement.getBody().get("data").get("businessAddress").asText()).isEqualTo("27 Phố Kim Mã, Ba Đình");

        engine.workOk(code, "reception", "check_completeness", Map.of("receptionOutcome", "ACCEPT"));
        engine.workOk(code, "specialist", "appraise_dossier",
                Map.of("proposedDecision", "APPROVE", "appraisalNote", "Đề nghị cấp"));
        engine.workOk(code, "head", "approve_dossier",
                Map.of("approvalDecision", "RETURN", "decisionReason", "Kiểm tra lại ngành nghề kinh doanh"));
        // The specialist sees why the head returned it.
        String appraisal = engine.taskFor(code, "specialist", "appraise_dossier");
        JsonNode returnReason = as("specialist").getForObject("/engine-rest/task/{id}/variables/returnReason", JsonNode.class,
                appraisal);
        assertThat(returnReason.get("value").asText()).isEqualTo("Kiểm tra lại ngành nghề kinh doanh");
        engine.workOk(code, "specialist", "appraise_dossier",
                Map.of("proposedDecision", "REJECT", "appraisalNote", "Ngành nghề thuộc danh mục cấm"));
        engine.workOk(code, "head", "approve_dossier",
                Map.of("approvalDecision", "REJECT", "decisionReason", "Ngành nghề kinh doanh bị cấm"));

        JsonNode dossier = dossier(code);
        assertThat(dossier.get("status").asText()).isEqualTo("RESULT_RETURNED");
        assertThat(dossier.get("decision").asText()).isEqualTo("REJECTED");
        assertThat(column(dossier.get("controlSheet"), "type")).containsSubsequence(
                "SUPPLEMENT_REQUESTED", "SUPPLEMENT_RECEIVED", "ACCEPTED", "DECIDED", "RESULT_RETURNED");
        assertThat(column(dossier.get("controlSheet"), "note")).contains(
                "Bản sao hợp đồng thuê địa điểm kinh doanh", "Đã bổ sung hợp đồng thuê",
                "Kiểm tra lại ngành nghề kinh doanh", "Ngành nghề kinh doanh bị cấm");
    }

    @Test
    void shouldKeepWaitingWhenSupplementBreaksTheFormRules() {
        String code = submitted("ONLINE", "ONLINE", "Bùi Thị Hoa");
        engine.workOk(code, "reception", "check_completeness",
                Map.of("receptionOutcome", "INCOMPLETE", "missingDocuments", "Vốn kinh doanh ghi sai"));

        ResponseEntity<JsonNode> supplement = as("reception").postForEntity("/api/dossiers/{code}/supplement",
                Map.of("note", "Sửa vốn", "data", Map.of("capital", -1)), JsonNode.class, code);

        assertThat(supplement.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(supplement.getBody().get("violations").get(0).get("field").asText()).isEqualTo("capital");
        JsonNode dossier = dossier(code);
        assertThat(dossier.get("status").asText()).isEqualTo("AWAITING_SUPPLEMENT");
        assertThat(dossier.get("data").get("capital").asLong()).isEqualTo(150000000L);
        assertThat(column(dossier.get("controlSheet"), "type")).doesNotContain("SUPPLEMENT_RECEIVED");
    }

    @Test
    void shouldRecordRefusalWithReasonWhenReceptionRefuses() {
        String code = submitted("POST", "POST", "Lê Văn Cường");

        engine.workOk(code, "reception", "check_completeness",
                Map.of("receptionOutcome", "REFUSE", "refusalReason", "Không thuộc thẩm quyền giải quyết"));

        JsonNode dossier = dossier(code);
        assertThat(dossier.get("status").asText()).isEqualTo("REFUSED");
        assertThat(dossier.get("finishedAt").isNull()).isFalse();
        assertThat(column(dossier.get("controlSheet"), "note")).contains("Không thuộc thẩm quyền giải quyết");
        assertThat(engine.openTasks(code)).isEmpty();
    }

    @Test
    void shouldCloseDossierWhenSupplementNeverArrives() {
        String code = submitted("ONLINE", "POST", "Phạm Thị Dung");
        engine.workOk(code, "reception", "check_completeness",
                Map.of("receptionOutcome", "INCOMPLETE", "missingDocuments", "Giấy tờ pháp lý của chủ hộ"));

        engine.fireTimer(code, "supplement_timed_out");

        JsonNode dossier = dossier(code);
        assertThat(dossier.get("status").asText()).isEqualTo("CLOSED_WITHOUT_SUPPLEMENT");
        ResponseEntity<JsonNode> late = as("reception").postForEntity("/api/dossiers/{code}/supplement",
                Map.of("note", "Bổ sung muộn"), JsonNode.class, code);
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(late.getBody().get("title").asText()).isEqualTo("Dossier state conflict");
    }

    @Test
    void shouldSendResultByPostWithTrackingNumber() {
        String code = submitted("ONLINE", "POST", "Hoàng Văn Em");
        engine.workOk(code, "reception", "check_completeness", Map.of("receptionOutcome", "ACCEPT"));
        engine.workOk(code, "specialist", "appraise_dossier", Map.of("proposedDecision", "APPROVE", "appraisalNote", "Đủ"));
        engine.workOk(code, "head", "approve_dossier", Map.of("approvalDecision", "APPROVE"));
        engine.workOk(code, "reception", "send_by_post", Map.of("postalTrackingNumber", "EB123456789VN"));

        JsonNode dossier = dossier(code);
        assertThat(dossier.get("status").asText()).isEqualTo("RESULT_RETURNED");
        assertThat(column(dossier.get("controlSheet"), "note")).contains("EB123456789VN");
    }

    @Test
    void shouldRefuseTaskCompletionThatBreaksTheFormRules() {
        String code = submitted("ONLINE", "COUNTER", "Đỗ Thị Giang");

        // "Incomplete" without listing what is missing: the form requires the list.
        ResponseEntity<JsonNode> response = engine.work(code, "reception", "check_completeness",
                Map.of("receptionOutcome", "INCOMPLETE"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("message").asText()).contains("missingDocuments");
        // A value outside the form's options.
        String taskId = engine.taskFor(code, "reception", "check_completeness");
        assertThat(engine.complete(taskId, Map.of("receptionOutcome", "MAYBE")).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        assertThat(dossier(code).get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(column(dossier(code).get("controlSheet"), "type")).doesNotContain("STEP_COMPLETED");
    }
}
