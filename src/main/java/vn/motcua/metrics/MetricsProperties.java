package vn.motcua.metrics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param cacheFor how long the figures read from the database are reused: every scrape (and every
 *                 Prometheus server, every node) would otherwise query the tables again
 */
@ConfigurationProperties("motcua.metrics")
record MetricsProperties(Duration cacheFor) {

    MetricsProperties {
        if (cacheFor == null) {
            cacheFor = Duration.ofSeconds(15);
        }
    }
}
