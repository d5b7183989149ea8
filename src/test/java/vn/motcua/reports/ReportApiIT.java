package vn.motcua.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.support.IntegrationTest;

/** The reports over HTTP: JSON, the CSV and XLSX exports read back, bad parameters, the overdue list. */
class ReportApiIT extends IntegrationTest {

    private static final String MARCH = "/api/reports/ii06a?period=month&date=2019-03-10";
    private static final String OVERDUE_CODES = Ii06aReportIT.THIRD_UNIT + "-000101-8";

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void history() {
        Ii06aReportIT.seedOnce(jdbc);
    }

    @Test
    void shouldAnswerIi06aAsJson() {
        JsonNode report = as("supervisor").getForObject(MARCH, JsonNode.class);

        assertThat(report.at("/period/kind").asText()).isEqualTo("MONTH");
        assertThat(report.at("/period/from").asText()).isEqualTo("2019-03-01");
        assertThat(report.at("/period/to").asText()).isEqualTo("2019-03-31");
        assertThat(report.at("/units/0/unitCode").asText()).isEqualTo(UNIT);
        assertThat(report.at("/units/0/procedures/0/figures/received/carriedOver").asLong()).isEqualTo(3);
        assertThat(report.at("/units/0/procedures/0/figures/resolved/beforeDeadline").asLong()).isEqualTo(2);
        assertThat(report.at("/total/received/total").asLong()).isEqualTo(18);
        assertThat(report.at("/total/inProgress/overdue").asLong()).isEqualTo(3);
    }

    @Test
    void shouldShowAHeadOnlyTheirOwnUnit() {
        JsonNode report = as("head2").getForObject(MARCH, JsonNode.class);

        assertThat(column(report.get("units"), "unitCode")).containsExactly(OTHER_UNIT);
        assertThat(report.at("/total/received/total").asLong()).isEqualTo(3);
        JsonNode rankings = as("head2").getForObject("/api/reports/rankings?period=month&date=2019-03-10", JsonNode.class);
        assertThat(column(rankings.get("onTime"), "unitCode")).containsExactly(OTHER_UNIT);
    }

    @Test
    void shouldExportIi06aAsCsvAndWriteItToTheAuditTrail() throws IOException {
        ResponseEntity<String> response = as("head").getForEntity(MARCH + "&unit={unit}&format=csv", String.class, UNIT);

        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(response.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("bao-cao-II.06a-" + UNIT + "-2019-03-01-2019-03-31.csv");
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new java.io.StringReader(response.getBody().substring(1))).getRecords();
        assertThat(rows.get(0).get(0)).isEqualTo("Mã đơn vị");
        assertThat(rows.get(0).get(4)).isEqualTo("Tiếp nhận - Tổng số");
        // Two procedures, the unit's subtotal, the total.
        assertThat(rows).hasSize(5);
        assertThat(rows.get(1).get(2)).isEqualTo("2.000720");
        assertThat(rows.get(1).toList().subList(4, 18))
                .containsExactly("13", "3", "5", "5", "5", "2", "1", "2", "5", "3", "2", "1", "1", "1");
        assertThat(rows.get(3).get(3)).isEqualTo("Cộng đơn vị");
        assertThat(rows.get(4).get(1)).isEqualTo("Tổng cộng");
        assertThat(rows.get(4).get(4)).isEqualTo("15");

        JsonNode audit = as("head").getForObject("/api/audit?unit={unit}&from={d}&to={d}", JsonNode.class, UNIT,
                engineToday(), engineToday());
        assertThat(audit.findValuesAsText("target")).contains("report II.06a");
        assertThat(audit.findValuesAsText("detail")).anyMatch(detail -> detail.startsWith("csv bao-cao-II.06a-" + UNIT));
    }

    @Test
    void shouldExportIi06aAsXlsxOnAskingThroughTheAcceptHeader() throws IOException {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, ReportController.SPREADSHEET);
        ResponseEntity<byte[]> response = as("supervisor").exchange(MARCH, HttpMethod.GET, new HttpEntity<>(headers),
                byte[].class);

        assertThat(response.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("bao-cao-II.06a-tat-ca-2019-03-01-2019-03-31.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(17).getStringCellValue()).isEqualTo("Từ chối");
            Row total = sheet.getRow(sheet.getLastRowNum());
            assertThat(total.getCell(1).getStringCellValue()).isEqualTo("Tổng cộng");
            double[] numbers = new double[14];
            for (int c = 0; c < 14; c++) {
                numbers[c] = total.getCell(4 + c).getNumericCellValue();
            }
            assertThat(numbers).containsExactly(18, 3, 8, 7, 9, 4, 2, 3, 6, 3, 3, 1, 1, 1);
        }
    }

    @Test
    void shouldExportTheRankingsOneSheetEach() throws IOException {
        ResponseEntity<byte[]> response = as("supervisor").getForEntity(
                "/api/reports/rankings?period=month&date=2019-03-10&format=xlsx", byte[].class);

        assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("xep-hang-2019-03-01-2019-03-31.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(4);
            Sheet onTime = workbook.getSheet("Tỷ lệ đúng hạn");
            assertThat(onTime.getRow(1).getCell(1).getStringCellValue()).isEqualTo(OTHER_UNIT);
            assertThat(onTime.getRow(2).getCell(5).getNumericCellValue()).isEqualTo(57.14);
            Sheet late = workbook.getSheet("Thủ tục trễ hạn nhiều nhất");
            assertThat(late.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(5);
        }
        String csv = as("supervisor").getForObject("/api/reports/rankings?period=month&date=2019-03-10&format=csv",
                String.class);
        assertThat(csv).contains("\"Mức độ hài lòng\"\r\n").contains("\"Hạng\",\"Mã đơn vị\",\"Tên đơn vị\",\"Số lượt đánh giá\"");
    }

    @ParameterizedTest(name = "{0}: 400 on {1}")
    @CsvSource(delimiter = '|', value = {
            "period=fortnight|period",
            "period=custom&from=2019-03-10|to",
            "period=custom&from=2019-03-10&to=2019-03-01|to",
            "period=custom&from=2018-01-01&to=2019-03-01|to",
            "period=month&from=2019-03-01&to=2019-03-31|from",
            "period=month&date=2019-02-30|date",
            "unit=999.99.99.H99|unit",
            "unit=<script>|unit",
            "procedure=no_such_procedure|procedure",
            "format=pdf|format"})
    void shouldRefuseParametersOutOfShape(String query, String field) {
        ResponseEntity<JsonNode> response = as("supervisor").getForEntity("/api/reports/ii06a?" + query, JsonNode.class);

        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody().toString()).contains(field);
    }

    @Test
    void shouldListOverdueAndAtRiskDossiersWithTheirHolders() {
        LocalDateTime now = LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ReportHistory.ZONE)
                .truncatedTo(ChronoUnit.SECONDS);
        seedOpenDossiers(new ReportHistory(jdbc), now);

        JsonNode list = as("head.phucxa").getForObject("/api/reports/overdue?unit={unit}", JsonNode.class,
                Ii06aReportIT.THIRD_UNIT);

        List<JsonNode> ours = java.util.stream.StreamSupport.stream(list.get("dossiers").spliterator(), false)
                .filter(d -> d.get("code").asText().startsWith(OVERDUE_CODES))
                .toList();
        assertThat(ours).extracting(d -> d.get("code").asText()).containsExactly(OVERDUE_CODES + "001", OVERDUE_CODES + "002");
        Instant asOf = Instant.parse(list.get("asOf").asText());
        JsonNode overdue = ours.get(0);
        assertThat(overdue.get("lateness").asText()).isEqualTo("OVERDUE");
        assertThat(overdue.get("currentHolder").asText()).isEqualTo("specialist");
        assertThat(Instant.parse(overdue.get("heldSince").asText())).isEqualTo(ReportHistory.instant(now.minusDays(4)));
        assertThat(Duration.parse(overdue.get("heldFor").asText()))
                .isEqualTo(Duration.between(ReportHistory.instant(now.minusDays(4)), asOf));
        assertThat(Duration.parse(overdue.get("overdueFor").asText()))
                .isEqualTo(Duration.between(ReportHistory.instant(now.minusDays(2)), asOf));
        JsonNode atRisk = ours.get(1);
        assertThat(atRisk.get("lateness").asText()).isEqualTo("AT_RISK");
        assertThat(atRisk.hasNonNull("overdueFor")).isFalse();

        ResponseEntity<byte[]> xlsx = as("head.phucxa").getForEntity("/api/reports/overdue?unit={unit}&format=xlsx",
                byte[].class, Ii06aReportIT.THIRD_UNIT);
        assertThat(xlsx.getHeaders().getContentDisposition().getFilename())
                .startsWith("ho-so-qua-han-" + Ii06aReportIT.THIRD_UNIT + "-");
    }

    /** Open dossiers of the third unit around now; only 001 (overdue) and 002 (warned) belong on the list. */
    private static void seedOpenDossiers(ReportHistory h, LocalDateTime now) {
        String unit = Ii06aReportIT.THIRD_UNIT;
        long overdue = h.dossier(OVERDUE_CODES + "001", unit, PROCEDURE, "ONLINE", "ONLINE", "IN_PROGRESS",
                now.minusDays(5), now.minusDays(2), null, null);
        h.event(overdue, "SUBMITTED", null, unit, now.minusDays(5), null);
        h.event(overdue, "HANDED_OVER", "appraise", "specialist", now.minusDays(4), null);
        h.event(overdue, "DEADLINE_WARNING", null, "head.phucxa", now.minusDays(3), now.minusDays(2));
        long atRisk = h.dossier(OVERDUE_CODES + "002", unit, PROCEDURE, "ONLINE", "ONLINE", "IN_PROGRESS",
                now.minusDays(2), now.plusDays(1), null, null);
        h.event(atRisk, "SUBMITTED", null, unit, now.minusDays(2), null);
        h.event(atRisk, "DEADLINE_WARNING", null, "head.phucxa", now.minusHours(1), now.plusDays(1));
        // Warned about a due date that a restarted clock has since moved: not at risk any more.
        long moved = h.dossier(OVERDUE_CODES + "003", unit, PROCEDURE, "ONLINE", "ONLINE", "IN_PROGRESS",
                now.minusDays(6), now.plusDays(1), null, null);
        h.event(moved, "DEADLINE_WARNING", null, "head.phucxa", now.minusDays(2), now.minusDays(1));
        // Waiting for a supplement: its clock stands still.
        h.dossier(OVERDUE_CODES + "004", unit, PROCEDURE, "ONLINE", "ONLINE", "AWAITING_SUPPLEMENT", now.minusDays(6),
                now.minusDays(2), null, now.minusDays(3));
        // Settled late: no longer anyone's to act on.
        h.dossier(OVERDUE_CODES + "005", unit, PROCEDURE, "ONLINE", "ONLINE", "RESULT_RETURNED", now.minusDays(6),
                now.minusDays(2), now.minusDays(1), null);
        // A step's warning, not the dossier's.
        long step = h.dossier(OVERDUE_CODES + "006", unit, PROCEDURE, "ONLINE", "ONLINE", "IN_PROGRESS",
                now.minusDays(1), now.plusDays(2), null, null);
        h.event(step, "DEADLINE_WARNING", "appraise", "specialist", now.minusHours(2), now.plusDays(1));
    }
}
