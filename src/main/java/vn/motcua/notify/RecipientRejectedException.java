package vn.motcua.notify;

/**
 * A channel's answer that this recipient can never be reached at this address (malformed, or refused
 * for good by the server). Retrying would not help, and failing the engine job would hold up the
 * dossier's deadlines: the notification is recorded {@link NotificationStatus#REJECTED} instead.
 */
public class RecipientRejectedException extends RuntimeException {

    public RecipientRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
