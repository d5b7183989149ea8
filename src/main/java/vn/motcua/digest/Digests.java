package vn.motcua.digest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** SHA-256 and HMAC-SHA256, which every Java runtime has: no caller handles a missing algorithm. */
public final class Digests {

    private static final String HMAC = "HmacSHA256";

    private Digests() {
    }

    /** A fresh SHA-256 digest, for content read in pieces. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** SHA-256 of the text's UTF-8 bytes. */
    public static byte[] sha256(String text) {
        return sha256().digest(text.getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 of the text's UTF-8 bytes, lower-case hex. */
    public static String sha256Hex(String text) {
        return hex(sha256(text));
    }

    /** Lower-case hex, two digits a byte. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * The signature scheme of motcua's webhooks and of the banks' payment notices: HMAC-SHA256 with the
     * shared secret (UTF-8) over the timestamp (ASCII), a dot, and the body's bytes. Signing the
     * timestamp lets a receiver refuse replays of old messages.
     */
    public static byte[] timestampedHmac(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HMAC-SHA256", e);
        }
    }

    /** Whether two signatures are the same, in time that does not depend on where they differ. */
    public static boolean sameSignature(String expected, String given) {
        return expected != null && given != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }
}
