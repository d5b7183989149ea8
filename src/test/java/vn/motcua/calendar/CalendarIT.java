package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Nested;
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

class CalendarIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ShippedYears shipped;

    @Autowired
    WorkingCalendar workingCalendar;

    @Test
    void shouldAddWorkingDaysOverTheLunarNewYearAnsweringInBothZones() {
        ResponseEntity<JsonNode> response = http.getForEntity(
                URI.create("/api/calendar/plus?from=2026-02-13T09:00:00%2B07:00&days=2"), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().at("/result/local").asText()).isEqualTo("2026-02-24T09:00:00+07:00");
        assertThat(response.getBody().at("/result/utc").asText()).isEqualTo("2026-02-24T02:00:00Z");
        assertThat(response.getBody().at("/from/utc").asText()).isEqualTo("2026-02-13T02:00:00Z");
    }

    @Test
    void shouldAddWorkingHoursAcrossLunchAndTheNight() {
        JsonNode body = http.getForObject("/api/calendar/plus?from={from}&hours=2.5", JsonNode.class,
                "2025-03-05T15:30:00Z");
        // 22:30 in Hà Nội: the next opening is 07:30, plus 2.5 hours (with the 11:30 closing in between)
        assertThat(body.at("/result/local").asText()).isEqualTo("2025-03-06T10:00:00+07:00");
        body = http.getForObject("/api/calendar/plus?from={from}&hours=1", JsonNode.class, "2025-03-05T11:00:00+07:00");
        assertThat(body.at("/result/local").asText()).isEqualTo("2025-03-05T14:00:00+07:00");
    }

    @Test
    void shouldMeasureWorkingTimeBetweenInstantsSpanningHolidays() {
        JsonNode body = http.getForObject("/api/calendar/between?from={from}&to={to}", JsonNode.class,
                "2024-04-26T09:00:00+07:00", "2024-05-06T09:00:00+07:00");
        // Friday 6 h, Thursday 2 and Friday 3 May 7.5 h each, make-up Saturday 4 May 7.5 h, Monday 1.5 h
        assertThat(Duration.parse(body.get("workingTime").asText())).isEqualTo(Duration.ofMinutes(30 * 60));
        assertThat(body.get("workingHours").decimalValue()).isEqualByComparingTo("30");
        assertThat(body.get("workingDays").decimalValue()).isEqualByComparingTo("3.75");
    }

    @Test
    void shouldStartTheClockAfterTheCutOffOnTheNextWorkingDay() {
        JsonNode body = http.getForObject("/api/calendar/counting-start?receivedAt={at}", JsonNode.class,
                "2026-02-13T15:00:00+07:00");
        assertThat(body.at("/result/local").asText()).isEqualTo("2026-02-23T07:30:00+07:00");
        body = http.getForObject("/api/calendar/counting-start?receivedAt={at}&cutOff=16:00", JsonNode.class,
                "2026-02-13T15:00:00+07:00");
        assertThat(body.at("/result/local").asText()).isEqualTo("2026-02-13T15:00:00+07:00");
    }

    @Test
    void shouldReadAShippedYear() {
        JsonNode body = http.getForObject("/api/calendar/years/2024", JsonNode.class);
        assertThat(body.get("source").asText()).isEqualTo("SHIPPED");
        assertThat(column(body.at("/document/daysOff"), "date")).contains("2024-04-29", "2024-02-08");
        assertThat(column(body.at("/document/makeUpDays"), "date")).containsExactly("2024-05-04");
        assertThat(body.at("/document/makeUpDays/0/source").asText()).contains("2450/VPCP-KGVX");
    }

    @Test
    void shouldCountAYearNobodyLoadedProvisionallyAndSaySo() {
        JsonNode year = http.getForObject("/api/calendar/years/2031", JsonNode.class);
        assertThat(year.get("source").asText()).isEqualTo("STATUTORY");
        assertThat(year.get("provisional").asBoolean()).isTrue();
        // Tết Tân Hợi is Thursday 23 January 2031: Wednesday 22 to Sunday 26 off, Saturday and Sunday compensated.
        assertThat(column(year.at("/document/daysOff"), "date")).contains("2031-01-22", "2031-01-23", "2031-01-24",
                "2031-01-27", "2031-01-28");

        JsonNode plus = http.getForObject("/api/calendar/plus?from={from}&days=1", JsonNode.class, "2031-01-21T09:00:00+07:00");
        assertThat(plus.at("/result/local").asText()).isEqualTo("2031-01-29T09:00:00+07:00");
        assertThat(plus.get("provisional").asBoolean()).isTrue();
        assertThat(plus.get("provisionalYears")).hasSize(1);
        JsonNode shipped = http.getForObject("/api/calendar/plus?from={from}&days=1", JsonNode.class, "2026-02-13T09:00:00+07:00");
        assertThat(shipped.get("provisional").asBoolean()).isFalse();

        ResponseEntity<JsonNode> beyond = http.getForEntity("/api/calendar/plus?from={from}&days=1", JsonNode.class,
                "2101-03-01T09:00:00+07:00");
        assertThat(beyond.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(beyond.getBody().get("detail").asText()).contains("2101").contains("PUT /api/calendar/years/2101");
    }

    @Test
    void shouldLoadANewYearThatEveryNodeSeesAndCorrectIt() throws Exception {
        // Before: 2099 is counted on its statutory calendar, where Hùng Kings' day (Wednesday 29 April),
        // 30 April and 1 May are off; the test document loaded below has none of them.
        assertThat(http.getForObject("/api/calendar/years/2099", JsonNode.class).get("source").asText()).isEqualTo("STATUTORY");
        JsonNode provisional = http.getForObject("/api/calendar/plus?from={from}&days=1", JsonNode.class,
                "2099-04-28T09:00:00+07:00");
        assertThat(provisional.at("/result/local").asText()).isEqualTo("2099-05-04T09:00:00+07:00");
        assertThat(provisional.get("provisional").asBoolean()).isTrue();

        // Two other nodes that have looked for 2099 in vain: one reads years again every hour, one
        // whenever asked (its refresh interval has always passed).
        CalendarYears otherNode = new CalendarYears(jdbc, shipped, new CalendarProperties(null, null, null, Duration.ofHours(1)));
        CalendarYears refreshedNode = new CalendarYears(jdbc, shipped, new CalendarProperties(null, null, null, Duration.ZERO));
        assertThat(otherNode.find(2099)).isEmpty();
        assertThat(refreshedNode.find(2099)).isEmpty();

        ResponseEntity<JsonNode> loaded = put(2099, YearDocumentsTest.testYear2099(), "application/yaml");
        assertThat(loaded.getStatusCode()).as(String.valueOf(loaded.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(loaded.getBody().get("revision").asInt()).isEqualTo(1);

        JsonNode read = http.getForObject("/api/calendar/years/2099", JsonNode.class);
        assertThat(read.get("source").asText()).isEqualTo("DATABASE");
        assertThat(read.get("provisional").asBoolean()).isFalse();
        assertThat(read.at("/document/daysOff")).hasSize(8);
        JsonNode plus = http.getForObject("/api/calendar/plus?from={from}&days=1", JsonNode.class, "2099-04-28T09:00:00+07:00");
        assertThat(plus.at("/result/local").asText()).isEqualTo("2099-04-29T09:00:00+07:00");
        assertThat(plus.get("provisional").asBoolean()).isFalse();
        // The hourly node keeps its provisional answer until its hour has passed; the other reads the year.
        assertThat(otherNode.find(2099)).isEmpty();
        assertThat(refreshedNode.find(2099)).hasValueSatisfying(year -> assertThat(year.daysOff()).hasSize(8));

        // A correction (Wednesday 29 April off) is a new revision; the old one is kept.
        String corrected = YearDocumentsTest.testYear2099().replace("daysOff:\n", """
                daysOff:
                  - date: 2099-04-29
                    name: Giỗ Tổ Hùng Vương (correction)
                    source: test data
                """);
        ResponseEntity<JsonNode> correction = put(2099, corrected, "application/yaml");
        assertThat(correction.getBody().get("revision").asInt()).isEqualTo(2);
        plus = http.getForObject("/api/calendar/plus?from={from}&days=1", JsonNode.class, "2099-04-28T09:00:00+07:00");
        assertThat(plus.at("/result/local").asText()).isEqualTo("2099-04-30T09:00:00+07:00");
        assertThat(workingCalendar.isWorkingDay(java.time.LocalDate.parse("2099-04-29"))).isFalse();
        assertThat(refreshedNode.find(2099)).hasValueSatisfying(year -> assertThat(year.daysOff()).hasSize(9));
        assertThat(jdbc.sql("select count(*) from calendar_year where year_number = 2099").query(Integer.class).single()).isEqualTo(2);

        JsonNode years = http.getForObject("/api/calendar/years", JsonNode.class);
        assertThat(column(years, "year")).containsSubsequence("2024", "2025", "2026", "2099");
    }

    @Nested
    class Refused {

        @Test
        void shouldRefuseAnInvalidYearNamingTheProblemsAndStoreNothing() {
            ResponseEntity<JsonNode> response = put(2031, """
                    {"year": 2031,
                     "daysOff": [{"date": "2031-01-01", "name": "Tết Dương lịch", "source": "test"},
                                 {"date": "2030-12-31", "name": "Giao thừa", "source": "test"}],
                     "makeUpDays": [{"date": "2031-01-06", "name": "Làm bù", "source": "test"}]}
                    """, MediaType.APPLICATION_JSON_VALUE);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            assertThat(column(response.getBody().get("violations"), "field"))
                    .containsExactly("daysOff[1].date", "makeUpDays[0].date");
            assertThat(column(response.getBody().get("violations"), "code")).containsExactly("outside-year", "not-weekend");
            assertThat(http.getForObject("/api/calendar/years/2031", JsonNode.class).get("source").asText())
                    .isEqualTo("STATUTORY");
        }

        @Test
        void shouldRefuseADocumentForAnotherYearThanThePath() {
            ResponseEntity<JsonNode> response = put(2032, "year: 2033\n", "application/yaml");
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody().get("detail").asText()).contains("not for 2032");
        }

        @Test
        void shouldRefuseAnUnparsableInstant() {
            ResponseEntity<JsonNode> response = http.getForEntity("/api/calendar/plus?from=13/02/2026&days=1", JsonNode.class);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody().get("detail").asText()).contains("'from'").contains("13/02/2026");
            response = http.getForEntity("/api/calendar/between?from=2026-02-13T09:00:00&to=2026-02-14T09:00:00Z", JsonNode.class);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody().get("detail").asText()).contains("with an offset");
        }

        @Test
        void shouldRefuseANegativeAmount() {
            ResponseEntity<JsonNode> response = http.getForEntity("/api/calendar/plus?from={from}&days=-1", JsonNode.class,
                    "2026-02-13T09:00:00Z");
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(column(response.getBody().get("violations"), "field")).containsExactly("days");
            response = http.getForEntity("/api/calendar/plus?from={from}&hours=1e30", JsonNode.class, "2026-02-13T09:00:00Z");
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(column(response.getBody().get("violations"), "field")).containsExactly("hours");
        }

        @Test
        void shouldRefuseBothOrNeitherDaysAndHours() {
            for (String amounts : new String[] {"days=1&hours=2", ""}) {
                ResponseEntity<JsonNode> response = http.getForEntity("/api/calendar/plus?from=2026-02-13T09:00:00Z&" + amounts,
                        JsonNode.class);
                assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(response.getBody().get("detail").asText()).contains("exactly one of 'days' or 'hours'");
            }
        }

        @Test
        void shouldRefuseAYearBeyondTheLunarCalendarsCheckedRange() {
            ResponseEntity<JsonNode> response = http.getForEntity("/api/calendar/between?from={from}&to={to}", JsonNode.class,
                    "2100-12-31T09:00:00+07:00", "2101-01-03T09:00:00+07:00");
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(response.getBody().get("year").asInt()).isEqualTo(2101);
            assertThat(http.getForEntity("/api/calendar/years/2101", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        }
    }

    private ResponseEntity<JsonNode> put(int year, String document, String contentType) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, contentType);
        return as("admin").exchange("/api/calendar/years/{year}", HttpMethod.PUT, new HttpEntity<>(document, headers),
                JsonNode.class, year);
    }
}
