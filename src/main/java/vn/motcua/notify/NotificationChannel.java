package vn.motcua.notify;

/**
 * A way to reach people: e-mail today, SMS or chat tomorrow. A channel is a Spring bean; its
 * {@link #name()} is what {@link Recipient#channel()} refers to. Adding a channel means writing one
 * bean that implements this interface.
 */
public interface NotificationChannel {

    /** The name recipients use, e.g. {@value Recipient#EMAIL}; unique among the channels. */
    String name();

    /**
     * Delivers now, or throws. A channel must not swallow failures: the caller's transaction (an
     * engine job) rolls back and is retried, and the notification record goes with it. An address
     * that can never work is reported as {@link RecipientRejectedException}, which is not retried.
     */
    void deliver(Notification notification);
}
