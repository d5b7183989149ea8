package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestFiles;

/**
 * Deadlines that cross into a year nobody loaded, with the engine clock moved to 20 December of the last
 * shipped year and of years after it: nothing may fail because a year's schedule is not announced yet.
 */
class YearBoundaryIT extends IntegrationTest {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @ParameterizedTest(name = "construction permit submitted 20 December of the last shipped year + {0}")
    @ValueSource(ints = {0, 2, 14})
    void shouldGiveA15DayDossierSubmittedOn20DecemberADueDateAndAReceipt(int yearsAfterTheLastShipped) throws Exception {
        int year = lastShippedYear() + yearsAfterTheLastShipped;
        clockAt(year + "-12-20T09:00");
        Map<String, Object> data = applicant("Đặng Văn Long");
        data.putAll(Map.of("siteAddress", "18 Ngõ 32 Phố Đội Cấn, Ba Đình, Hà Nội", "landParcel", "Thửa 125, tờ bản đồ 7",
                "footprintArea", 60, "floorArea", 240, "floors", 4, "height", 15, "adjacentWorks", "NO"));
        MultiValueMap<String, Object> files = new LinkedMultiValueMap<>();
        files.add("applicationForm", file("don-de-nghi.pdf", TestFiles.pdf("Don de nghi cap giay phep xay dung")));
        files.add("landRightPapers", file("so-do.jpg", TestFiles.jpeg()));
        files.add("designDrawings", file("ban-ve.pdf", TestFiles.pdf("Ban ve thiet ke")));
        ResponseEntity<JsonNode> submitted = http.postForEntity("/api/dossiers",
                submission("construction_permit", UNIT, "ONLINE", "COUNTER", data, files), JsonNode.class);
        assertThat(submitted.getStatusCode()).as(String.valueOf(submitted.getBody())).isEqualTo(HttpStatus.CREATED);
        String code = submitted.getBody().get("code").asText();
        String secret = submitted.getBody().get("lookupSecret").asText();

        engine.workOk(code, "reception", "check_completeness", Map.of("receptionOutcome", "ACCEPT"));

        JsonNode dossier = dossier(code);
        Instant due = Instant.parse(dossier.get("dueAt").asText());
        assertThat(due.atZone(HANOI).getYear()).isEqualTo(year + 1);
        JsonNode deadline = dossier.get("deadline");
        assertThat(deadline.get("provisional").asBoolean()).isTrue();
        assertThat(deadline.get("provisionalYears").toString()).contains(String.valueOf(year + 1));
        assertThat(column(dossier.get("controlSheet"), "note")).anyMatch(note -> note != null && note.contains("tạm tính"));

        ResponseEntity<byte[]> receipt = http.postForEntity("/api/tracking/receipt", Map.of("code", code, "secret", secret),
                byte[].class);
        assertThat(receipt.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (var pdf = Loader.loadPDF(receipt.getBody())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains(PRINTED.format(due.atZone(HANOI)));
        }
    }

    @Test
    void shouldCountOpenDossiersAgainWhenTheYearsScheduleIsLoadedNeverEarlier() {
        // Thursday 20 December 2035, 3 working days: due Tuesday 25 December on the statutory calendar.
        clockAt("2035-12-20T09:00");
        String code = submitted("ONLINE", "COUNTER", "Nguyễn Văn An");
        engine.workOk(code, "reception", "check_completeness", Map.of("receptionOutcome", "ACCEPT"));
        JsonNode before = dossier(code);
        assertThat(local(before.get("dueAt").asText())).isEqualTo("2035-12-25T09:00");
        assertThat(before.get("deadline").get("provisional").asBoolean()).isTrue();

        // The announced 2035 schedule gives Monday 24 December off as well (test data): due one day later.
        ObjectNode document = (ObjectNode) http.getForObject("/api/calendar/years/2035", JsonNode.class).get("document");
        ObjectNode extra = document.withArray("daysOff").addObject();
        extra.put("date", "2035-12-24").put("name", "Nghỉ hoán đổi (test data)").put("source", "test data");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> loaded = as("admin").exchange("/api/calendar/years/2035", HttpMethod.PUT,
                new HttpEntity<>(document.toString(), headers), JsonNode.class);
        assertThat(loaded.getStatusCode()).as(String.valueOf(loaded.getBody())).isEqualTo(HttpStatus.OK);

        JsonNode after = dossier(code);
        assertThat(local(after.get("dueAt").asText())).isEqualTo("2035-12-26T09:00");
        assertThat(after.get("deadline").get("provisional").asBoolean()).isFalse();
        assertThat(column(after.get("controlSheet"), "type")).endsWith("DEADLINE_RECOMPUTED");
        JsonNode notifications = as("head").getForObject("/api/notifications?dossier={code}", JsonNode.class, code);
        assertThat(column(notifications, "eventKey")).contains("dossier:" + code + ":appointment-moved:2035");

        // Loaded again without the extra day (a correction): the appointment given never moves earlier.
        document.withArray("daysOff").remove(document.withArray("daysOff").size() - 1);
        as("admin").exchange("/api/calendar/years/2035", HttpMethod.PUT, new HttpEntity<>(document.toString(), headers),
                JsonNode.class);
        assertThat(local(dossier(code).get("dueAt").asText())).isEqualTo("2035-12-26T09:00");
    }

    /** The last year shipped with the application: the test moves with the calendar files. */
    private int lastShippedYear() {
        JsonNode years = http.getForObject("/api/calendar/years", JsonNode.class);
        int last = 0;
        for (JsonNode year : years) {
            if ("SHIPPED".equals(year.get("source").asText())) {
                last = Math.max(last, year.get("year").asInt());
            }
        }
        assertThat(last).as("a shipped year").isPositive();
        return last;
    }

    private static void clockAt(String localDateTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(HANOI).toInstant()));
    }

    private static String local(String instant) {
        return LocalDateTime.ofInstant(Instant.parse(instant), HANOI).toString();
    }

    private static Map<String, Object> applicant(String name) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("applicantName", name);
        data.put("applicantIdNumber", "001090012345");
        data.put("applicantPhone", "0987 654 321");
        data.put("applicantAddress", "5 Phố Phúc Xá, Ba Đình, Hà Nội");
        return data;
    }
}
