package vn.motcua.sla;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

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
     * The due date of the legal deadline counted from {@code start}: whole working days land on the same
     * local time of the N-th next working day, hours and fractions of days are walked through office
     * hours, and same-day means the end of that working day.
     */
    Instant due(Instant start, Allowance legal) {
        return switch (legal.unit()) {
            case SAME_DAY -> calendar.endOfWorkingDay(start);
            case WORKING_DAYS -> legal.wholeDays() ? calendar.plusWorkingDays(start, legal.amount().longValueExact())
                    : calendar.plusWorkingTime(start, calendar.workingDays(legal.amount()));
            case WORKING_HOURS -> calendar.plusWorkingTime(start, hours(legal.amount()));
        };
    }

    /**
     * The due date of a phase: the phases run one after the other from the counting start, each for its
     * share, shifted by the working time the clock was paused, and never later than the dossier's due date.
     * A late phase therefore does not push the later ones: the legal deadline stays the target.
     */
    Instant phaseDue(Instant start, Duration paused, TimeLimits limits, Instant dossierDue, Phase phase) {
        Duration upToPhase = Duration.ZERO;
        for (Phase each : Phase.values()) {
            upToPhase = upToPhase.plus(limits.shares().get(each));
            if (each == phase) {
                break;
            }
        }
        Instant due = calendar.plusWorkingTime(start, upToPhase.plus(paused));
        return due.isAfter(dossierDue) ? dossierDue : due;
    }

    /** When to warn the holders of the whole dossier. */
    Instant dossierWarning(Instant start, Instant dossierDue, TimeLimits limits) {
        Duration allowance = limits.legal().unit() == Allowance.Unit.SAME_DAY
                ? calendar.workingTimeBetween(start, dossierDue) : working(limits.legal());
        return warning(start, dossierDue, allowance);
    }

    /** When to warn the holders of a phase's task. */
    Instant phaseWarning(Instant start, Instant phaseDue, TimeLimits limits, Phase phase) {
        return warning(start, phaseDue, limits.shares().get(phase));
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
