package vn.motcua.portal;

import java.time.Duration;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * Token buckets against guessing lookup secrets, limiting the guesser and never the applicant
 * (issue 15 item 6): every tracking request spends one token of its client's bucket; every failed
 * one also spends one of the bucket of that client and that dossier code. A client out of either
 * is refused (429); any other client, the applicant included, still opens the dossier with its
 * secret. (A lock per code whoever tries it, as before, let ten forged guesses lock the applicant
 * out; the secret's 100 bits make guessing from many addresses hopeless anyway.) The client is
 * the connection's address, or the {@code X-Forwarded-For} of a trusted proxy only
 * ({@code server.tomcat.remoteip.internal-proxies}). Kept in memory on each node: a cluster of N
 * nodes allows N times the limits.
 */
@Component
class TrackingLimits {

    private final Cache<String, Bucket> clients;
    private final Cache<String, Bucket> dossiers;
    private final Function<String, Bucket> newClientBucket;
    private final Function<String, Bucket> newDossierBucket;

    TrackingLimits(PortalProperties settings) {
        this.clients = cache(settings.perClient());
        this.dossiers = cache(settings.perDossier());
        this.newClientBucket = key -> bucket(settings.perClient());
        this.newDossierBucket = key -> bucket(settings.perDossier());
    }

    /** Spends the client's token, and refuses when the client or the dossier code is out of them. */
    void attempt(String client, String code) {
        ConsumptionProbe probe = clients.get(client, newClientBucket).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyAttemptsException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
        Bucket failures = dossiers.get(key(client, code), newDossierBucket);
        if (failures.getAvailableTokens() < 1) {
            throw new TooManyAttemptsException(Duration.ofNanos(failures.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
        }
    }

    void failed(String client, String code) {
        dossiers.get(key(client, code), newDossierBucket).tryConsume(1);
    }

    private static String key(String client, String code) {
        return client + " " + code;
    }

    // An idle bucket is full again after one period: forgetting it then changes nothing.
    private static Cache<String, Bucket> cache(PortalProperties.Limit limit) {
        return Caffeine.newBuilder().expireAfterAccess(limit.per()).maximumSize(100_000).build();
    }

    private static Bucket bucket(PortalProperties.Limit limit) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.attempts()).refillGreedy(limit.attempts(), limit.per()).build())
                .withCustomTimePrecision(ENGINE_CLOCK)
                .build();
    }

    // The time every deadline is counted in: tests that hold the engine's clock still also hold the
    // refill still, so a slow machine cannot earn a client a token in the middle of a test.
    private static final TimeMeter ENGINE_CLOCK = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return ClockUtil.getCurrentTime().getTime() * 1_000_000;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    };
}
