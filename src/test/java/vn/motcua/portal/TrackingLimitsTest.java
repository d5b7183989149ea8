package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class TrackingLimitsTest {

    private final TrackingLimits limits = new TrackingLimits(new PortalProperties(null,
            new PortalProperties.Limit(5, Duration.ofMinutes(1)), new PortalProperties.Limit(3, Duration.ofMinutes(15))));

    @Test
    void shouldRefuseAClientOverItsLimitButNotAnother() {
        for (int i = 0; i < 5; i++) {
            limits.attempt("203.0.113.1", "code-" + i);
        }
        assertThatThrownBy(() -> limits.attempt("203.0.113.1", "code-x"))
                .isInstanceOfSatisfying(TooManyAttemptsException.class,
                        e -> assertThat(e.retryAfterSeconds()).isBetween(1L, 60L));
        limits.attempt("203.0.113.2", "code-x");
    }

    @Test
    void shouldRefuseTheFailingClientOnThatCodeAndNobodyElse() {
        String code = "000.00.01.H01-261123-0001";
        for (int i = 0; i < 10; i++) {
            // Successful lookups spend nothing of a failure bucket.
            limits.attempt("198.51.100." + i, code);
        }
        for (int i = 0; i < 3; i++) {
            limits.attempt("198.51.100.66", code);
            limits.failed("198.51.100.66", code);
        }
        assertThatThrownBy(() -> limits.attempt("198.51.100.66", code))
                .isInstanceOfSatisfying(TooManyAttemptsException.class,
                        e -> assertThat(e.retryAfterSeconds()).isBetween(60L, 15 * 60L));
        // The applicant (any other client) is not locked out, and the guesser may still track its own dossiers.
        limits.attempt("198.51.100.99", code);
        limits.attempt("198.51.100.66", "000.00.01.H01-261123-0002");
    }
}
