package vn.motcua.calendar;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import vn.motcua.calendar.CalendarProperties.OfficePeriod;

/**
 * Working-time arithmetic on the agency's calendar, as the Spring bean {@code workingCalendar}
 * (BPMN: {@code ${workingCalendar.plusWorkingDays(receivedAt, 3)}}).
 * <p>
 * Instants are UTC; office hours, days off and cut-off hours are read in the agency's zone
 * ({@code motcua.zone}). A year nobody loaded and nobody shipped is counted on its provisional statutory
 * calendar ({@link StatutoryYears}), and {@link #provisionalYears(Instant, Instant)} tells which years an
 * answer rests on that way; only a year beyond the lunar calendar's checked range throws
 * {@link UnknownCalendarYearException}. Rules and worked examples: {@code docs/calendar.md}.
 */
public class WorkingCalendar {

    private final List<OfficePeriod> officeHours;
    private final LocalTime defaultCutOff;
    private final Duration workingDayLength;
    private final ZoneId zone;
    private final YearSource years;
    private final YearSource statutory;

    WorkingCalendar(CalendarProperties settings, ZoneId zone, YearSource years) {
        this.officeHours = settings.officeHours();
        this.defaultCutOff = settings.cutOff();
        this.workingDayLength = settings.workingDayLength();
        this.zone = zone;
        this.years = years;
        this.statutory = new StatutoryYears();
    }

    /**
     * A calendar on the years shipped with the application (2024-2026) and the statutory calendar of every
     * other year, without the database: for
     * tests of other capabilities and tools that must count exactly as the application does.
     */
    public static WorkingCalendar ofShippedYears(CalendarProperties settings, ZoneId zone) {
        return new WorkingCalendar(settings, zone, ShippedYears.read(ShippedYears.LOCATION));
    }

    /**
     * When the legal clock starts for something received at {@code receivedAt}: then, on a working day
     * before {@code cutOff} (moved forward to the next opening when it falls outside office hours);
     * otherwise at the opening of the next working day.
     */
    public Instant countingStart(Instant receivedAt, LocalTime cutOff) {
        LocalDateTime received = local(receivedAt);
        if (isWorkingDay(received.toLocalDate()) && received.toLocalTime().isBefore(cutOff)) {
            return instant(normalised(received));
        }
        return instant(opening(nextWorkingDay(received.toLocalDate())));
    }

    /** {@link #countingStart(Instant, LocalTime)} with the configured default cut-off. */
    public Instant countingStart(Instant receivedAt) {
        return countingStart(receivedAt, defaultCutOff);
    }

    /**
     * The same local time on the {@code days}-th next working day, after moving a {@code start} outside
     * office hours to the next opening; {@code days = 0} gives that moved start.
     */
    public Instant plusWorkingDays(Instant start, long days) {
        requireNotNegative(days, "days");
        LocalDateTime from = normalised(local(start));
        LocalDate date = from.toLocalDate();
        for (long i = 0; i < days; i++) {
            date = nextWorkingDay(date);
        }
        return instant(date.atTime(from.toLocalTime()));
    }

    /** {@code hours} of office time after {@code start}; see {@link #plusWorkingTime(Instant, Duration)}. */
    public Instant plusWorkingHours(Instant start, long hours) {
        requireNotNegative(hours, "hours");
        return plusWorkingTime(start, Duration.ofHours(hours));
    }

    /**
     * Walks office hours from {@code start} until {@code workingTime} is used up. A result that lands
     * exactly on a closing time stays there (16:00 + 1 h = 17:00 the same day).
     */
    public Instant plusWorkingTime(Instant start, Duration workingTime) {
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("working time must not be negative, was " + workingTime);
        }
        LocalDateTime at = normalised(local(start));
        Duration remaining = workingTime;
        while (true) {
            OfficePeriod period = periodAt(at.toLocalTime());
            Duration available = Duration.between(at.toLocalTime(), period.end());
            if (remaining.compareTo(available) <= 0) {
                return instant(at.plus(remaining));
            }
            remaining = remaining.minus(available);
            at = openingAfter(at.toLocalDate(), period);
        }
    }

    /** The closing time of the working day {@code t} belongs to, once moved forward into office hours. */
    public Instant endOfWorkingDay(Instant t) {
        return instant(normalised(local(t)).toLocalDate().atTime(officeHours.get(officeHours.size() - 1).end()));
    }

    /** Office time elapsed from {@code from} to {@code to}; zero when {@code to} is not after {@code from}. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        LocalDateTime start = local(from);
        LocalDateTime end = local(to);
        Duration total = Duration.ZERO;
        for (LocalDate date = start.toLocalDate(); !date.isAfter(end.toLocalDate()); date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            for (OfficePeriod period : officeHours) {
                LocalDateTime open = later(date.atTime(period.start()), start);
                LocalDateTime close = earlier(date.atTime(period.end()), end);
                if (open.isBefore(close)) {
                    total = total.plus(Duration.between(open, close));
                }
            }
        }
        return total;
    }

    /** The working time {@code days} working days are worth (0.5 day = half of {@link #workingDayLength()}). */
    public Duration workingDays(BigDecimal days) {
        if (days.signum() < 0) {
            throw new IllegalArgumentException("days must not be negative, was " + days);
        }
        return Duration.ofMillis(days.multiply(BigDecimal.valueOf(workingDayLength.toMillis()))
                .setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    /** Whether offices work on {@code date} (Monday to Friday minus days off, plus make-up days). */
    public boolean isWorkingDay(LocalDate date) {
        int year = date.getYear();
        return years.find(year)
                .or(() -> statutory.find(year))
                .orElseThrow(() -> new UnknownCalendarYearException(year))
                .isWorkingDay(date);
    }

    /**
     * Whether {@code year} is counted on its provisional statutory calendar because nobody loaded the
     * government's announced schedule for it (nor shipped it).
     */
    public boolean isProvisional(int year) {
        return years.find(year).isEmpty();
    }

    /**
     * The provisional years among those of the agency's local dates from {@code from} to {@code to}: what a
     * figure counted over that span rests on, in ascending order.
     */
    public SortedSet<Integer> provisionalYears(Instant from, Instant to) {
        int first = local(from).getYear();
        int last = local(to).getYear();
        SortedSet<Integer> provisional = new TreeSet<>();
        for (int year = Math.min(first, last); year <= Math.max(first, last); year++) {
            if (isProvisional(year)) {
                provisional.add(year);
            }
        }
        return provisional;
    }

    /** The first working day strictly after {@code date}. */
    public LocalDate nextWorkingDay(LocalDate date) {
        LocalDate next = date.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    public Duration workingDayLength() {
        return workingDayLength;
    }

    public LocalTime defaultCutOff() {
        return defaultCutOff;
    }

    /** The agency's zone, in which office hours and dates are read. */
    public ZoneId zone() {
        return zone;
    }

    /** {@code t} itself inside office hours of a working day, else the next opening. */
    private LocalDateTime normalised(LocalDateTime t) {
        if (isWorkingDay(t.toLocalDate())) {
            for (OfficePeriod period : officeHours) {
                if (t.toLocalTime().isBefore(period.start())) {
                    return t.toLocalDate().atTime(period.start());
                }
                if (t.toLocalTime().isBefore(period.end())) {
                    return t;
                }
            }
        }
        return opening(nextWorkingDay(t.toLocalDate()));
    }

    private OfficePeriod periodAt(LocalTime time) {
        return officeHours.stream()
                .filter(period -> !time.isBefore(period.start()) && time.isBefore(period.end()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(time + " is outside office hours " + officeHours));
    }

    private LocalDateTime openingAfter(LocalDate date, OfficePeriod period) {
        int index = officeHours.indexOf(period);
        return index + 1 < officeHours.size()
                ? date.atTime(officeHours.get(index + 1).start())
                : opening(nextWorkingDay(date));
    }

    private LocalDateTime opening(LocalDate date) {
        return date.atTime(officeHours.get(0).start());
    }

    private LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, zone);
    }

    private Instant instant(LocalDateTime local) {
        return local.atZone(zone).toInstant();
    }

    private static LocalDateTime later(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime earlier(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    private static void requireNotNegative(long amount, String name) {
        if (amount < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + amount);
        }
    }
}
