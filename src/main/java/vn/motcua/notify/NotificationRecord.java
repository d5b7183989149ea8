package vn.motcua.notify;

import java.time.Instant;
import java.util.List;

/** A stored notification, as the control sheet, the tracking page and reports list them. */
public record NotificationRecord(
        String eventKey,
        String dossierCode,
        String channel,
        String recipientAddress,
        String recipientName,
        String subject,
        String body,
        List<String> attachments,
        NotificationStatus status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant sentAt) {
}
