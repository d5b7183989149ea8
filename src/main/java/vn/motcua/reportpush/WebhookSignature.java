package vn.motcua.reportpush;

import vn.motcua.digest.Digests;

/**
 * The signature a receiver checks: HMAC-SHA256 with the endpoint's shared secret over the timestamp
 * (epoch seconds, as sent in {@value #TIMESTAMP}), a dot, and the body's bytes, in hex after
 * {@code sha256=}. Signing the timestamp lets the receiver refuse replays of old deliveries.
 */
public final class WebhookSignature {

    public static final String SIGNATURE = "X-Motcua-Signature";
    public static final String TIMESTAMP = "X-Motcua-Timestamp";
    public static final String DELIVERY = "X-Motcua-Delivery";
    public static final String ATTEMPT = "X-Motcua-Attempt";
    public static final String PERIOD = "X-Motcua-Period";
    /** The feed event's id (also in the body as {@code eventId}): the receiver's idempotency key. */
    public static final String EVENT = "X-Motcua-Event";
    public static final String DOSSIER = "X-Motcua-Dossier";
    /** The feed event's number within its dossier's feed. */
    public static final String SEQUENCE = "X-Motcua-Sequence";
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestamp, byte[] body) {
        return PREFIX + Digests.hex(Digests.timestampedHmac(secret, Long.toString(timestamp), body));
    }

    /** What a receiver does: recompute and compare in constant time. */
    public static boolean verify(String secret, long timestamp, byte[] body, String signature) {
        return Digests.sameSignature(sign(secret, timestamp, body), signature);
    }
}
