package vn.motcua.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalogue.Allowance;
import vn.motcua.catalogue.ClockPolicy;
import vn.motcua.catalogue.Phase;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.catalogue.TimeLimits;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierManagement;
import vn.motcua.dossier.EventType;

/**
 * A dossier's deadline clock: started from the receipt time (cut-off rule), paused while the
 * applicant supplements, resumed or restarted by the procedure's clock policy. Runs in the engine's
 * transaction, so the dossier record and the timers never disagree.
 */
@Service
class DeadlineClock {

    private final DossierManagement dossiers;
    private final ProcedureCatalogue catalogue;
    private final SlaProcess process;
    private final DeadlineSchedule schedule;

    private final SlaNotices notices;

    DeadlineClock(DossierManagement dossiers, ProcedureCatalogue catalogue, SlaProcess process,
            WorkingCalendar calendar, SlaProperties settings, SlaNotices notices) {
        this.notices = notices;
        this.dossiers = dossiers;
        this.catalogue = catalogue;
        this.process = process;
        this.schedule = new DeadlineSchedule(calendar, settings);
    }

    /**
     * The dossier with its due date set. The due date is a function of the receipt time and the procedure
     * version, so whichever timer or task asks first fixes it, in the transaction that starts the lifecycle.
     */
    Dossier started(String code) {
        Dossier dossier = dossiers.get(code);
        if (dossier.dueAt() != null) {
            return dossier;
        }
        TimeLimits limits = limits(dossier);
        Instant start = schedule.countingStart(dossier.receivedAt(), limits);
        Instant due = schedule.due(start, limits.legal());
        dossiers.deadlineSet(code, start, due, schedule.provisionalYears(start, due));
        return dossiers.get(code);
    }

    /**
     * Reception accepted the dossier. An online one was uploaded before anyone checked it: its legal time
     * starts now (cut-off rule applied) and the receipt's appointment is counted from here, the timers
     * follow. A dossier handed in at the counter or by post was received by an officer: its clock ran from
     * the receipt and stays.
     */
    void accepted(String code, String processInstanceId) {
        Dossier dossier = started(code);
        if (dossier.channel() != Channel.ONLINE || dossier.clock().paused()) {
            return;
        }
        TimeLimits limits = limits(dossier);
        Instant start = schedule.countingStart(ClockUtil.getCurrentTime().toInstant(), limits);
        if (!start.isAfter(dossier.clock().countingStartedAt())) {
            return;
        }
        Instant due = schedule.due(start, limits.legal());
        dossiers.deadlineSetAtAcceptance(code, start, due, schedule.provisionalYears(start, due));
        process.recalculateClockTimers(processInstanceId);
    }

    /**
     * The schedule of {@code loadedYear} was loaded: the due date, counted on that year's provisional
     * calendar so far, is counted again (the legal time from the counting start, plus the working time the
     * clock was paused). An appointment never moves earlier than the one the applicant was given; when it
     * moves later, the timers follow and the applicant is told.
     */
    void countAgain(String code, int loadedYear) {
        Dossier dossier = dossiers.get(code);
        if (dossier.dueAt() == null || !dossier.clock().provisionalYears().contains(loadedYear)) {
            return;
        }
        TimeLimits limits = limits(dossier);
        Instant start = dossier.clock().countingStartedAt();
        Instant counted = schedule.extend(schedule.due(start, limits.legal()), dossier.clock().pausedWorkingTime());
        Instant given = dossier.dueAt();
        Instant due = counted.isAfter(given) ? counted : given;
        dossiers.deadlineRecomputed(code, loadedYear, due, schedule.provisionalYears(start, due));
        if (due.isAfter(given)) {
            process.recalculateClockTimers(dossier.processInstanceId());
            notices.sendAppointmentMoved(dossiers.get(code), loadedYear, given);
        }
    }

    Instant dossierWarning(String code) {
        Dossier dossier = started(code);
        return schedule.dossierWarning(dossier.clock().countingStartedAt(), dossier.dueAt(), limits(dossier));
    }

    /** The end of a time limit counted on working time from {@code start}, as a legal deadline is. */
    Instant after(Instant start, Allowance limit) {
        return schedule.due(start, limit);
    }

    Instant phaseDue(String code, Phase phase) {
        Dossier dossier = started(code);
        return schedule.phaseDue(dossier.clock().countingStartedAt(), dossier.clock().pausedWorkingTime(),
                limits(dossier), dossier.dueAt(), phase);
    }

    Instant phaseWarning(String code, Phase phase) {
        Dossier dossier = started(code);
        TimeLimits limits = limits(dossier);
        Instant due = schedule.phaseDue(dossier.clock().countingStartedAt(), dossier.clock().pausedWorkingTime(),
                limits, dossier.dueAt(), phase);
        return schedule.phaseWarning(dossier.clock().countingStartedAt(), due, limits, phase);
    }

    /** The close of office hours on the new appointment of the latest apology letter; null without one. */
    Instant newAppointmentEnd(String code) {
        LocalDate date = dossiers.get(code).clock().newAppointmentDate();
        return date == null ? null : schedule.endOfWorkingDay(date);
    }

    /** The applicant was asked for a supplement: the clock stops and none of its timers fires. */
    void pause(String code, String processInstanceId) {
        Dossier dossier = started(code);
        if (dossier.clock().paused()) {
            return;
        }
        dossiers.clockPaused(code);
        process.suspendClockTimers(processInstanceId);
    }

    /**
     * The supplement arrived. PAUSE: the due date moves by the working time waited. RESTART: the full legal
     * time runs again from the supplement's arrival, cut-off rule included. The timers follow.
     */
    void resume(String code, String processInstanceId) {
        Dossier dossier = started(code);
        if (!dossier.clock().paused()) {
            return;
        }
        TimeLimits limits = limits(dossier);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        if (limits.clockPolicy() == ClockPolicy.PAUSE) {
            Duration waited = schedule.workingTimeBetween(dossier.clock().clockPausedAt(), now);
            Instant due = schedule.extend(dossier.dueAt(), waited);
            dossiers.clockResumed(code, EventType.CLOCK_RESUMED, dossier.clock().countingStartedAt(),
                    dossier.clock().pausedWorkingTime().plus(waited), due,
                    schedule.provisionalYears(dossier.clock().countingStartedAt(), due),
                    "Thời gian chờ bổ sung / Working time waited: " + minutes(waited));
        } else {
            Instant start = schedule.countingStart(now, limits);
            Instant due = schedule.due(start, limits.legal());
            dossiers.clockResumed(code, EventType.CLOCK_RESTARTED, start, Duration.ZERO, due,
                    schedule.provisionalYears(start, due), "Tính lại từ / Counting again from " + start);
        }
        process.rescheduleClockTimers(processInstanceId);
    }

    private TimeLimits limits(Dossier dossier) {
        return catalogue.find(dossier.procedureKey(), dossier.procedureVersion())
                .orElseThrow(() -> new IllegalStateException("Procedure " + dossier.procedureKey() + " version "
                        + dossier.procedureVersion() + " of dossier " + dossier.code() + " is no longer deployed"))
                .timeLimits();
    }

    private static String minutes(Duration d) {
        return d.toHours() + " h " + d.toMinutesPart() + " min";
    }
}
