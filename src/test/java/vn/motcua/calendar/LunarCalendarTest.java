package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Tết and Hùng Kings' day for every year 1901-2100 against the published Vietnamese tables. */
class LunarCalendarTest {

    @ParameterizedTest(name = "{0}: Tết {1}, Hùng Kings {2}")
    @CsvFileSource(resources = "/calendar/vietnamese-lunar-dates.csv", numLinesToSkip = 4)
    void shouldGiveThePublishedDates(int year, LocalDate tet, LocalDate hungKings) {
        assertThat(LunarCalendar.tet(year)).isEqualTo(tet);
        assertThat(LunarCalendar.hungKingsDay(year)).isEqualTo(hungKings);
    }

    @Test
    void shouldCountOnTheMeridianOfVietnamNotChina() {
        // The new moons of these Tết fell before midnight in UTC+7 and after it in UTC+8.
        assertThat(LunarCalendar.tet(1985)).isEqualTo(LocalDate.of(1985, 1, 21));
        assertThat(LunarCalendar.tet(2007)).isEqualTo(LocalDate.of(2007, 2, 17));
        assertThat(LunarCalendar.tet(2030)).isEqualTo(LocalDate.of(2030, 2, 2));
    }

    @Test
    void shouldEndTheLunarYearTheDayBeforeTet() {
        // 2026: 29 tháng Chạp Ất Tỵ was Monday 16 February, the first day of the announced Tết holiday.
        assertThat(LunarCalendar.lunarNewYearsEve(2026)).isEqualTo(LocalDate.of(2026, 2, 16));
    }

    @Test
    void shouldRefuseYearsOutsideTheCheckedRange() {
        assertThatThrownBy(() -> LunarCalendar.tet(2101)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1901-2100");
    }
}
