package vn.motcua.dossier;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

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
 * @param provisionalYears   the calendar years the due date was counted on provisionally (nobody had loaded
 *                           their announced schedule), ascending; empty when none
 */
public record DossierClock(
        String legalDeadline,
        Instant countingStartedAt,
        Instant originalDueAt,
        Instant clockPausedAt,
        Duration pausedWorkingTime,
        Instant overdueAt,
        LocalDate newAppointmentDate,
        String apologyReason,
        SortedSet<Integer> provisionalYears) {

    public DossierClock {
        provisionalYears = provisionalYears == null ? new TreeSet<>() : new TreeSet<>(provisionalYears);
    }

    /** Whether the due date rests on a provisional calendar year. */
    public boolean provisional() {
        return !provisionalYears.isEmpty();
    }

    static SortedSet<Integer> years(String column) {
        SortedSet<Integer> years = new TreeSet<>();
        if (column != null && !column.isBlank()) {
            for (String year : column.split(",")) {
                years.add(Integer.parseInt(year.strip()));
            }
        }
        return years;
    }

    static String column(SortedSet<Integer> years) {
        return years.isEmpty() ? null : years.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    public boolean paused() {
        return clockPausedAt != null;
    }
}
