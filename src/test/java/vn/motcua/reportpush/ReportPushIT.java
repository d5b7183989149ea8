package vn.motcua.reportpush;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestWebhook;

/**
 * Report pushes to real HTTP receivers (TestWebhook): the test configuration has the endpoints
 * {@code central} (every unit, path /trung-uong) and {@code phucxa} (one ward, path /phuong), retries
 * {@code R3/PT1S}. The shared context's job executor is off: the tests run the engine's jobs themselves.
 */
class ReportPushIT extends IntegrationTest {

    private static final String CENTRAL = "/trung-uong";
    private static final String WARD = "/phuong";
    private static final String WARD_UNIT = "000.01.01.H01";

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @AfterEach
    void reset() {
        ClockUtil.reset();
        TestWebhook.recover();
    }

    @Test
    void shouldPushTheEndedMonthOnceToEveryEndpointSignedWhenTheTimerFires() throws Exception {
        // Given 1 March 2031, 08:00 in Hà Nội: February has ended
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-03-01T01:00:05Z")));
        int centralBefore = TestWebhook.received(CENTRAL).size();
        int wardBefore = TestWebhook.received(WARD).size();

        // When the engine's timer fires and each endpoint's job runs
        management.executeJob(timer().getId());
        List<ReportDelivery> deliveries = deliveriesOf("2031-02-01");
        assertThat(deliveries).extracting(ReportDelivery::endpoint).containsExactly("central", "phucxa");
        assertThat(deliveries).allSatisfy(d -> {
            assertThat(d.trigger()).isEqualTo(ReportDelivery.Trigger.SCHEDULED);
            assertThat(d.status()).isEqualTo(ReportDelivery.Status.PENDING);
        });
        deliveries.forEach(d -> management.executeJob(pushJob(d.id()).getId()));

        // Then each receiver got February once, signed over timestamp + body with its delivery id
        List<TestWebhook.Received> central = TestWebhook.received(CENTRAL).subList(centralBefore, TestWebhook.received(CENTRAL).size());
        List<TestWebhook.Received> ward = TestWebhook.received(WARD).subList(wardBefore, TestWebhook.received(WARD).size());
        assertThat(central).hasSize(1);
        assertThat(ward).hasSize(1);
        TestWebhook.Received request = central.get(0);
        long timestamp = Long.parseLong(request.header(WebhookSignature.TIMESTAMP));
        assertThat(WebhookSignature.verify(TestWebhook.SECRET, timestamp, request.body(),
                request.header(WebhookSignature.SIGNATURE))).as("signature").isTrue();
        assertThat(WebhookSignature.verify("another-secret-0123456789-abcdefghijk", timestamp, request.body(),
                request.header(WebhookSignature.SIGNATURE))).as("signature with another secret").isFalse();
        assertThat(request.header(WebhookSignature.DELIVERY)).isEqualTo(deliveries.get(0).id());
        assertThat(request.header(WebhookSignature.ATTEMPT)).isEqualTo("1");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = json.readTree(request.body());
        assertThat(body.get("schema").asText()).isEqualTo("motcua.report-push/1");
        assertThat(body.at("/period/kind").asText()).isEqualTo("MONTH");
        assertThat(body.at("/period/from").asText()).isEqualTo("2031-02-01");
        assertThat(body.at("/period/to").asText()).isEqualTo("2031-02-28");
        assertThat(body.get("units")).isEmpty();
        assertThat(body.get("ii06a")).singleElement().satisfies(report -> {
            assertThat(report.at("/period/from").asText()).isEqualTo("2031-02-01");
            assertThat(report.get("units").size()).isGreaterThanOrEqualTo(3);
            assertThat(report.at("/total/received/total").isNumber()).isTrue();
        });
        assertThat(body.at("/rankings/onTime").size()).isGreaterThanOrEqualTo(3);
        JsonNode wardBody = json.readTree(ward.get(0).body());
        assertThat(wardBody.get("units").get(0).asText()).isEqualTo(WARD_UNIT);
        assertThat(wardBody.get("ii06a")).singleElement().satisfies(report ->
                assertThat(report.get("units")).singleElement().satisfies(unit ->
                        assertThat(unit.get("unitCode").asText()).isEqualTo(WARD_UNIT)));
        assertThat(wardBody.at("/rankings/onTime")).singleElement().satisfies(line ->
                assertThat(line.get("unitCode").asText()).isEqualTo(WARD_UNIT));
        assertThat(deliveriesOf("2031-02-01")).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(ReportDelivery.Status.DELIVERED);
            assertThat(d.attempts()).isOne();
            assertThat(d.lastStatusCode()).isEqualTo(200);
        });

        // And when the timer fires again within the same period (a second run, a late node), nothing is sent again
        management.executeJob(timer().getId());
        assertThat(deliveriesOf("2031-02-01")).hasSize(2);
        assertThat(TestWebhook.received(CENTRAL)).hasSize(centralBefore + 1);
    }

    @Test
    void shouldRetryAFailedDeliveryWithTheSameIdAndLogEveryAttempt() {
        TestWebhook.failNext(1, 503);
        ReportDelivery delivery = resend("2031-01-01", "central");
        int before = TestWebhook.received(CENTRAL).size();

        String job = pushJob(delivery.id()).getId();
        assertThatThrownBy(() -> management.executeJob(job)).hasMessageContaining("HTTP 503");
        assertThat(management.createJobQuery().jobId(job).singleResult().getRetries()).isEqualTo(2);
        ReportDelivery failed = delivery(delivery.id());
        assertThat(failed.status()).isEqualTo(ReportDelivery.Status.FAILED);
        assertThat(failed.lastStatusCode()).isEqualTo(503);

        management.executeJob(job);

        ReportDelivery delivered = delivery(delivery.id());
        assertThat(delivered.status()).isEqualTo(ReportDelivery.Status.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(2);
        assertThat(delivered.attemptLog()).extracting(ReportDelivery.Attempt::statusCode).containsExactly(503, 200);
        assertThat(delivered.attemptLog().get(0).error()).startsWith("HTTP 503");
        assertThat(delivered.attemptLog().get(1).error()).isNull();
        assertThat(delivered.attemptLog()).allSatisfy(a -> assertThat(a.durationMillis()).isNotNegative());
        List<TestWebhook.Received> requests = TestWebhook.received(CENTRAL).subList(before, TestWebhook.received(CENTRAL).size());
        assertThat(requests).extracting(r -> r.header(WebhookSignature.DELIVERY)).containsOnly(delivery.id());
        assertThat(requests).extracting(r -> r.header(WebhookSignature.ATTEMPT)).containsExactly("1", "2");
    }

    @Test
    void shouldRaiseAnIncidentWhenTheRetriesAreSpentAndDeliverAfterAnOperatorRetries() {
        TestWebhook.failAlways(500);
        ReportDelivery delivery = resend("2030-12-01", "central");
        String job = pushJob(delivery.id()).getId();
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThatThrownBy(() -> management.executeJob(job)).hasMessageContaining("HTTP 500");
        }

        assertThat(management.createJobQuery().jobId(job).singleResult().getRetries()).isZero();
        assertThat(runtime.createIncidentQuery().configuration(job).incidentType("failedJob").count()).isOne();
        assertThat(delivery(delivery.id()).attempts()).isEqualTo(3);
        assertThat(delivery(delivery.id()).status()).isEqualTo(ReportDelivery.Status.FAILED);

        // The receiver is back; the operator retries the job (Cockpit: "Retry")
        TestWebhook.recover();
        management.setJobRetries(job, 1);
        management.executeJob(job);
        assertThat(delivery(delivery.id()).status()).isEqualTo(ReportDelivery.Status.DELIVERED);
        assertThat(runtime.createIncidentQuery().configuration(job).count()).isZero();
    }

    @Test
    void shouldLetOnlyAdministratorsAndSupervisorsReadTheLogAndResend() {
        Map<String, Object> request = Map.of("periodType", "MONTH", "periodFrom", "2030-11-01", "endpoint", "phucxa");
        assertThat(http.getForEntity("/api/report-deliveries", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as("head").getForEntity("/api/report-deliveries", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("reception").postForEntity("/api/report-deliveries/resend", request, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("supervisor").getForEntity("/api/report-deliveries", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<JsonNode> notFirstDay = as("admin").postForEntity("/api/report-deliveries/resend",
                Map.of("periodType", "MONTH", "periodFrom", "2030-11-15"), JsonNode.class);
        assertThat(notFirstDay.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notFirstDay.getBody().get("detail").asText()).contains("2030-11-01");
        assertThat(as("admin").postForEntity("/api/report-deliveries/resend",
                Map.of("periodType", "MONTH", "periodFrom", "2030-11-01", "endpoint", "nowhere"), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as("admin").getForEntity("/api/report-deliveries/00000000-0000-0000-0000-000000000000", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> resent = as("supervisor").postForEntity("/api/report-deliveries/resend", request, JsonNode.class);
        assertThat(resent.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(resent.getBody()).singleElement().satisfies(d -> {
            assertThat(d.get("endpoint").asText()).isEqualTo("phucxa");
            assertThat(d.get("trigger").asText()).isEqualTo("RESEND");
            assertThat(d.get("requestedBy").asText()).isEqualTo("supervisor");
        });
    }

    private Job timer() {
        return management.createJobQuery().processDefinitionKey(ReportPush.PROCESS).activityId(ReportPushPlan.TIMER)
                .timers().singleResult();
    }

    private Job pushJob(String deliveryId) {
        String execution = runtime.createExecutionQuery().variableValueEquals("deliveryId", deliveryId).singleResult().getId();
        return management.createJobQuery().executionId(execution).singleResult();
    }

    private ReportDelivery resend(String periodFrom, String endpoint) {
        ResponseEntity<JsonNode> response = as("admin").postForEntity("/api/report-deliveries/resend",
                Map.of("periodType", "MONTH", "periodFrom", periodFrom, "endpoint", endpoint), JsonNode.class);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        return delivery(response.getBody().get(0).get("id").asText());
    }

    private ReportDelivery delivery(String id) {
        ResponseEntity<ReportDelivery> response = as("supervisor").getForEntity("/api/report-deliveries/{id}",
                ReportDelivery.class, id);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private List<ReportDelivery> deliveriesOf(String periodFrom) {
        ReportDelivery[] all = as("admin").getForObject("/api/report-deliveries?from={d}&to={d}", ReportDelivery[].class,
                periodFrom, periodFrom);
        return java.util.Arrays.stream(all).filter(d -> d.trigger() == ReportDelivery.Trigger.SCHEDULED)
                .sorted(java.util.Comparator.comparing(ReportDelivery::endpoint)).toList();
    }
}
