package vn.motcua.dossier;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

import vn.motcua.digest.Digests;

/**
 * The secret an applicant keeps to follow a dossier: 100 random bits written as four groups of
 * five Crockford base-32 characters ({@code 7KQ2M-XW9TD-...}), which avoids letters that read like
 * digits. Only a SHA-256 of it is stored: the secret is random, so no slow hash is needed.
 */
final class LookupSecrets {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int LENGTH = 20;
    private static final int GROUP = 5;
    private static final SecureRandom RANDOM = new SecureRandom();
    // Compared against when the dossier does not exist, so both failures take the same time.
    private static final byte[] NO_HASH = new byte[32];

    private LookupSecrets() {
    }

    static String generate() {
        StringBuilder secret = new StringBuilder(LENGTH + LENGTH / GROUP);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % GROUP == 0) {
                secret.append('-');
            }
            secret.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return secret.toString();
    }

    static String hash(String secret) {
        return Digests.sha256Hex(normalized(secret));
    }

    /** Constant-time comparison of a typed secret with a stored hash ({@code null}: none stored). */
    static boolean matches(String typed, String storedHash) {
        byte[] expected = storedHash == null ? NO_HASH : HexFormat.of().parseHex(storedHash);
        boolean equal = MessageDigest.isEqual(Digests.sha256(normalized(typed == null ? "" : typed)), expected);
        return equal && storedHash != null;
    }

    // What people type: any case, spaces or dashes between groups, I/L for 1 and O for 0.
    static String normalized(String secret) {
        return secret.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "")
                .replace('I', '1').replace('L', '1').replace('O', '0');
    }
}
