package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import vn.motcua.calendar.CalendarYear.DayOff;

/** The provisional calendar of a year nobody loaded, from the Labour Code 2019 (art. 111, 112). */
class StatutoryYearsTest {

    private final StatutoryYears statutory = new StatutoryYears();

    @Test
    void shouldComputeAValidDocumentForEveryYearOfTheLunarRange() {
        IntStream.rangeClosed(LunarCalendar.FIRST_YEAR, LunarCalendar.LAST_YEAR).forEach(year -> {
            CalendarYear document = statutory.find(year).orElseThrow();
            assertThat(document.violations(year)).as("%s", year).isEmpty();
            // Eleven holidays (Tết counts five), each on a weekday or compensated on one.
            assertThat(document.daysOff().stream().filter(day -> !day.onWeekend())).as("%s", year).hasSize(11);
        });
        assertThat(statutory.find(1900)).isEmpty();
        assertThat(statutory.find(2101)).isEmpty();
    }

    @Test
    void shouldGiveTheAnnouncedTetOf2026() {
        // Thông báo 9441/TB-BNV: Tết Bính Ngọ from Monday 16 to Friday 20 February 2026.
        assertThat(weekdaysOff(2026)).contains(LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 17),
                LocalDate.of(2026, 2, 18), LocalDate.of(2026, 2, 19), LocalDate.of(2026, 2, 20));
        // Hùng Kings' day on Sunday 26 April, compensated on Monday 27 (as announced).
        assertThat(weekdaysOff(2026)).contains(LocalDate.of(2026, 4, 27)).doesNotContain(LocalDate.of(2026, 4, 24));
        // National Day on Wednesday, the adjacent day Tuesday 1 September.
        assertThat(weekdaysOff(2026)).contains(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 2));
    }

    @Test
    void shouldCompensateWeekendHolidaysOnTheNextFreeWorkingDays() {
        // 2027: Tết on Saturday 6 February: Friday 5 to Tuesday 9 off, Saturday and Sunday compensated on
        // Wednesday 10 and Thursday 11; 1 May on a Saturday is compensated on Monday 3 May.
        assertThat(weekdaysOff(2027)).containsExactly(
                LocalDate.of(2027, 1, 1),
                LocalDate.of(2027, 2, 5), LocalDate.of(2027, 2, 8), LocalDate.of(2027, 2, 9),
                LocalDate.of(2027, 2, 10), LocalDate.of(2027, 2, 11),
                LocalDate.of(2027, 4, 16),
                LocalDate.of(2027, 4, 30), LocalDate.of(2027, 5, 3),
                LocalDate.of(2027, 9, 2), LocalDate.of(2027, 9, 3));
    }

    @Test
    void shouldJoinNationalDayToAWeekendAsTheAnnouncementsDid() {
        // 2021 Thursday -> Friday 3; 2022 Friday -> Thursday 1; 2023 Saturday -> Friday 1 (and Monday 4 in
        // compensation); 2024 Monday -> Tuesday 3; 2025 Tuesday -> Monday 1.
        assertThat(weekdaysOff(2021)).contains(LocalDate.of(2021, 9, 2), LocalDate.of(2021, 9, 3));
        assertThat(weekdaysOff(2022)).contains(LocalDate.of(2022, 9, 1), LocalDate.of(2022, 9, 2));
        assertThat(weekdaysOff(2023)).contains(LocalDate.of(2023, 9, 1), LocalDate.of(2023, 9, 4));
        assertThat(weekdaysOff(2024)).contains(LocalDate.of(2024, 9, 2), LocalDate.of(2024, 9, 3));
        assertThat(weekdaysOff(2025)).contains(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 2));
    }

    @Test
    void shouldNameEveryDayAndCiteTheLaw() {
        statutory.find(2028).orElseThrow().daysOff().forEach(day -> {
            assertThat(day.name()).isNotBlank();
            assertThat(day.source()).contains("Bộ luật Lao động 2019").contains("tạm tính");
        });
    }

    private List<LocalDate> weekdaysOff(int year) {
        return statutory.find(year).orElseThrow().daysOff().stream()
                .filter(day -> !day.onWeekend()).map(DayOff::date).toList();
    }
}
