package vn.motcua.reportpush;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** What a receiver does: recompute and compare in constant time. */
    public static boolean verify(String secret, long timestamp, byte[] body, String signature) {
        return signature != null && MessageDigest.isEqual(sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
