package vn.motcua.reportpush;

import java.util.Locale;

/** The kinds of event in the dossier feed, as schema {@value DossierEventPayload#SCHEMA} names them. */
enum FeedEventType {
    RECEIVED,
    ACCEPTED,
    HANDED_OVER,
    SUPPLEMENT_REQUESTED,
    SUPPLEMENT_RECEIVED,
    DECIDED,
    RESULT_RETURNED,
    RATED,
    REFUSED,
    CLOSED;

    /** The name in the payload: {@code received}, {@code handed_over}, ... */
    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
