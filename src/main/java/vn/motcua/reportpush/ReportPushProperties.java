package vn.motcua.reportpush;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;

import vn.motcua.reports.PeriodKind;

/**
 * Where and when reports are pushed (docs/reporting-push.md). Every node must have the same values.
 *
 * @param cycle          when {@code report_push} starts: a cron expression of the engine (in UTC, the
 *                       nodes' zone) or an ISO-8601 repetition such as {@code R/P1D}
 * @param period         the period each push reports: the last one of this type that ended before the push
 * @param retryCycle     the engine's retries of one delivery, e.g. {@code R5/PT10M}; then an incident
 * @param connectTimeout time to open the connection to a receiver
 * @param timeout        time for a receiver to answer
 * @param endpoints      the receivers by name
 */
@ConfigurationProperties("motcua.report-push")
record ReportPushProperties(String cycle, PeriodKind period, String retryCycle, Duration connectTimeout,
        Duration timeout, Map<String, Endpoint> endpoints) {

    ReportPushProperties {
        if (cycle == null || cycle.isBlank()) {
            cycle = "0 0 1 1 * ?";
        }
        if (period == null) {
            period = PeriodKind.MONTH;
        }
        if (period == PeriodKind.CUSTOM) {
            throw new IllegalStateException("motcua.report-push.period must be DAY, MONTH, QUARTER or YEAR");
        }
        if (retryCycle == null || retryCycle.isBlank()) {
            retryCycle = "R5/PT10M";
        }
        if (connectTimeout == null) {
            connectTimeout = Duration.ofSeconds(10);
        }
        if (timeout == null) {
            timeout = Duration.ofSeconds(30);
        }
        endpoints = endpoints == null ? Map.of() : new TreeMap<>(endpoints);
        endpoints.forEach((name, endpoint) -> endpoint.check(name));
    }

    /**
     * @param url     where the report is POSTed (https in production)
     * @param secret  the shared HMAC secret, from the environment, at least 32 characters
     * @param units   the units whose figures (and dossiers' events) the endpoint receives; all units when empty
     * @param feedUrl where the dossier event feed is POSTed; no feed for the endpoint when unset
     */
    record Endpoint(URI url, String secret, List<String> units, URI feedUrl) {

        Endpoint {
            units = units == null ? List.of() : List.copyOf(units);
        }

        /** Whether the endpoint gets the events of a dossier that has been at these units. */
        boolean feeds(java.util.Collection<String> dossierUnits) {
            return feedUrl != null && (units.isEmpty() || dossierUnits.stream().anyMatch(units::contains));
        }

        void check(String name) {
            if (url == null || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
                throw new IllegalStateException("motcua.report-push.endpoints." + name + ".url must be an http(s) URL");
            }
            if (feedUrl != null && !("https".equals(feedUrl.getScheme()) || "http".equals(feedUrl.getScheme()))) {
                throw new IllegalStateException("motcua.report-push.endpoints." + name + ".feed-url must be an http(s) URL");
            }
            if (secret == null || secret.length() < 32) {
                throw new IllegalStateException("motcua.report-push.endpoints." + name
                        + ".secret must be at least 32 characters (set it in the environment)");
            }
        }
    }
}
