package vn.motcua.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.support.IntegrationTest;

/** Operators scrape the figures with the monitoring user; the load balancer reads health anonymously. */
class OperationsMetricsIT extends IntegrationTest {

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldCountASubmissionInTheScrapedFiguresOnceTheCacheExpires() {
        // The engine's clock, stopped a minute ahead: the first scrape reads the tables afresh, and the
        // cache cannot expire by itself while the dossier is submitted.
        ClockUtil.reset();
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(1))));
        String before = scrape();
        double received = value(before, "motcua_dossiers_received_total{channel=\"ONLINE\"}");
        double inProgress = value(before, "motcua_dossiers_in_progress");
        double overdue = value(before, "motcua_dossiers_overdue");

        submitted("ONLINE", "COUNTER", "Lê Thị Đo Lường");

        // Within the cache period the figures stay as they were: scrapes do not query the tables each time.
        assertThat(value(scrape(), "motcua_dossiers_received_total{channel=\"ONLINE\"}")).isEqualTo(received);
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofSeconds(20))));
        String after = scrape();
        assertThat(value(after, "motcua_dossiers_received_total{channel=\"ONLINE\"}")).isEqualTo(received + 1);
        assertThat(value(after, "motcua_dossiers_in_progress")).isEqualTo(inProgress + 1);

        // A month later the dossier (3 working days) is overdue.
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(40))));
        String later = scrape();
        assertThat(value(later, "motcua_dossiers_overdue")).isGreaterThanOrEqualTo(overdue + 1);
        assertThat(later).contains("motcua_escalations_total", "motcua_jobs_due_waiting", "motcua_jobs_failed",
                "motcua_incidents_open", "jvm_memory_used_bytes");
    }

    @Test
    void shouldShowHealthToEveryoneAndItsDetailsOnlyToTheMonitoringUser() {
        ResponseEntity<JsonNode> anonymous = http.getForEntity("/actuator/health", JsonNode.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(anonymous.getBody().at("/components/engine/status").asText()).isEqualTo("UP");
        assertThat(anonymous.getBody().at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(anonymous.getBody().at("/components/engine/details").isMissingNode()).isTrue();

        JsonNode details = as("prometheus").getForEntity("/actuator/health", JsonNode.class).getBody();
        // The shared test context fires timers itself: its job executor is off on purpose.
        assertThat(details.at("/components/engine/details/jobExecutor").asText()).isEqualTo("disabled on this node");
        assertThat(details.at("/components/engine/details/jobsFailed").isNumber()).isTrue();
        assertThat(details.at("/components/db/details/database").asText()).isEqualTo("PostgreSQL");
    }

    private String scrape() {
        ResponseEntity<String> response = as("prometheus").getForEntity("/actuator/prometheus", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static double value(String exposition, String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(exposition);
        assertThat(line.find()).as("series %s in%n%s", series, exposition).isTrue();
        return Double.parseDouble(line.group(1));
    }
}
