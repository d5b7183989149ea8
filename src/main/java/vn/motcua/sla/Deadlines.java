package vn.motcua.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import vn.motcua.calendar.WorkingCalendar;

import vn.motcua.catalogue.Allowance;
import vn.motcua.catalogue.Phase;
import vn.motcua.modelling.ProcessBean;

/**
 * The due and warning dates that the models' timers, task due dates and follow-up dates read
 * ({@code ${deadlines.phaseDue(execution, 'processing')}}), all counted on the working-time calendar
 * from the dossier whose code is the process business key.
 */
@ProcessBean
@Component("deadlines")
public class Deadlines {

    private final DeadlineClock clock;
    private final WorkingCalendar calendar;

    Deadlines(DeadlineClock clock, WorkingCalendar calendar) {
        this.clock = clock;
        this.calendar = calendar;
    }

    /** The dossier's due date: the receipt's appointment, as the supplement clock policy moved it. */
    public Date dossierDue(DelegateExecution execution) {
        return Date.from(clock.started(code(execution)).dueAt());
    }

    /** When the dossier's holders and head of unit are warned that it is about to run out. */
    public Date dossierWarning(DelegateExecution execution) {
        return Date.from(clock.dossierWarning(code(execution)));
    }

    /** The due date of a task of the phase ({@code reception}, {@code processing}, {@code approval}, {@code resultReturn}). */
    public Date phaseDue(DelegateExecution execution, String phase) {
        return Date.from(clock.phaseDue(code(execution), Phase.of(phase)));
    }

    /** When the holder of a task of the phase is warned (also its follow-up date in Tasklist). */
    public Date phaseWarning(DelegateExecution execution, String phase) {
        return Date.from(clock.phaseWarning(code(execution), Phase.of(phase)));
    }

    /** Whether the latest apology letter promised a new appointment that has not passed yet. */
    public boolean newAppointmentPending(DelegateExecution execution) {
        Instant end = clock.newAppointmentEnd(code(execution));
        return end != null && end.isAfter(ClockUtil.getCurrentTime().toInstant());
    }

    /** The close of office hours on the latest apology letter's new appointment date. */
    public Date newAppointmentEnd(DelegateExecution execution) {
        Instant end = clock.newAppointmentEnd(code(execution));
        if (end == null) {
            throw new IllegalStateException("Dossier " + code(execution) + " has no new appointment");
        }
        return Date.from(end);
    }

    /**
     * Until when the applicant may supplement: {@code supplementTimeout} (a calendar period, as the
     * supplement request states it) from now, running to the end of a working day, so that it never
     * ends on a day off.
     */
    public Date supplementDue(DelegateExecution execution) {
        Object timeout = execution.getVariable("supplementTimeout");
        if (!(timeout instanceof String period)) {
            throw new IllegalStateException("Dossier " + code(execution) + " has no supplementTimeout");
        }
        return Date.from(supplementDue(ClockUtil.getCurrentTime().toInstant(), Duration.parse(period)));
    }

    /** The end of the working day on which the applicant's time to supplement, asked at {@code requestedAt}, runs out. */
    public Instant supplementDue(Instant requestedAt, Duration timeout) {
        return calendar.endOfWorkingDay(requestedAt.plus(timeout));
    }

    /**
     * A time limit a step has by law of its own, counted on working time from now (e.g. the 8 working
     * days consulted agencies have to answer on a house's construction permit:
     * {@code ${deadlines.fromNow(execution, '8d')}}); written as {@code procedure.deadline} is: 8d,
     * 0.5d, 4h or same-day (the close of today's working day).
     */
    public Date fromNow(DelegateExecution execution, String allowance) {
        Allowance limit;
        try {
            limit = Allowance.parse(allowance);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Process " + execution.getProcessDefinitionId() + ", activity "
                    + execution.getCurrentActivityId() + ": ${deadlines.fromNow}: " + e.getMessage(), e);
        }
        return Date.from(clock.after(ClockUtil.getCurrentTime().toInstant(), limit));
    }

    static String code(DelegateExecution execution) {
        String code = execution.getProcessBusinessKey();
        if (code == null) {
            throw new IllegalStateException("Process " + execution.getProcessDefinitionId()
                    + " runs without a dossier code as business key: it has no deadline");
        }
        return code;
    }
}
