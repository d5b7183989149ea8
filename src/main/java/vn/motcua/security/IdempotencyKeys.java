package vn.motcua.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.core.io.InputStreamSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import org.springframework.context.MessageSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import vn.motcua.digest.Digests;
import vn.motcua.web.ProblemTexts;

/**
 * Makes a creating request idempotent under a client's {@code Idempotency-Key}: the first request
 * runs and remembers what it created in the same transaction; a retry with the same key and the
 * same request (body and caller) gets that back instead of creating a second one, even while the
 * first is still running (it waits for it); the same key with another request is refused (422).
 * Keys are forgotten after {@code motcua.security.idempotency-key-lifetime}.
 * <p>
 * Nothing a retry needs is stored in clear (issue 15 item 7): the table holds a SHA-256 of the key,
 * and what the first answer alone carried (the dossier's lookup secret) sealed with AES-GCM under a
 * key derived from the client's {@code Idempotency-Key}, which is not stored. Whoever reads the
 * table learns no secret; the client that sends the same key, caller and request again gets its
 * answer back, secret included, as the retry exists for.
 */
@Service
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{8,100}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a request created: a resource id and a value only its first answer carried, if any. */
    public record Created(String resource, String payload, boolean replayed) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final SecurityProperties settings;
    private final ObjectMapper canonical;
    private final ProblemTexts texts;

    IdempotencyKeys(JdbcClient jdbc, TransactionTemplate transactions, SecurityProperties settings, ObjectMapper json,
            MessageSource messages) {
        this.texts = new ProblemTexts(messages);
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
        this.canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    /**
     * Runs {@code create} once per key; {@code request} is what makes two requests the same
     * (serialized to canonical JSON with the caller's name). Without a key it simply runs.
     */
    public Created once(String key, String caller, Object request, Supplier<Created> create) {
        if (key == null) {
            return create.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw problem(HttpStatus.BAD_REQUEST, "security.title.idempotencyKey", "security.idempotencyKey.malformed");
        }
        String fingerprint = fingerprint(caller, request);
        String stored = storedKey(key);
        try {
            return transactions.execute(status -> {
                Instant now = ClockUtil.getCurrentTime().toInstant();
                jdbc.sql("delete from idempotency_key where expires_at < ?").param(Timestamp.from(now)).update();
                jdbc.sql("insert into idempotency_key (idem_key, fingerprint, created_at, expires_at) values (?, ?, ?, ?)")
                        .params(stored, fingerprint, Timestamp.from(now),
                                Timestamp.from(now.plus(settings.idempotencyKeyLifetime())))
                        .update();
                Created created = create.get();
                jdbc.sql("update idempotency_key set resource = ?, payload = ? where idem_key = ?")
                        .params(created.resource(), seal(key, created.payload()), stored)
                        .update();
                return created;
            });
        } catch (DuplicateKeyException seen) {
            return replay(key, stored, fingerprint);
        }
    }

    private Created replay(String key, String stored, String fingerprint) {
        record Row(String fingerprint, String resource, String payload) {
        }
        Row row = jdbc.sql("select fingerprint, resource, payload from idempotency_key where idem_key = ?")
                .param(stored)
                .query(Row.class)
                .optional()
                .orElseThrow(() -> problem(HttpStatus.CONFLICT, "security.title.idempotencyKeyInUse",
                        "security.idempotencyKey.gone"));
        if (row.fingerprint().equals(fingerprint) && row.resource() == null) {
            throw problem(HttpStatus.CONFLICT, "security.title.idempotencyKeyInUse", "security.idempotencyKey.running");
        }
        if (!row.fingerprint().equals(fingerprint)) {
            throw problem(HttpStatus.UNPROCESSABLE_ENTITY, "security.title.idempotencyKeyReused",
                    "security.idempotencyKey.reused");
        }
        return new Created(row.resource(), unseal(key, row.payload()), true);
    }

    /** What the table holds instead of the client's key. */
    static String storedKey(String key) {
        return Digests.sha256Hex("motcua-idempotency-key:" + key);
    }

    /** AES-GCM under a key only the client's Idempotency-Key gives: random nonce, then ciphertext and tag, in Base64. */
    static String seal(String key, String payload) {
        if (payload == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, payloadKey(key), new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(payload.getBytes(StandardCharsets.UTF_8));
            byte[] stored = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, stored, 0, nonce.length);
            System.arraycopy(sealed, 0, stored, nonce.length, sealed.length);
            return Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal the payload", e);
        }
    }

    static String unseal(String key, String sealed) {
        if (sealed == null) {
            return null;
        }
        try {
            byte[] stored = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, payloadKey(key), new GCMParameterSpec(128, stored, 0, 12));
            return new String(cipher.doFinal(stored, 12, stored.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot unseal the payload", e);
        }
    }

    private static SecretKeySpec payloadKey(String key) {
        return new SecretKeySpec(Digests.sha256("motcua-idempotency-payload:" + key), "AES");
    }

    /** SHA-256 of a file's content, hex: how a request's files enter its fingerprint. */
    public static String digest(InputStreamSource content) {
        try (InputStream in = content.getInputStream()) {
            MessageDigest digest = Digests.sha256();
            in.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), digest));
            return Digests.hex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String fingerprint(String caller, Object request) {
        try {
            byte[] body = canonical.writeValueAsBytes(request);
            MessageDigest digest = Digests.sha256();
            digest.update(caller.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return Digests.hex(digest.digest(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }

    private ErrorResponseException problem(HttpStatus status, String titleKey, String detailKey) {
        return new ErrorResponseException(status, texts.problem(status, titleKey, detailKey), null);
    }
}
