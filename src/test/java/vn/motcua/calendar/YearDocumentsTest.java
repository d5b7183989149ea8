package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import vn.motcua.calendar.CalendarYear.Violation;

class YearDocumentsTest {

    static String testYear2099() throws IOException {
        return new ClassPathResource("calendar/2099.yaml").getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldShipEveryYearFrom2024To2026() {
        assertThat(ShippedYears.read(ShippedYears.LOCATION).all()).containsOnlyKeys(2024, 2025, 2026);
    }

    @Test
    void shouldCiteAnAnnouncementForEveryShippedDay() {
        ShippedYears.read(ShippedYears.LOCATION).all().values().forEach(year -> {
            java.util.stream.Stream.concat(year.daysOff().stream().map(CalendarYear.DayOff::source),
                    year.makeUpDays().stream().map(CalendarYear.MakeUpDay::source))
                    .forEach(source -> assertThat(source).as("a source in %s", year.year())
                            .containsAnyOf("Bộ luật Lao động 2019", "Văn bản", "Thông báo"));
        });
    }

    @Test
    void shouldReadAYearWrittenInYamlAndTheSameInJson() throws IOException {
        CalendarYear yaml = YearDocuments.read(testYear2099(), 2099, "2099.yaml");
        assertThat(yaml.daysOff()).hasSize(8);
        assertThat(yaml.isWorkingDay(LocalDate.parse("2099-01-31"))).isTrue();
        assertThat(yaml.isWorkingDay(LocalDate.parse("2099-05-04"))).isFalse();
        assertThat(YearDocuments.read(YearDocuments.json(yaml), 2099, "json")).isEqualTo(yaml);
    }

    @Test
    void shouldCountWithALoadedYear() throws IOException {
        CalendarYear year2099 = YearDocuments.read(testYear2099(), 2099, "2099.yaml");
        ShippedYears shipped = ShippedYears.read(ShippedYears.LOCATION);
        WorkingCalendar calendar = new WorkingCalendar(CalendarProperties.defaults(), WorkingCalendarTest.HANOI,
                year -> year == 2099 ? Optional.of(year2099) : shipped.find(year));
        // Tuesday 20 to Monday 26 January are off in the loaded year, not in the statutory one.
        assertThat(calendar.plusWorkingDays(WorkingCalendarTest.at("2099-01-19T09:00"), 1))
                .isEqualTo(WorkingCalendarTest.at("2099-01-27T09:00"));
        assertThat(calendar.isProvisional(2099)).isFalse();
    }

    @Nested
    class Refused {

        @Test
        void shouldRefuseADocumentOfAnotherYear() {
            assertViolations("year: 2026\n", 2027, "year", "mismatch", "not for 2027");
        }

        @Test
        void shouldRefuseADateOutsideTheYear() {
            assertViolations("""
                    year: 2027
                    daysOff:
                      - {date: 2026-12-31, name: Giao thừa, source: test}
                    """, 2027, "daysOff[0].date", "outside-year", "2026-12-31 is not in 2027");
        }

        @Test
        void shouldRefuseADateListedTwice() {
            assertViolations("""
                    year: 2027
                    daysOff:
                      - {date: 2027-01-01, name: Tết Dương lịch, source: test}
                      - {date: 2027-01-01, name: Tết Dương lịch, source: test}
                    """, 2027, "daysOff[1].date", "duplicate", "listed twice");
        }

        @Test
        void shouldRefuseADayBothOffAndWorked() {
            assertViolations("""
                    year: 2027
                    daysOff:
                      - {date: 2027-05-01, name: Quốc tế Lao động, source: test, onWeekend: true}
                    makeUpDays:
                      - {date: 2027-05-01, name: Làm bù, source: test}
                    """, 2027, "makeUpDays[0].date", "duplicate", "also daysOff[0]");
        }

        @Test
        void shouldRefuseAMakeUpDayOnAWeekday() {
            assertViolations("""
                    year: 2027
                    makeUpDays:
                      - {date: 2027-01-06, name: Làm bù, source: test}
                    """, 2027, "makeUpDays[0].date", "not-weekend", "must be a Saturday or Sunday");
        }

        @Test
        void shouldRefuseAnUnmarkedDayOffOnAWeekend() {
            assertViolations("""
                    year: 2027
                    daysOff:
                      - {date: 2027-05-01, name: Quốc tế Lao động, source: test}
                    """, 2027, "daysOff[0].date", "weekend", "onWeekend: true");
        }

        @Test
        void shouldRefuseAWeekdayMarkedAsWeekend() {
            assertViolations("""
                    year: 2027
                    daysOff:
                      - {date: 2027-01-01, name: Tết Dương lịch, source: test, onWeekend: true}
                    """, 2027, "daysOff[0].onWeekend", "not-weekend", "not a weekend day");
        }

        @Test
        void shouldRefuseADayWithoutNameOrSource() {
            InvalidCalendarYearException refusal = refusal("""
                    year: 2027
                    daysOff:
                      - {date: 2027-01-01}
                    """, 2027);
            assertThat(refusal.violations()).extracting(Violation::field)
                    .containsExactly("daysOff[0].name", "daysOff[0].source");
        }

        @Test
        void shouldRefuseAnUnreadableDateNamingWhere() {
            assertViolations("""
                    year: 2027
                    daysOff:
                      - {date: 2027-02-30, name: Không có, source: test}
                    """, 2027, "daysOff[0].date", "unreadable", "line 3");
        }

        @Test
        void shouldRefuseYamlAliases() {
            assertViolations("""
                    year: 2027
                    daysOff:
                      - {date: 2027-01-01, name: Tết Dương lịch, source: &law Bộ luật Lao động 2019}
                      - {date: 2027-09-02, name: Quốc khánh, source: *law}
                    """, 2027, "source", "alias", "line 4");
        }

        @Test
        void shouldRefuseAnUnknownField() {
            assertViolations("year: 2027\nholidays: []\n", 2027, "holidays", "unreadable", "holidays");
        }

        @Test
        void shouldRefuseAnEmptyDocumentAndBrokenJson() {
            assertViolations("  ", 2027, "", "empty", "empty");
            assertViolations("{\"year\": 2027,", 2027, "", "unreadable", "line 1");
        }

        private void assertViolations(String document, int year, String field, String code, String message) {
            InvalidCalendarYearException refusal = refusal(document, year);
            assertThat(refusal.violations()).anySatisfy(violation -> {
                assertThat(violation.field()).isEqualTo(field);
                assertThat(violation.code()).isEqualTo(code);
                assertThat(violation.message()).contains(message);
            });
            assertThat(refusal.getMessage()).contains("the test document").contains(field);
        }

        private InvalidCalendarYearException refusal(String document, int year) {
            return (InvalidCalendarYearException) org.assertj.core.api.Assertions.catchThrowable(
                    () -> YearDocuments.read(document, year, "the test document"));
        }
    }
}
