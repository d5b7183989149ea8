package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The yearly warning on the shipped 2024-2026 calendar: 2027 is provisional, 2026 is not. */
class YearWarningTest {

    private final YearWarning warning = new YearWarning(WorkingCalendarTest.calendar);

    private static Instant at(String localDateTime) {
        return WorkingCalendarTest.at(localDateTime);
    }

    @Test
    void shouldNotWarnOn30SeptemberEvenThoughNextYearIsProvisional() {
        YearWarning.NextYear next = warning.at(at("2026-09-30T23:59:59"));

        assertThat(next.year()).isEqualTo(2027);
        assertThat(next.provisional()).isTrue();
        assertThat(next.warnFrom()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(next.warning()).isFalse();
    }

    @Test
    void shouldWarnFrom1OctoberInTheAgencyZoneWhenNextYearIsProvisional() {
        // Midnight in Hanoi is 17:00 UTC the day before.
        Instant midnight = at("2026-10-01T00:00");
        assertThat(midnight).isEqualTo(Instant.parse("2026-09-30T17:00:00Z"));

        YearWarning.NextYear next = warning.at(midnight);

        assertThat(next.warning()).isTrue();
        assertThat(next.daysLeft()).isEqualTo(92);
        assertThat(next.isoWeek()).isEqualTo("2026-W40");
    }

    @Test
    void shouldNotWarnWhenNextYearIsLoaded() {
        // 2026 is shipped: what an administrator's load of next year does to the rule.
        YearWarning.NextYear next = warning.at(at("2025-10-01T08:00"));

        assertThat(next.year()).isEqualTo(2026);
        assertThat(next.provisional()).isFalse();
        assertThat(next.warning()).isFalse();
    }

    @ParameterizedTest(name = "{0}: week {1}, {2} days left")
    @CsvSource({
            "2026-10-05T08:00, 2026-W41, 88",
            "2026-12-31T16:00, 2026-W53, 1",
            // The ISO week of 29 December 2025 belongs to 2026: the key stays one per week across the new year.
            "2025-12-29T08:00, 2026-W01, 3"})
    void shouldNameTheIsoWeekAndCountTheDaysLeft(String localDateTime, String week, long daysLeft) {
        YearWarning.NextYear next = warning.at(at(localDateTime));

        assertThat(next.isoWeek()).isEqualTo(week);
        assertThat(next.daysLeft()).isEqualTo(daysLeft);
        assertThat(next.today()).isEqualTo(LocalDateTime.parse(localDateTime).toLocalDate());
    }
}
