package vn.motcua.notify;

/** The subject and plain-text body of a notification, usually rendered by {@link Notifier#render}. */
public record Message(String subject, String body) {

    public Message {
        Recipient.requireText(subject, "subject");
        if (subject.contains("\n") || subject.contains("\r")) {
            throw new IllegalArgumentException("A subject is one line: " + subject);
        }
        if (body == null) {
            throw new IllegalArgumentException("A notification needs a body (it may be empty)");
        }
    }
}
