package vn.motcua.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Whether administrators must be told to load next year's calendar: from 1 October of each
 * year, while next year is counted on its provisional statutory calendar (nobody loaded the government's
 * announced schedule, nor was it shipped). "Now" is the engine's clock, read in the agency's zone, so that
 * tests move it; the health details, the meters, the weekly e-mail and the banner on {@code /bao-cao} all
 * ask here. Rule and what to do: {@code docs/calendar.md}, "The yearly warning".
 */
@Component
public class YearWarning {

    /** The first day of the warning in each year. */
    public static final MonthDay WARN_FROM = MonthDay.of(10, 1);

    private final WorkingCalendar calendar;

    YearWarning(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /** Next year as of the engine's clock. */
    public NextYear now() {
        return at(ClockUtil.getCurrentTime().toInstant());
    }

    /** Next year as of {@code now}, in the agency's zone. */
    public NextYear at(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, calendar.zone());
        int year = today.getYear() + 1;
        return new NextYear(year, calendar.isProvisional(year), WARN_FROM.atYear(today.getYear()), today);
    }

    /**
     * Next year, seen from {@code today}.
     *
     * @param year        the year after today's
     * @param provisional whether it is counted on its provisional statutory calendar
     * @param warnFrom    the day the warning starts this year ({@link #WARN_FROM})
     * @param today       the agency's date of the answer
     */
    public record NextYear(int year, boolean provisional, LocalDate warnFrom, LocalDate today) {

        /** Whether administrators are warned: next year is provisional and the warning has started. */
        public boolean warning() {
            return provisional && !today.isBefore(warnFrom);
        }

        /** Days from today to 1 January of next year (1 on 31 December). */
        public long daysLeft() {
            return ChronoUnit.DAYS.between(today, LocalDate.of(year, 1, 1));
        }

        /** Today's ISO week, e.g. {@code 2026-W41}: the weekly e-mail goes once in each. */
        public String isoWeek() {
            return String.format("%d-W%02d", today.get(IsoFields.WEEK_BASED_YEAR), today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
    }
}
