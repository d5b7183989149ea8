package vn.motcua.dossier;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Where a dossier stands against its deadline (docs/sla.md). The due date itself is
 * {@link Dossier#dueAt()}: the legal one, as the supplement clock policy moved it.
 *
 * @param legalDeadline      the procedure's legal deadline when the dossier was submitted (3d, 4h, same-day)
 * @param countingStartedAt  when the legal time started to run (cut-off rule applied; restarts move it)
 * @param originalDueAt      the due date first promised on the receipt
 * @param clockPausedAt      set while the clock is paused for a supplement
 * @param pausedWorkingTime  working time spent paused so far
 * @param overdueAt          when the dossier was found past its due date
 * @param newAppointmentDate the new appointment of the latest apology letter
 * @param apologyReason      the reason given in that letter
 */
public record DossierClock(
        String legalDeadline,
        Instant countingStartedAt,
        Instant originalDueAt,
        Instant clockPausedAt,
        Duration pausedWorkingTime,
        Instant overdueAt,
        LocalDate newAppointmentDate,
        String apologyReason) {

    static final DossierClock NOT_STARTED = new DossierClock(null, null, null, null, Duration.ZERO, null, null, null);

    public boolean paused() {
        return clockPausedAt != null;
    }
}
