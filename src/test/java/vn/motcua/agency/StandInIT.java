package vn.motcua.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.support.IntegrationTest;

/**
 * The head of the demo district names a deputy for two days; the engine clock is moved over the
 * period and the stand-in's timers fired: approvals and at-risk reviews go to the deputy, on the
 * head's behalf, and what is still open goes back to the head when the period ends.
 */
class StandInIT extends IntegrationTest {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    /** A Monday morning of a working week the calendar knows. */
    private static final Instant MONDAY = LocalDateTime.of(2026, 12, 7, 8, 0).atZone(HANOI).toInstant();
    private static final String DEPUTY = "specialist";

    private Long standIn;

    @AfterEach
    void endTheStandInAndResetTheClock() {
        // Other test classes share the unit: a stand-in left running would take their approvals.
        if (standIn != null) {
            as("admin").postForEntity("/api/stand-ins/{id}/cancel", null, JsonNode.class, standIn);
        }
        ClockUtil.reset();
    }

    @Test
    void shouldGiveTheHeadsTasksToTheDeputyDuringThePeriodAndBackAfterIt() {
        ClockUtil.setCurrentTime(Date.from(MONDAY));
        String waiting = atApproval("Đỗ Văn Minh");
        String approval = assignedTask(waiting, "approve_dossier", null);

        Instant starts = MONDAY.plus(Duration.ofHours(2));
        Instant ends = MONDAY.plus(Duration.ofDays(2));
        ResponseEntity<JsonNode> named = as("head").postForEntity("/api/stand-ins",
                Map.of("unitCode", UNIT, "role", "head", "deputyId", DEPUTY, "startsAt", starts.toString(),
                        "endsAt", ends.toString()), JsonNode.class);
        assertThat(named.getStatusCode()).as(String.valueOf(named.getBody())).isEqualTo(HttpStatus.CREATED);
        standIn = named.getBody().path("id").asLong();
        assertThat(named.getBody().path("holderId").asText()).isEqualTo("head");
        JsonNode begins = engine.timer("stand-in:" + standIn, "stand_in_period_begins");
        assertThat(Instant.parse(begins.path("dueDate").asText().replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2")))
                .isEqualTo(starts);
        assertThat(assignedTask(waiting, "approve_dossier", null)).as("nothing moves before the period").isEqualTo(approval);

        ClockUtil.setCurrentTime(Date.from(starts.plusSeconds(60)));
        engine.fireTimer("stand-in:" + standIn, "stand_in_period_begins");

        // The open approval is the deputy's now; the control sheet says for whom.
        assertThat(assignedTask(waiting, "approve_dossier", DEPUTY)).isEqualTo(approval);
        JsonNode handedOver = lastRow(waiting, "TASK_REASSIGNED");
        assertThat(handedOver.path("to").asText()).isEqualTo(DEPUTY);
        assertThat(handedOver.path("note").asText()).startsWith("Thay mặt head (Lãnh đạo)");

        // Created during the period: an approval and an at-risk review go to the deputy at once.
        String during = atApproval("Hồ Thị Lan");
        String duringApproval = assignedTask(during, "approve_dossier", DEPUTY);
        engine.fireTimer(during, "dossier_at_risk");
        String review = assignedTask(during, "decide_on_late_dossier", DEPUTY);

        ResponseEntity<JsonNode> approved = engine.complete(DEPUTY, approval, Map.of("approvalDecision", "APPROVE"));
        assertThat(approved.getStatusCode()).as(String.valueOf(approved.getBody())).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode completed = lastRow(waiting, "STEP_COMPLETED");
        assertThat(completed.path("actor").asText()).isEqualTo(DEPUTY);
        assertThat(completed.path("note").asText()).startsWith("Thay mặt head (Lãnh đạo)");

        // The period ends: what the deputy has not done goes back to the head.
        ClockUtil.setCurrentTime(Date.from(ends.plusSeconds(60)));
        engine.fireTimer("stand-in:" + standIn, "stand_in_period_ends");
        assertThat(assignedTask(during, "approve_dossier", "head")).isEqualTo(duringApproval);
        assertThat(assignedTask(during, "decide_on_late_dossier", "head")).isEqualTo(review);
        assertThat(lastRow(during, "TASK_REASSIGNED").path("note").asText()).startsWith("Hết thời gian thay thế");
        JsonNode listed = as("reception").getForObject("/api/stand-ins?unit={unit}", JsonNode.class, UNIT);
        JsonNode ours = StreamSupport.stream(listed.spliterator(), false)
                .filter(row -> row.path("id").asLong() == standIn).findFirst().orElseThrow();
        assertThat(ours.path("endedAt").isMissingNode()).isFalse();

        // After it, new approvals are the head's group's again.
        String after = atApproval("Lê Văn Hải");
        assignedTask(after, "approve_dossier", null);
    }

    @Test
    void shouldLetOnlyTheHolderNameADeputyForTheirRole() {
        Map<String, Object> form = Map.of("unitCode", UNIT, "role", "head", "holderId", "head", "deputyId", DEPUTY,
                "startsAt", MONDAY.toString(), "endsAt", MONDAY.plus(Duration.ofDays(1)).toString());
        assertThat(as("reception").postForEntity("/api/stand-ins", form, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> notTheirs = as("reception").postForEntity("/api/stand-ins",
                Map.of("unitCode", UNIT, "role", "head", "deputyId", DEPUTY, "startsAt", MONDAY.toString(),
                        "endsAt", MONDAY.plus(Duration.ofDays(1)).toString()), JsonNode.class);
        assertThat(notTheirs.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notTheirs.getBody().path("violations").findValuesAsText("field")).containsExactly("holderId");
        ResponseEntity<JsonNode> elsewhere = as("head").postForEntity("/api/stand-ins",
                Map.of("unitCode", UNIT, "role", "head", "deputyId", "specialist2", "startsAt", MONDAY.toString(),
                        "endsAt", MONDAY.minus(Duration.ofDays(1)).toString()), JsonNode.class);
        assertThat(elsewhere.getBody().path("violations").findValuesAsText("field")).containsExactly("deputyId", "endsAt");
        assertThat(as("head2").getForEntity("/api/stand-ins?unit={unit}", JsonNode.class, UNIT).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** A new dossier worked up to the head's approval. */
    private String atApproval(String applicant) {
        String code = submitted("ONLINE", "COUNTER", applicant);
        engine.workOk(code, "reception", "check_completeness", Map.of("receptionOutcome", "ACCEPT"));
        engine.workOk(code, "specialist", "appraise_dossier", Map.of("proposedDecision", "APPROVE", "appraisalNote", "Đủ"));
        return code;
    }

    /** The id of the dossier's open task on this step, which must be with {@code assignee} (null: nobody's yet). */
    private String assignedTask(String code, String step, String assignee) {
        List<JsonNode> tasks = engine.openTasks(code).stream()
                .filter(task -> task.path("taskDefinitionKey").asText().equals(step)).toList();
        assertThat(tasks).as("%s of %s", step, code).hasSize(1);
        assertThat(tasks.get(0).path("assignee").asText(null)).as("assignee of %s", step).isEqualTo(assignee);
        return tasks.get(0).path("id").asText();
    }

    private JsonNode lastRow(String code, String type) {
        List<JsonNode> rows = StreamSupport.stream(dossier(code).path("controlSheet").spliterator(), false)
                .filter(row -> row.path("type").asText().equals(type)).toList();
        assertThat(rows).as("%s rows of %s", type, code).isNotEmpty();
        return rows.get(rows.size() - 1);
    }
}
