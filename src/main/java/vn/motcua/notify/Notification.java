package vn.motcua.notify;

import java.util.ArrayList;
import java.util.List;

/**
 * One event told to one recipient. The event key names the event, not the message, so that a retried
 * job, a second cluster node or a duplicate call is recognised: {@code dossier:<code>:overall-warning},
 * {@code task:<taskId>:warning}, {@code dossier:<code>:apology:<n>}. Event key, channel and address
 * together are sent at most once.
 *
 * @param eventKey    what happened, unique per event (at most 200 characters)
 * @param dossierCode the dossier it concerns, or null; lists a dossier's notifications
 * @param recipient   who receives it, through which channel
 * @param message     subject (one line) and plain-text body (UTF-8)
 * @param attachments files sent along; empty when none
 */
public record Notification(String eventKey, String dossierCode, Recipient recipient, Message message,
        List<Attachment> attachments) {

    public Notification {
        Recipient.requireText(eventKey, "event key");
        if (eventKey.length() > 200) {
            throw new IllegalArgumentException("Event key longer than 200 characters: " + eventKey);
        }
        if (recipient == null || message == null) {
            throw new IllegalArgumentException("Notification " + eventKey + " needs a recipient and a message");
        }
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public Notification(String eventKey, String dossierCode, Recipient recipient, Message message) {
        this(eventKey, dossierCode, recipient, message, List.of());
    }

    /** This notification with one more attachment. */
    public Notification withAttachment(Attachment attachment) {
        List<Attachment> all = new ArrayList<>(attachments);
        all.add(attachment);
        return new Notification(eventKey, dossierCode, recipient, message, all);
    }

    public String subject() {
        return message.subject();
    }

    public String body() {
        return message.body();
    }
}
