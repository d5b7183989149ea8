package vn.motcua.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The open dossiers of a unit past their due date, or warned that they are about to be, most late first. */
public record OverdueList(String unitCode, String unitName, Instant asOf, List<Entry> dossiers) {

    public enum Lateness {
        /** Past its due date. */
        OVERDUE,
        /** Its holders and the head were warned (docs/sla.md, dossier warning); not due yet. */
        AT_RISK
    }

    /**
     * @param overdueFor time since the due date (calendar time), null when at risk
     * @param heldSince  when the current holder got the dossier (the latest hand-over on the control sheet)
     * @param heldFor    calendar time since then
     */
    public record Entry(String code, String procedureKey, String procedureName, String applicantName, String status,
            Lateness lateness, Instant dueAt, Duration overdueFor, LocalDate newAppointmentDate, String currentStep,
            String currentHolder, Instant heldSince, Duration heldFor) {
    }
}
