package vn.motcua.notify;

/** A channel could not deliver: the caller's transaction should roll back so the event is retried. */
public class NotificationFailedException extends RuntimeException {

    NotificationFailedException(Notification notification, RuntimeException cause) {
        super("Notification " + notification.eventKey() + " to " + notification.recipient().address()
                + " via " + notification.recipient().channel() + " failed: " + cause.getMessage(), cause);
    }
}
