package vn.motcua.sla;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.SortedSet;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalogue.Allowance;
import vn.motcua.catalogue.Phase;
import vn.motcua.catalogue.TimeLimits;

/**
 * The deadline arithmetic of docs/sla.md on the working-time calendar: pure functions of the
 * procedure's time limits and the dossier's clock, so every node and every re-evaluated timer gets
 * the same answer.
 */
final class DeadlineSchedule {

    private final WorkingCalendar calendar;
    private final SlaProperties settings;

    DeadlineSchedule(WorkingCalendar calendar, SlaProperties settings) {
        this.calendar = calendar;
        this.settings = settings;
    }

    /** When the legal time starts for something received at {@code receivedAt} (the cut-off rule). */
    Instant countingStart(Instant receivedAt, TimeLimits limits) {
        return limits.cutOff() == null ? calendar.countingStart(receivedAt)
                : calendar.countingStart(receivedAt, limits.cutOff());
    }

    /**
     * The due date of the legal deadline counted from {@code start}, one rule for every unit: N working
     * days are N office days of working time walked through office hours (09:00 Monday + 3 days = 09:00
     * Thursday; a clock started at Monday's opening + 1 day = Monday's close, 17:00, never Tuesday's
     * opening), hours are walked the same way, and same-day means the close of that working day.
     */
    Instant due(Instant start, Allowance legal) {
        return switch (legal.unit()) {
            case SAME_DAY -> calendar.endOfWorkingDay(start);
            case WORKING_DAYS -> calendar.plusWorkingTime(start, calendar.workingDays(legal.amount()));
            case WORKING_HOURS -> calendar.plusWorkingTime(start, hours(legal.amount()));
        };
    }

    /**
     * The due date of a phase: the phases run one after the other from the counting start, each for its
     * share, shifted by the working time the clock was paused. A late phase does not push the later ones:
     * the legal deadline stays the target. When the shares do not fit in the working time the dossier has
     * (a same-day dossier received at 14:00 has 3 hours, not the working day its shares are laid on), they
     * shrink in proportion, so the last step (result return) always keeps its part of what is left and no
     * phase is due after the dossier.
     */
    Instant phaseDue(Instant start, Duration paused, TimeLimits limits, Instant dossierDue, Phase phase) {
        Duration upToPhase = Duration.ZERO;
        Duration total = Duration.ZERO;
        for (Phase each : Phase.values()) {
            total = total.plus(share(limits, each));
            if (each.ordinal() <= phase.ordinal()) {
                upToPhase = upToPhase.plus(share(limits, each));
            }
        }
        Duration available = calendar.workingTimeBetween(start, dossierDue).minus(paused);
        if (!available.isNegative() && total.compareTo(available) > 0) {
            upToPhase = Duration.ofMillis(BigDecimal.valueOf(upToPhase.toMillis())
                    .multiply(BigDecimal.valueOf(available.toMillis()))
                    .divide(BigDecimal.valueOf(total.toMillis()), 0, RoundingMode.FLOOR).longValueExact());
        }
        Instant due = calendar.plusWorkingTime(start, upToPhase.plus(paused));
        return due.isAfter(dossierDue) ? dossierDue : due;
    }

    /**
     * A phase's share in office time. The catalogue states shares in working hours of 8 to the day
     * ({@code Allowance.HOURS_PER_DAY}); one working day is one office day whatever its length, so with
     * other office hours the shares are scaled to them and still add up to the legal deadline.
     */
    private Duration share(TimeLimits limits, Phase phase) {
        Duration standard = limits.shares().get(phase);
        Duration officeDay = calendar.workingDayLength();
        Duration standardDay = Duration.ofHours(Allowance.HOURS_PER_DAY.longValueExact());
        return officeDay.equals(standardDay) ? standard
                : Duration.ofMillis(standard.toMillis() * officeDay.toMillis() / standardDay.toMillis());
    }

    /** When to warn the holders of the whole dossier. */
    Instant dossierWarning(Instant start, Instant dossierDue, TimeLimits limits) {
        Duration allowance = limits.legal().unit() == Allowance.Unit.SAME_DAY
                ? calendar.workingTimeBetween(start, dossierDue) : working(limits.legal());
        return warning(start, dossierDue, allowance);
    }

    /** When to warn the holders of a phase's task. */
    Instant phaseWarning(Instant start, Instant phaseDue, TimeLimits limits, Phase phase) {
        return warning(start, phaseDue, share(limits, phase));
    }

    /**
     * {@code due} less the warning lead: {@code warningShare} of the allowance, at most
     * {@code warningLeadMax}, in working time; never before {@code start}.
     */
    Instant warning(Instant start, Instant due, Duration allowance) {
        long shareSeconds = new BigDecimal(allowance.toSeconds()).multiply(settings.warningShare())
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
        Duration lead = Duration.ofSeconds(Math.min(shareSeconds, settings.warningLeadMax().toSeconds()));
        Duration available = calendar.workingTimeBetween(start, due);
        if (available.compareTo(lead) <= 0) {
            return start;
        }
        return calendar.plusWorkingTime(start, available.minus(lead));
    }

    /** The closing time of a working day (a date the calendar checked as one). */
    Instant endOfWorkingDay(LocalDate date) {
        return calendar.endOfWorkingDay(date.atStartOfDay(calendar.zone()).toInstant());
    }

    /** The years between the two instants that are counted on their provisional statutory calendar. */
    SortedSet<Integer> provisionalYears(Instant from, Instant to) {
        return calendar.provisionalYears(from, to);
    }

    /** Working time spent between two instants (the length of a pause). */
    Duration workingTimeBetween(Instant from, Instant to) {
        return calendar.workingTimeBetween(from, to);
    }

    /** {@code due} moved by {@code waited} working time (the PAUSE policy). */
    Instant extend(Instant due, Duration waited) {
        return waited.isZero() ? due : calendar.plusWorkingTime(due, waited);
    }

    private Duration working(Allowance allowance) {
        return allowance.unit() == Allowance.Unit.WORKING_DAYS ? calendar.workingDays(allowance.amount())
                : hours(allowance.workingHours());
    }

    private static Duration hours(BigDecimal hours) {
        return Duration.ofSeconds(hours.multiply(BigDecimal.valueOf(3600)).setScale(0, RoundingMode.HALF_UP)
                .longValueExact());
    }
}
