package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.support.TravellingDossiers.COMMUNE;
import static vn.motcua.support.TravellingDossiers.change;
import static vn.motcua.support.TravellingDossiers.documents;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.support.IntegrationTest;

/**
 * A dossier that travels ("liên thông"): the change of a household business registration, received at
 * the demo's ward Phúc Xá and decided by its district Ba Đình, end to end through the public API and the
 * engine REST API as the officers' Tasklist calls it, with the control sheet showing both hand-overs.
 */
class TravellingDossierIT extends IntegrationTest {

    private static final String DISTRICT = UNIT;
    /** Not {@link IntegrationTest#PROCEDURE}, the district's own household business registration. */
    private static final String CHANGE = vn.motcua.support.TravellingDossiers.PROCEDURE;

    @Test
    void shouldBeReceivedAtTheCommuneDecidedByTheDistrictAndReturnedAtTheCommune() {
        ResponseEntity<JsonNode> submitted = submitChange("Đặng Thị Hoa");
        assertThat(submitted.getStatusCode()).as(String.valueOf(submitted.getBody())).isEqualTo(HttpStatus.CREATED);
        String code = submitted.getBody().path("code").asText();
        assertThat(code).as("the receiving unit issues the code").startsWith(COMMUNE + "-");
        assertThat(submitted.getBody().path("unitCode").asText()).isEqualTo(COMMUNE);
        assertThat(submitted.getBody().path("decidingUnitCode").asText()).isEqualTo(DISTRICT);

        // Reception at the commune: the district's desk has nothing to do.
        assertThat(engine.tasksFor(code, "reception")).isEmpty();
        engine.workOk(code, "reception.phucxa", "check_completeness", Map.of("receptionOutcome", "ACCEPT"));
        String dueAtReceipt = dossier(code).path("dueAt").asText();

        // Processing and approval in the district's task lists, none in the commune's.
        assertThat(engine.tasksFor(code, "specialist.phucxa")).isEmpty();
        engine.workOk(code, "specialist", "appraise_change", Map.of("proposedDecision", "APPROVE",
                "appraisalNote", "Thay đổi tên hợp lệ"));
        assertThat(engine.tasksFor(code, "head.phucxa")).isEmpty();
        engine.workOk(code, "head", "approve_dossier", Map.of("approvalDecision", "APPROVE"));

        // The result goes back to the commune's desk.
        assertThat(engine.tasksFor(code, "reception")).isEmpty();
        engine.workOk(code, "reception.phucxa", "hand_over_at_counter",
                Map.of("receiverName", "Đặng Thị Hoa", "receiverIdNumber", "001085012345"));

        JsonNode dossier = dossier(code);
        assertThat(dossier.path("status").asText()).isEqualTo("RESULT_RETURNED");
        assertThat(dossier.path("dueAt").asText()).as("one dossier clock across the transfer").isEqualTo(dueAtReceipt);
        JsonNode sheet = dossier.path("controlSheet");
        List<JsonNode> handOvers = rows(sheet).stream().filter(row -> row.hasNonNull("fromUnit")).toList();
        assertThat(handOvers).hasSize(2);
        assertThat(handOvers).allSatisfy(row -> assertThat(row.path("type").asText()).isEqualTo("HANDED_OVER"));
        assertThat(handOvers.get(0).path("fromUnit").asText()).isEqualTo(COMMUNE);
        assertThat(handOvers.get(0).path("toUnit").asText()).isEqualTo(DISTRICT);
        assertThat(handOvers.get(0).path("from").asText()).isEqualTo("Ủy ban nhân dân phường Phúc Xá");
        assertThat(handOvers.get(0).path("to").asText()).isEqualTo("Ủy ban nhân dân quận Ba Đình");
        assertThat(handOvers.get(1).path("fromUnit").asText()).isEqualTo(DISTRICT);
        assertThat(handOvers.get(1).path("toUnit").asText()).isEqualTo(COMMUNE);
        // In order: received, accepted, handed over, appraised and decided at the district, handed back, returned.
        List<String> types = column(sheet, "type");
        assertThat(types.indexOf("ACCEPTED")).isLessThan(rows(sheet).indexOf(handOvers.get(0)));
        assertThat(rows(sheet).indexOf(handOvers.get(0))).isLessThan(rows(sheet).indexOf(stepOf(sheet, "appraise_change")));
        assertThat(stepOf(sheet, "appraise_change").path("actor").asText()).isEqualTo("specialist");
        assertThat(types.lastIndexOf("DECIDED")).isLessThan(rows(sheet).indexOf(handOvers.get(1)));
        assertThat(rows(sheet).indexOf(handOvers.get(1))).isLessThan(types.indexOf("RESULT_RETURNED"));
        assertThat(types.stream().filter("DEADLINE_SET"::equals).count()).as("one clock").isOne();

        // The central event feed reports both hand-overs, in the dossier's order (docs/reporting-push.md).
        List<String> feed = StreamSupport.stream(as("admin").getForObject("/api/report-deliveries?dossier={code}",
                JsonNode.class, code).spliterator(), false)
                .filter(delivery -> delivery.path("endpoint").asText().equals("central"))
                .map(delivery -> delivery.path("event").path("type").asText())
                .toList();
        assertThat(feed).containsSubsequence("accepted", "handed_over", "decided", "handed_over", "result_returned");
        assertThat(feed.stream().filter("handed_over"::equals).count()).isEqualTo(2);

        // Each unit reads the dossier; the other's steps without who did them or what they noted.
        JsonNode asCommune = as("reception.phucxa").getForObject("/api/dossiers/{code}", JsonNode.class, code);
        assertThat(stepOf(asCommune.path("controlSheet"), "appraise_change").hasNonNull("actor")).isFalse();
        assertThat(stepOf(asCommune.path("controlSheet"), "appraise_change").hasNonNull("note")).isFalse();
        assertThat(stepOf(asCommune.path("controlSheet"), "check_completeness").path("actor").asText())
                .isEqualTo("reception.phucxa");
        JsonNode asDistrict = as("head").getForObject("/api/dossiers/{code}", JsonNode.class, code);
        assertThat(stepOf(asDistrict.path("controlSheet"), "check_completeness").hasNonNull("actor")).isFalse();
        assertThat(stepOf(asDistrict.path("controlSheet"), "appraise_change").path("note").asText())
                .isEqualTo("Thay đổi tên hợp lệ");
        assertThat(as("head2").getForEntity("/api/dossiers/{code}", JsonNode.class, code).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        // II.06a counts it for the deciding district, on a line that names the receiving ward.
        JsonNode report = as("head").getForObject("/api/reports/ii06a?period=year&unit={unit}&procedure={procedure}",
                JsonNode.class, DISTRICT, CHANGE);
        JsonNode line = report.path("units").get(0).path("procedures").get(0);
        assertThat(line.path("receivingUnitCode").asText()).isEqualTo(COMMUNE);
        assertThat(line.path("receivingUnitName").asText()).isEqualTo("Ủy ban nhân dân phường Phúc Xá");
        assertThat(line.path("figures").path("resolved").path("total").asLong()).isPositive();
        JsonNode communeReport = as("admin").getForObject("/api/reports/ii06a?period=year&unit={unit}&procedure={procedure}",
                JsonNode.class, COMMUNE, CHANGE);
        assertThat(communeReport.path("units").get(0).path("procedures")).as("not counted twice").isEmpty();
    }

    @Test
    void shouldTellApplicantsWhereToFileAndWhoSettlesIt() {
        String catalogue = http.getForObject("/?q={q}", String.class, "thay đổi nội dung đăng ký hộ kinh doanh");
        assertThat(catalogue).contains("data-procedure=\"" + CHANGE + "\"").contains("Nộp hồ sơ tại (liên thông)")
                .contains("Cấp xã").contains("Cấp huyện");
        JsonNode entry = http.getForObject("/api/procedures/{key}", JsonNode.class, CHANGE);
        assertThat(entry.path("routing").path("receivingLevel").asText()).isEqualTo("COMMUNE");
        assertThat(entry.path("routing").path("decidedBy").asText()).isEqualTo("PARENT");
        assertThat(entry.path("unitLevel").asText()).isEqualTo("DISTRICT");
    }

    @Test
    void shouldRefuseTheDistrictsOwnDeskAndACommuneWithoutADistrict() {
        // Received at commune desks only.
        ResponseEntity<JsonNode> atDistrict = http.postForEntity("/api/dossiers", submission(CHANGE, DISTRICT, "ONLINE",
                "COUNTER", change("Đặng Thị Hoa"), documents()), JsonNode.class);
        assertThat(atDistrict.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        // Said in words, never as the API's enum name (issue 17).
        assertThat(atDistrict.getBody().toString()).contains("unitCode").contains("cấp xã").doesNotContain("COMMUNE");

        // A commune whose district is not recorded has no one to decide: refused, nothing stored.
        String orphan = "000.01.97.H01";
        assertThat(as("admin").postForEntity("/api/admin/units",
                Map.of("code", orphan, "name", "Ủy ban nhân dân xã Thử Nghiệm", "level", "COMMUNE"), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<JsonNode> refused = http.postForEntity("/api/dossiers", submission(CHANGE, orphan, "ONLINE",
                "COUNTER", change("Đặng Thị Hoa"), documents()), JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().toString()).contains("noDecidingUnit");
        assertThat(as("admin").exchange("/api/admin/units/{code}", org.springframework.http.HttpMethod.DELETE, null,
                JsonNode.class, orphan).getStatusCode().is2xxSuccessful()).as("nothing refers to it").isTrue();
    }

    private ResponseEntity<JsonNode> submitChange(String applicant) {
        return http.postForEntity("/api/dossiers", submission(CHANGE, COMMUNE, "ONLINE", "COUNTER", change(applicant),
                documents()), JsonNode.class);
    }

    private static List<JsonNode> rows(JsonNode sheet) {
        return StreamSupport.stream(sheet.spliterator(), false).toList();
    }

    private static JsonNode stepOf(JsonNode sheet, String stepId) {
        return rows(sheet).stream()
                .filter(row -> "STEP_COMPLETED".equals(row.path("type").asText()) && stepId.equals(row.path("stepId").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no completed " + stepId + " in " + sheet));
    }
}
