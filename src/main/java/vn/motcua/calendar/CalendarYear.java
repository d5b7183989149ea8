package vn.motcua.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One year of the calendar as an administrator writes it (YAML or JSON): the weekdays offices close
 * and the weekend days they open, each with its name and the announcement it comes from. Every
 * other Monday to Friday is a working day, every other Saturday and Sunday is not.
 *
 * @param year       the Gregorian year every date belongs to
 * @param daysOff    public holidays, compensatory days and swapped days off
 * @param makeUpDays Saturdays or Sundays worked in exchange for a swapped day off
 */
public record CalendarYear(int year, List<DayOff> daysOff, List<MakeUpDay> makeUpDays) {

    public CalendarYear {
        daysOff = daysOff == null ? List.of() : List.copyOf(daysOff);
        makeUpDays = makeUpDays == null ? List.of() : List.copyOf(makeUpDays);
    }

    /**
     * A day offices are closed.
     *
     * @param onWeekend set when a holiday falling on a Saturday or Sunday is listed for the record:
     *                  it changes nothing (the day is off anyway), its compensation is a day of its own
     */
    public record DayOff(LocalDate date, String name, String source,
            @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean onWeekend) implements Day {
    }

    /** A Saturday or Sunday offices work, in exchange for a weekday off. */
    public record MakeUpDay(LocalDate date, String name, String source) implements Day {
    }

    /** Whether offices work on {@code date}, a day of this year. */
    boolean isWorkingDay(LocalDate date) {
        if (makeUpDays.stream().anyMatch(day -> day.date().equals(date))) {
            return true;
        }
        return !isWeekend(date) && daysOff.stream().noneMatch(day -> day.date().equals(date));
    }

    /** What is wrong with this document as the calendar of {@code expectedYear}; empty when nothing. */
    List<Violation> violations(int expectedYear) {
        List<Violation> violations = new ArrayList<>();
        if (year != expectedYear) {
            violations.add(new Violation("year", "mismatch", "the document is for " + year + ", not for " + expectedYear));
        }
        Map<LocalDate, String> seen = new HashMap<>();
        checkDays(violations, seen, "daysOff", daysOff, (field, day) -> {
            if (isWeekend(day.date()) && !day.onWeekend()) {
                violations.add(new Violation(field + ".date", "weekend", day.date() + " is a " + day.date().getDayOfWeek()
                        + ", off anyway: list its compensatory weekday instead, or set onWeekend: true to keep it for the record"));
            }
            if (!isWeekend(day.date()) && day.onWeekend()) {
                violations.add(new Violation(field + ".onWeekend", "not-weekend", day.date() + " is a "
                        + day.date().getDayOfWeek() + ", not a weekend day"));
            }
        });
        checkDays(violations, seen, "makeUpDays", makeUpDays, (field, day) -> {
            if (!isWeekend(day.date())) {
                violations.add(new Violation(field + ".date", "not-weekend", "a make-up working day must be a Saturday or"
                        + " Sunday, " + day.date() + " is a " + day.date().getDayOfWeek()));
            }
        });
        return violations;
    }

    /** The rules every listed day follows, then the list's own {@code rules} (given the day's field path). */
    private <D extends Day> void checkDays(List<Violation> violations, Map<LocalDate, String> seen, String list,
            List<D> days, BiConsumer<String, D> rules) {
        for (int i = 0; i < days.size(); i++) {
            D day = days.get(i);
            String field = list + "[" + i + "]";
            if (day == null || day.date() == null) {
                violations.add(new Violation(field + ".date", "required", "every day needs a date"));
                continue;
            }
            if (day.date().getYear() != year) {
                violations.add(new Violation(field + ".date", "outside-year", day.date() + " is not in " + year));
            }
            String earlier = seen.putIfAbsent(day.date(), field);
            if (earlier != null) {
                violations.add(new Violation(field + ".date", "duplicate", day.date() + " is listed twice (also " + earlier + ")"));
            }
            if (day.name() == null || day.name().isBlank()) {
                violations.add(new Violation(field + ".name", "required", "say what " + day.date() + " is (e.g. Tết Dương lịch)"));
            }
            if (day.source() == null || day.source().isBlank()) {
                violations.add(new Violation(field + ".source", "required",
                        "cite the announcement " + day.date() + " comes from (law article, government letter)"));
            }
            rules.accept(field, day);
        }
    }

    static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** What every listed day has. */
    sealed interface Day permits DayOff, MakeUpDay {

        LocalDate date();

        String name();

        String source();
    }

    /** One broken rule of a year document, in the shape of the API's other violations. */
    public record Violation(String field, String code, String message) {
    }
}
