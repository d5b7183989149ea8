package vn.motcua.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.support.IntegrationTest;

/** Who did what to a dossier, as the head of its unit reads and exports it. */
class AuditTrailIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private JsonNode trail(String code) {
        ResponseEntity<JsonNode> response = as("head").getForEntity("/api/audit?dossier={code}", JsonNode.class, code);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    @Test
    void shouldRecordSubmissionClaimsReassignmentsCompletionsAndDocumentReads() {
        String code = submitted("ONLINE", "COUNTER", "Mai Văn Sơn");
        String task = engine.taskFor(code, "reception", "check_completeness");
        // The head gives the step to a named officer, who claims it back... and completes it.
        assertThat(as("head").postForEntity("/engine-rest/task/{id}/assignee", Map.of("userId", "reception"), Void.class,
                task).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(engine.complete("reception", task, Map.of("receptionOutcome", "ACCEPT")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        long document = as("specialist").getForObject("/api/dossiers/{code}/documents", JsonNode.class, code).get(0)
                .get("id").asLong();
        assertThat(as("specialist").getForEntity("/api/dossiers/{code}/documents/{id}", byte[].class, code, document)
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        JsonNode trail = trail(code);

        assertThat(column(trail, "action")).containsSubsequence("SUBMITTED", "TASK_ASSIGNED", "TASK_COMPLETED", "READ",
                "DOCUMENT_READ");
        assertThat(column(trail, "actor")).containsSubsequence("anonymous", "head", "reception", "specialist",
                "specialist");
        JsonNode completed = row(trail, "TASK_COMPLETED");
        assertThat(completed.get("detail").asText()).isEqualTo("check_completeness: ACCEPT");
        assertThat(completed.get("unitCode").asText()).isEqualTo(UNIT);
        assertThat(row(trail, "TASK_ASSIGNED").get("detail").asText()).isEqualTo("check_completeness -> reception");
        assertThat(row(trail, "DOCUMENT_READ").get("target").asText()).isEqualTo("documents/" + document);
        assertThat(row(trail, "SUBMITTED").get("clientAddress").asText()).isNotBlank();
    }

    @Test
    void shouldExportTheUnitsTrailAsCsvAndRecordTheExport() {
        String code = submitted("ONLINE", "ONLINE", "Hồ Thị Tuyết");
        String today = engineToday().toString();
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(java.util.List.of(MediaType.parseMediaType("text/csv")));
        ResponseEntity<String> csv = as("head").exchange("/api/audit?unit={unit}&from={from}&to={to}", HttpMethod.GET,
                new HttpEntity<>(headers), String.class, UNIT, today, today);

        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("audit-" + UNIT + "-" + today + "-" + today + ".csv");
        assertThat(csv.getBody()).contains("\"SUBMITTED\",\"" + code + "\"");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'EXPORTED' and actor = 'head' and unit_code = ?")
                .param(UNIT).query(Long.class).single()).isPositive();
    }

    @Test
    void shouldShowAUnitsTrailOnlyToItsHead() {
        String today = engineToday().toString();
        assertThat(as("head2").getForEntity("/api/audit?unit={unit}&from={d}&to={d}", JsonNode.class, UNIT, today, today)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("head2").getForEntity("/api/audit?unit={unit}&from={d}&to={d}", JsonNode.class, OTHER_UNIT, today,
                today).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void shouldRefuseABackwardsPeriodOrABadCode() {
        ResponseEntity<JsonNode> backwards = as("head").getForEntity("/api/audit?unit={unit}&from=2026-11-30&to=2026-11-01",
                JsonNode.class, UNIT);
        assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(backwards.getBody().get("title").asText()).isEqualTo("Invalid period");
        assertThat(as("head").getForEntity("/api/audit?dossier={code}", JsonNode.class, "'; delete from audit_log; --")
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as("head").getForEntity("/api/audit", JsonNode.class).getStatusCode().is4xxClientError()).isTrue();
    }

    private static JsonNode row(JsonNode trail, String action) {
        for (JsonNode row : trail) {
            if (action.equals(row.get("action").asText())) {
                return row;
            }
        }
        throw new AssertionError("no " + action + " in " + trail);
    }
}
