package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped 2024-2026 calendar with the default settings (07:30-11:30, 13:30-17:00, cut-off 15:00). */
class WorkingCalendarTest {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    static final WorkingCalendar calendar = WorkingCalendar.ofShippedYears(CalendarProperties.defaults(), HANOI);

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(HANOI).toInstant();
    }

    @Nested
    class WorkingDays {

        @ParameterizedTest(name = "{0} is a day off")
        @ValueSource(strings = {
                // weekends
                "2025-03-08", "2025-03-09",
                // 2024: New Year, Tết 8-14 Feb, Hùng Kings, 29 Apr (swapped) - 1 May, National Day 2-3 Sep
                "2024-01-01", "2024-02-08", "2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14", "2024-04-18",
                "2024-04-29", "2024-04-30", "2024-05-01", "2024-09-02", "2024-09-03",
                // 2025: New Year, Tết 27-31 Jan, Hùng Kings, 30 Apr - 2 May (swapped), National Day 1-2 Sep
                "2025-01-01", "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-04-07",
                "2025-04-30", "2025-05-01", "2025-05-02", "2025-09-01", "2025-09-02",
                // 2026: New Year 1-2 Jan (swapped), Tết 16-20 Feb, Hùng Kings on Sunday compensated on Monday,
                // 30 Apr - 1 May, National Day
                "2026-01-01", "2026-01-02", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
                "2026-04-26", "2026-04-27", "2026-04-30", "2026-05-01", "2026-09-01", "2026-09-02"})
        void shouldCloseOfficesOnHolidaysAndWeekends(LocalDate date) {
            assertThat(calendar.isWorkingDay(date)).isFalse();
        }

        @ParameterizedTest(name = "{0} is a working day")
        @ValueSource(strings = {
                // the days around each block, and make-up Saturdays
                "2024-01-02", "2024-02-07", "2024-02-15", "2024-04-17", "2024-04-19", "2024-04-26", "2024-05-02",
                "2024-05-04", "2024-08-30", "2024-09-04",
                "2024-12-31", "2025-01-02", "2025-01-24", "2025-02-03", "2025-04-04", "2025-04-08", "2025-04-26",
                "2025-04-29", "2025-05-05", "2025-08-29", "2025-09-03",
                "2026-01-05", "2026-01-10", "2026-02-13", "2026-02-23", "2026-04-24", "2026-04-28", "2026-04-29",
                "2026-05-04", "2026-08-31", "2026-09-03"})
        void shouldOpenOfficesOnOtherWeekdaysAndMakeUpDays(LocalDate date) {
            assertThat(calendar.isWorkingDay(date)).isTrue();
        }

        @Test
        void shouldSkipTheSwappedMondayAndCountTheMakeUpSaturdayOf2024() {
            assertThat(calendar.nextWorkingDay(LocalDate.parse("2024-04-26"))).isEqualTo("2024-05-02");
            assertThat(calendar.nextWorkingDay(LocalDate.parse("2024-05-03"))).isEqualTo("2024-05-04");
            assertThat(calendar.nextWorkingDay(LocalDate.parse("2024-05-04"))).isEqualTo("2024-05-06");
        }

        @Test
        void shouldCountTwoWorkingDaysOverTheLunarNewYearOf2026() {
            assertThat(calendar.plusWorkingDays(at("2026-02-13T09:00"), 2)).isEqualTo(at("2026-02-24T09:00"));
        }

        @ParameterizedTest(name = "{0} + {1} working days = {2}")
        @CsvSource({
                "2025-03-05T10:15, 0, 2025-03-05T10:15",
                "2025-03-05T10:15, 3, 2025-03-10T10:15",
                "2025-03-08T10:00, 0, 2025-03-10T07:30",
                "2025-03-05T12:00, 1, 2025-03-06T13:30",
                "2025-03-05T18:00, 1, 2025-03-07T07:30",
                "2024-04-26T09:00, 1, 2024-05-02T09:00",
                "2024-05-03T09:00, 1, 2024-05-04T09:00",
                "2025-01-24T16:00, 1, 2025-02-03T16:00",
                "2026-04-24T08:00, 2, 2026-04-29T08:00",
                "2026-04-29T08:00, 1, 2026-05-04T08:00",
                "2026-01-09T10:00, 1, 2026-01-10T10:00"})
        void shouldKeepTheLocalTimeOnTheNthNextWorkingDay(String start, long days, String expected) {
            assertThat(calendar.plusWorkingDays(at(start), days)).isEqualTo(at(expected));
        }
    }

    @Nested
    class CountingStart {

        @ParameterizedTest(name = "received {0} -> counts from {1}")
        @CsvSource({
                "2025-03-05T14:59, 2025-03-05T14:59",
                "2025-03-05T15:00, 2025-03-06T07:30",
                "2025-03-05T16:30, 2025-03-06T07:30",
                "2025-03-05T12:10, 2025-03-05T13:30",
                "2025-03-05T06:45, 2025-03-05T07:30",
                "2025-03-05T11:30, 2025-03-05T13:30",
                "2025-03-05T20:00, 2025-03-06T07:30",
                "2025-03-08T10:00, 2025-03-10T07:30",
                "2026-02-13T16:00, 2026-02-23T07:30",
                "2026-02-13T10:00, 2026-02-13T10:00",
                "2026-02-17T10:00, 2026-02-23T07:30",
                "2024-05-04T10:00, 2024-05-04T10:00",
                "2024-12-31T16:00, 2025-01-02T07:30"})
        void shouldStartTheClockAtTheRightMoment(String received, String expected) {
            assertThat(calendar.countingStart(at(received))).isEqualTo(at(expected));
        }

        @Test
        void shouldHonourACutOffOfTheProcedure() {
            assertThat(calendar.countingStart(at("2025-03-05T11:00"), LocalTime.of(11, 0))).isEqualTo(at("2025-03-06T07:30"));
            assertThat(calendar.countingStart(at("2025-03-05T10:59"), LocalTime.of(11, 0))).isEqualTo(at("2025-03-05T10:59"));
        }

        @Test
        void shouldReadTheAgencyZoneWhateverTheInstantsOffset() {
            // 07:59 UTC is 14:59 in Hà Nội: before the cut-off; 08:00 UTC is 15:00: after it
            assertThat(calendar.countingStart(Instant.parse("2025-03-05T07:59:00Z"))).isEqualTo(Instant.parse("2025-03-05T07:59:00Z"));
            assertThat(calendar.countingStart(Instant.parse("2025-03-05T08:00:00Z"))).isEqualTo(Instant.parse("2025-03-06T00:30:00Z"));
        }
    }

    @Nested
    class SameDay {

        @ParameterizedTest(name = "{0} -> closes {1}")
        @CsvSource({
                "2025-03-05T10:00, 2025-03-05T17:00",
                "2025-03-05T12:00, 2025-03-05T17:00",
                "2025-03-05T06:00, 2025-03-05T17:00",
                "2025-03-05T17:00, 2025-03-06T17:00",
                "2026-02-13T17:30, 2026-02-23T17:00",
                "2024-05-04T08:00, 2024-05-04T17:00"})
        void shouldEndAtTheClosingOfTheWorkingDay(String t, String expected) {
            assertThat(calendar.endOfWorkingDay(at(t))).isEqualTo(at(expected));
        }

        @Test
        void shouldGiveAnAfternoonSubmissionAfterTheCutOffTheNextDaysClosing() {
            Instant start = calendar.countingStart(at("2025-03-07T15:30"));
            assertThat(calendar.endOfWorkingDay(start)).isEqualTo(at("2025-03-10T17:00"));
        }
    }

    @Nested
    class WorkingHours {

        @ParameterizedTest(name = "{0} + {1} h = {2}")
        @CsvSource({
                "2025-03-05T16:00, 1, 2025-03-05T17:00",
                "2025-03-05T16:00, 2, 2025-03-06T08:30",
                "2025-03-05T11:00, 1, 2025-03-05T14:00",
                "2025-03-05T10:30, 1, 2025-03-05T11:30",
                "2025-03-05T07:30, 8, 2025-03-06T08:00",
                "2025-03-05T12:00, 0, 2025-03-05T13:30",
                "2025-03-07T16:00, 2, 2025-03-10T08:30",
                "2026-02-13T16:30, 1, 2026-02-23T08:00",
                "2024-04-26T16:00, 4, 2024-05-02T10:30",
                "2024-05-03T16:00, 4, 2024-05-04T10:30"})
        void shouldWalkOfficeHoursAcrossLunchNightsAndHolidays(String start, long hours, String expected) {
            assertThat(calendar.plusWorkingHours(at(start), hours)).isEqualTo(at(expected));
        }

        @Test
        void shouldTurnFractionsOfADayIntoWorkingTime() {
            assertThat(calendar.workingDays(new BigDecimal("0.5"))).isEqualTo(Duration.ofHours(4));
            assertThat(calendar.workingDays(new BigDecimal("1.25"))).isEqualTo(Duration.ofHours(10));
            assertThat(calendar.plusWorkingTime(at("2025-03-05T08:00"), calendar.workingDays(new BigDecimal("0.5"))))
                    .isEqualTo(at("2025-03-05T14:00"));
            assertThat(calendar.workingDayLength()).isEqualTo(Duration.ofHours(8));
            assertThat(calendar.defaultCutOff()).isEqualTo(LocalTime.of(15, 0));
            assertThat(calendar.zone()).isEqualTo(HANOI);
        }

        @Test
        void shouldRefuseNegativeAmounts() {
            assertThatThrownBy(() -> calendar.plusWorkingHours(at("2025-03-05T08:00"), -1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hours");
            assertThatThrownBy(() -> calendar.plusWorkingDays(at("2025-03-05T08:00"), -2))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("days");
            assertThatThrownBy(() -> calendar.plusWorkingTime(at("2025-03-05T08:00"), Duration.ofMinutes(-5)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> calendar.workingDays(new BigDecimal("-0.5")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Between {

        @ParameterizedTest(name = "{0} .. {1} = {2}")
        @CsvSource({
                "2025-03-05T09:00, 2025-03-05T10:00, PT1H",
                "2025-03-05T11:00, 2025-03-05T14:00, PT1H",
                "2025-03-05T07:30, 2025-03-05T17:00, PT7H30M",
                "2025-03-05T18:00, 2025-03-06T07:00, PT0S",
                "2025-03-07T16:00, 2025-03-10T08:30, PT2H",
                "2026-02-13T09:00, 2026-02-23T09:00, PT7H30M",
                "2024-04-26T16:00, 2024-05-02T10:30, PT4H",
                "2024-12-31T16:00, 2025-01-02T08:00, PT1H30M"})
        void shouldCountOnlyOfficeHoursOfWorkingDays(String from, String to, Duration expected) {
            assertThat(calendar.workingTimeBetween(at(from), at(to))).isEqualTo(expected);
        }

        @Test
        void shouldBeZeroWhenToIsNotAfterFrom() {
            assertThat(calendar.workingTimeBetween(at("2025-03-05T10:00"), at("2025-03-05T10:00"))).isZero();
            assertThat(calendar.workingTimeBetween(at("2025-03-05T10:00"), at("2025-03-05T09:00"))).isZero();
        }

        @Test
        void shouldBeTheInverseOfAddingWorkingTime() {
            Instant start = at("2026-02-12T10:45");
            Instant end = calendar.plusWorkingTime(start, Duration.ofMinutes(1000));
            assertThat(calendar.workingTimeBetween(start, end)).isEqualTo(Duration.ofMinutes(1000));
        }
    }

    @Nested
    class ProvisionalYear {

        @Test
        void shouldCountAYearNobodyLoadedOnTheStatutoryCalendarAndSaySo() {
            // 2027: Tết is Saturday 6 February, so Friday 5 (the last day of Bính Ngọ) to Tuesday 9 are off,
            // and the weekend's two Tết days are compensated on Wednesday 10 and Thursday 11.
            assertThat(calendar.isProvisional(2027)).isTrue();
            assertThat(calendar.isProvisional(2026)).isFalse();
            assertThat(calendar.plusWorkingDays(at("2027-02-04T09:00"), 1)).isEqualTo(at("2027-02-12T09:00"));
            assertThat(calendar.provisionalYears(at("2026-12-20T09:00"), at("2027-01-20T09:00"))).containsExactly(2027);
            assertThat(calendar.provisionalYears(at("2026-01-20T09:00"), at("2026-12-31T09:00"))).isEmpty();
        }

        @Test
        void shouldRefuseOnlyBeyondTheLunarCalendarsCheckedRange() {
            assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.parse("2101-01-03")))
                    .isInstanceOf(UnknownCalendarYearException.class)
                    .hasMessageContaining("2101")
                    .hasMessageContaining("PUT /api/calendar/years/2101");
        }

        @Test
        void shouldCountFromTheLastShippedYearIntoTheNext() {
            // 20 December 2026 + 15 working days, crossing 1 January 2027 (Friday, off).
            assertThat(calendar.plusWorkingDays(at("2026-12-21T09:00"), 15)).isEqualTo(at("2027-01-12T09:00"));
        }
    }
}
