package vn.motcua.notify;

/** What became of a notification. */
public enum NotificationStatus {
    /** Recorded by the transition that caused it; an engine job of {@code notification_delivery} sends it. */
    PENDING,
    /** Being delivered; never seen outside the sending transaction. */
    SENDING,
    /** Accepted by the channel (for e-mail: by the SMTP server). */
    SENT,
    /** The channel refused or could not be reached; a retry of the same event may still send it. */
    FAILED,
    /** The channel refused this address for good (malformed, unknown mailbox); not retried. */
    REJECTED,
    /** No channel of that name is configured (e.g. no SMTP server): recorded, not delivered. */
    NO_CHANNEL
}
