package vn.motcua.dossier;

import java.time.Instant;

/**
 * One row of the control sheet: a hand-over (from, to), a completed step (actor, outcome, note)
 * or a change of status, with the dossier's status after it; rows that move the deadline carry the
 * due date before and after. A hand-over between units (a travelling dossier, {@link EventType#HANDED_OVER})
 * names both units: their codes in {@code fromUnit} and {@code toUnit}, their names in {@code from} and {@code to}.
 */
public record DossierEvent(
        Instant occurredAt,
        EventType type,
        String stepId,
        String stepName,
        String from,
        String to,
        String actor,
        String outcome,
        String note,
        DossierStatus status,
        Instant previousDueAt,
        Instant dueAt,
        String fromUnit,
        String toUnit) {

    public DossierEvent(Instant occurredAt, EventType type, String stepId, String stepName, String from, String to,
            String actor, String outcome, String note, DossierStatus status, Instant previousDueAt, Instant dueAt) {
        this(occurredAt, type, stepId, stepName, from, to, actor, outcome, note, status, previousDueAt, dueAt, null, null);
    }

    public DossierEvent(Instant occurredAt, EventType type, String stepId, String stepName, String from, String to,
            String actor, String outcome, String note, DossierStatus status) {
        this(occurredAt, type, stepId, stepName, from, to, actor, outcome, note, status, null, null);
    }
}
