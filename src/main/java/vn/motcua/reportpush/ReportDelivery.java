package vn.motcua.reportpush;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import vn.motcua.reports.PeriodKind;

/**
 * One report, or one event of the dossier feed, sent (or being sent) to one endpoint, with every attempt.
 * Retries of a delivery keep its id, so a receiver that stores the id sees a repeated delivery as what it
 * is. A report delivery has a period and no {@code event}; an event delivery has an {@code event} and no period.
 */
public record ReportDelivery(String id, String endpoint, PeriodKind periodType, LocalDate periodFrom,
        LocalDate periodTo, List<String> units, Trigger trigger, String requestedBy, Status status, int attempts,
        Integer lastStatusCode, String lastError, Instant createdAt, Instant lastAttemptAt, Instant deliveredAt,
        FeedEvent event, Instant dispatchedAt, List<Attempt> attemptLog) {

    public enum Trigger {
        /** Started by the engine's timer at the end of the period: once per endpoint and period. */
        SCHEDULED,
        /** Asked for again by an administrator or supervisor. */
        RESEND,
        /** An event of the dossier feed, sent once per endpoint, after the dossier's previous event was accepted. */
        EVENT
    }

    /**
     * The event an event delivery carries.
     *
     * @param id          the event id: the receiver's idempotency key, the same on every delivery of the event
     * @param dossierCode the dossier
     * @param sequence    the event's number within the dossier's feed: 1, 2, ...
     * @param type        e.g. {@code received}, {@code handed_over}
     */
    public record FeedEvent(String id, String dossierCode, int sequence, String type) {
    }

    public enum Status {
        PENDING, DELIVERED, FAILED
    }

    /**
     * @param statusCode the receiver's HTTP status; null when no answer came (connection refused, timeout)
     * @param error      what went wrong, null when the receiver accepted (2xx)
     */
    public record Attempt(int number, Instant startedAt, long durationMillis, Integer statusCode, String error) {
    }
}
