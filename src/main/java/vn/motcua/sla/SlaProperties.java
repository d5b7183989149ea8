package vn.motcua.sla;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When warnings come and how hard an expedited task is pushed (docs/sla.md).
 *
 * @param warningShare      warn when this share of a deadline's allowance is left ...
 * @param warningLeadMax    ... but never earlier than this much working time before it
 * @param expeditedPriority Tasklist priority of a task the head of unit expedites (Camunda's default is 50)
 */
@ConfigurationProperties("motcua.sla")
public record SlaProperties(BigDecimal warningShare, Duration warningLeadMax, Integer expeditedPriority) {

    public SlaProperties {
        warningShare = warningShare == null ? new BigDecimal("0.25") : warningShare;
        warningLeadMax = warningLeadMax == null ? Duration.ofHours(8) : warningLeadMax;
        expeditedPriority = expeditedPriority == null ? 80 : expeditedPriority;
        if (warningShare.signum() < 0 || warningShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("motcua.sla.warning-share must be between 0 and 1, not " + warningShare);
        }
        if (warningLeadMax.isNegative()) {
            throw new IllegalArgumentException("motcua.sla.warning-lead-max must not be negative");
        }
    }
}
