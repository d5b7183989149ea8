package vn.motcua.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import vn.motcua.calendar.CalendarYear.DayOff;

/**
 * The provisional calendar of a year nobody loaded, computed from the Labour Code 2019 (art. 112: 1 January,
 * five days of Tết, Hùng Kings' day, 30 April, 1 May, 2 September and one adjacent day; art. 111(3): a
 * holiday on a Saturday or Sunday is compensated on the next working day). What the law leaves to the
 * government's yearly announcement is decided the way recent announcements did: Tết is the last day of the
 * old lunar year and the first four of the new one (2026: 16-20 February), and National Day's adjacent
 * day is the one that joins the break to a weekend: 3 September when the 2nd is a Monday or a Thursday,
 * else 1 September (2021-2025 were announced so). No swapped days and no make-up days: the
 * announced schedule is data an administrator loads, and it always wins over this.
 * <p>
 * Years are computed once per JVM; the domain is bounded by the lunar calendar's checked range.
 */
final class StatutoryYears implements YearSource {

    private static final ResourceBundle NAMES = ResourceBundle.getBundle("messages", Locale.ROOT);

    /** Shared by every instance: the calendar and the year API ask for the same years, computed once per JVM. */
    private static final Map<Integer, CalendarYear> COMPUTED = new ConcurrentHashMap<>();

    @Override
    public Optional<CalendarYear> find(int year) {
        if (year < LunarCalendar.FIRST_YEAR || year > LunarCalendar.LAST_YEAR) {
            return Optional.empty();
        }
        return Optional.of(COMPUTED.computeIfAbsent(year, StatutoryYears::compute));
    }

    static CalendarYear compute(int year) {
        List<DayOff> holidays = new ArrayList<>();
        holiday(holidays, LocalDate.of(year, Month.JANUARY, 1), "newYear", "a");
        LocalDate tet = LunarCalendar.tet(year);
        holiday(holidays, tet.minusDays(1), "tetEve", "b");
        for (int day = 1; day <= 4; day++) {
            holiday(holidays, tet.plusDays(day - 1), "tet" + day, "b");
        }
        holiday(holidays, LunarCalendar.hungKingsDay(year), "hungKings", "c");
        holiday(holidays, LocalDate.of(year, Month.APRIL, 30), "victory", "d");
        holiday(holidays, LocalDate.of(year, Month.MAY, 1), "labour", "đ");
        LocalDate nationalDay = LocalDate.of(year, Month.SEPTEMBER, 2);
        DayOfWeek weekday = nationalDay.getDayOfWeek();
        holiday(holidays, weekday == DayOfWeek.MONDAY || weekday == DayOfWeek.THURSDAY
                ? nationalDay.plusDays(1) : nationalDay.minusDays(1), "nationalDayAdjacent", "e");
        holiday(holidays, nationalDay, "nationalDay", "e");
        holidays.sort((a, b) -> a.date().compareTo(b.date()));
        return new CalendarYear(year, withCompensations(holidays), List.of());
    }

    /**
     * The holidays, each on a weekend, or on the same day as another holiday (Hùng Kings' day on 30 April,
     * as in 1947), followed by its compensatory day: the next weekday not already off.
     */
    private static List<DayOff> withCompensations(List<DayOff> holidays) {
        Set<LocalDate> off = new HashSet<>();
        List<DayOff> days = new ArrayList<>();
        List<DayOff> toCompensate = new ArrayList<>();
        for (DayOff holiday : holidays) {
            if (!off.add(holiday.date())) {
                toCompensate.add(holiday);
                continue;
            }
            days.add(holiday);
            if (holiday.onWeekend()) {
                toCompensate.add(holiday);
            }
        }
        for (DayOff holiday : toCompensate) {
            LocalDate compensation = holiday.date().plusDays(1);
            while (CalendarYear.isWeekend(compensation) || off.contains(compensation)) {
                compensation = compensation.plusDays(1);
            }
            off.add(compensation);
            days.add(new DayOff(compensation, text("compensation", holiday.name()), text("source.compensation"), false));
        }
        days.sort((a, b) -> a.date().compareTo(b.date()));
        return days;
    }

    private static void holiday(List<DayOff> days, LocalDate date, String key, String point) {
        days.add(new DayOff(date, text(key), text("source.holiday", point), CalendarYear.isWeekend(date)));
    }

    private static String text(String key, Object... arguments) {
        String pattern = NAMES.getString("calendar.statutory." + key);
        return arguments.length == 0 ? pattern : java.text.MessageFormat.format(pattern, arguments);
    }
}
