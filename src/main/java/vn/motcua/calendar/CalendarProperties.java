package vn.motcua.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the working-time calendar ({@code motcua.calendar.*}), checked when the application
 * starts: a bad value stops the start with a message naming the setting.
 *
 * <p>
 * One working day is one office day, whatever its length: a deadline of N working days is N times the
 * office time of {@code officeHours} (there is no separate "working-day length" that could disagree with
 * them, docs/calendar.md).
 *
 * @param officeHours     the opening periods of every working day, e.g. 07:30-11:30 and 13:00-17:00
 * @param cutOff          the default hour after which a submission counts from the next working day
 * @param refreshInterval how long a node trusts the year it has read before reading it again, so
 *                        that a correction loaded on another node reaches this one
 */
@ConfigurationProperties("motcua.calendar")
public record CalendarProperties(List<OfficePeriod> officeHours, LocalTime cutOff, Duration refreshInterval) {

    public CalendarProperties {
        if (officeHours == null || officeHours.isEmpty()) {
            officeHours = List.of(new OfficePeriod(LocalTime.of(7, 30), LocalTime.of(11, 30)),
                    new OfficePeriod(LocalTime.of(13, 0), LocalTime.of(17, 0)));
        }
        officeHours = checked(officeHours);
        if (cutOff == null) {
            cutOff = LocalTime.of(15, 0);
        }
        if (refreshInterval == null) {
            refreshInterval = Duration.ofMinutes(5);
        }
        if (refreshInterval.isNegative()) {
            throw new IllegalArgumentException("motcua.calendar.refresh-interval must not be negative, was " + refreshInterval);
        }
    }

    /** The default settings: 07:30-11:30 and 13:00-17:00 (a public-sector day of 8 hours), cut-off 15:00. */
    public static CalendarProperties defaults() {
        return new CalendarProperties(null, null, null);
    }

    /** Office time on one working day: what one working day is worth. */
    public Duration officeTimePerDay() {
        return officeHours.stream().map(OfficePeriod::length).reduce(Duration.ZERO, Duration::plus);
    }

    private static List<OfficePeriod> checked(List<OfficePeriod> periods) {
        List<OfficePeriod> sorted = new ArrayList<>(periods);
        for (int i = 0; i < sorted.size(); i++) {
            OfficePeriod period = sorted.get(i);
            if (period == null || period.start() == null || period.end() == null) {
                throw new IllegalArgumentException("motcua.calendar.office-hours[" + i + "] needs a start and an end");
            }
            if (!period.start().isBefore(period.end())) {
                throw new IllegalArgumentException("motcua.calendar.office-hours[" + i + "]: start " + period.start()
                        + " must be before end " + period.end());
            }
        }
        sorted.sort(Comparator.comparing(OfficePeriod::start));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).start().isBefore(sorted.get(i - 1).end())) {
                throw new IllegalArgumentException("motcua.calendar.office-hours: " + sorted.get(i - 1) + " and "
                        + sorted.get(i) + " overlap");
            }
        }
        return List.copyOf(sorted);
    }

    /** One opening period of a working day, {@code start} inclusive, {@code end} exclusive. */
    public record OfficePeriod(LocalTime start, LocalTime end) {

        Duration length() {
            return Duration.between(start, end);
        }

        @Override
        public String toString() {
            return start + "-" + end;
        }
    }
}
