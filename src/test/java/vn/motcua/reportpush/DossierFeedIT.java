package vn.motcua.reportpush;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestWebhook;

/**
 * The dossier event feed through the public API, to a real HTTP receiver (TestWebhook, path /giao-dich, the
 * endpoint {@code central}'s feed-url): dossiers worked by officers over the engine REST API, the delivery log
 * and re-sends over /api/report-deliveries. The shared context's job executor is off: the tests run the jobs of
 * {@code dossier_feed} themselves, one at a time, as an executor would pick them up.
 */
class DossierFeedIT extends IntegrationTest {

    private static final String FEED = "/giao-dich";

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @AfterEach
    void recover() {
        TestWebhook.recover();
    }

    @Test
    void shouldSendADossiersEventsOnceInOrderSignedAndValidWhenItIsWorkedToItsResult() throws Exception {
        JsonNode submitted = submit(UNIT, "ONLINE", "COUNTER", householdBusiness("Đặng Văn Giao")).getBody();
        String code = submitted.get("code").asText();
        engine.workOk(code, "reception", "check_completeness", Map.of("receptionOutcome", "INCOMPLETE",
                "missingDocuments", "Bản sao hợp đồng thuê địa điểm"));
        assertThat(as("reception").postForEntity("/api/dossiers/{code}/supplement", Map.of("note", "Đã bổ sung"),
                JsonNode.class, code).getStatusCode()).isEqualTo(HttpStatus.OK);
        // Half the events go now, the rest after the next steps: the feed goes on where it stood
        runFeedJobs(code);
        assertThat(types(code)).containsExactly("received", "supplement_requested", "supplement_received");

        engine.workOk(code, "reception", "check_completeness", Map.of("receptionOutcome", "ACCEPT"));
        engine.workOk(code, "specialist", "appraise_dossier", Map.of("proposedDecision", "APPROVE", "appraisalNote", "Đủ"));
        engine.workOk(code, "head", "approve_dossier", Map.of("approvalDecision", "APPROVE"));
        engine.workOk(code, "reception", "hand_over_at_counter",
                Map.of("receiverName", "Đặng Văn Giao", "receiverIdNumber", "001085012345"));
        assertThat(rate(code, submitted.get("lookupSecret").asText()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long started = System.nanoTime();
        runFeedJobs(code);
        System.out.printf("Dossier feed: 4 events sent one after the other in %d ms (job, signed POST, log, next job)%n",
                (System.nanoTime() - started) / 1_000_000);

        List<TestWebhook.Received> received = receivedFor(code);
        assertThat(types(code)).containsExactly("received", "supplement_requested", "supplement_received", "accepted",
                "decided", "result_returned", "rated");
        assertThat(received).extracting(r -> r.header(WebhookSignature.SEQUENCE))
                .containsExactly("1", "2", "3", "4", "5", "6", "7");
        assertThat(received).extracting(r -> r.header(WebhookSignature.EVENT)).doesNotHaveDuplicates();
        assertThat(received).extracting(r -> r.header(WebhookSignature.DELIVERY)).doesNotHaveDuplicates();
        for (TestWebhook.Received request : received) {
            long timestamp = Long.parseLong(request.header(WebhookSignature.TIMESTAMP));
            assertThat(WebhookSignature.verify(TestWebhook.SECRET, timestamp, request.body(),
                    request.header(WebhookSignature.SIGNATURE))).as("signature of %s", request.text()).isTrue();
            assertThat(DossierEventSchema.violations(request.body())).as(request.text()).isEmpty();
            JsonNode event = json.readTree(request.body());
            assertThat(event.get("eventId").asText()).isEqualTo(request.header(WebhookSignature.EVENT));
            assertThat(event.at("/dossier/code").asText()).isEqualTo(code);
            assertThat(event.get("unitCode").asText()).isEqualTo(UNIT);
        }
        JsonNode decided = json.readTree(received.get(4).body());
        assertThat(decided.at("/data/decision").asText()).isEqualTo("approved");
        assertThat(decided.at("/dossier/status").asText()).isEqualTo("AWAITING_RESULT_RETURN");
        assertThat(json.readTree(received.get(5).body()).at("/data/resultChannel").asText()).isEqualTo("COUNTER");
        assertThat(json.readTree(received.get(6).body()).at("/data/overall").asText()).isEqualTo("SATISFIED");

        // The delivery log lists the dossier's events in order, each accepted at the first attempt
        JsonNode log = deliveryLog(code);
        assertThat(log).hasSize(7);
        for (int i = 0; i < 7; i++) {
            assertThat(log.get(i).get("endpoint").asText()).isEqualTo("central");
            assertThat(log.get(i).get("trigger").asText()).isEqualTo("EVENT");
            assertThat(log.get(i).get("status").asText()).isEqualTo("DELIVERED");
            assertThat(log.get(i).get("attempts").asInt()).isOne();
            assertThat(log.get(i).at("/event/sequence").asInt()).isEqualTo(i + 1);
            assertThat(log.get(i).get("id").asText()).isEqualTo(received.get(i).header(WebhookSignature.DELIVERY));
        }
        // ... and a report listing leaves them out
        JsonNode reports = as("admin").getForObject("/api/report-deliveries", JsonNode.class);
        reports.forEach(report -> assertThat(report.hasNonNull("event")).isFalse());
    }

    @Test
    void shouldRetryWithoutDuplicatesOrReorderingWhenTheReceiverFailsTwice() {
        String code = submitted("ONLINE", "COUNTER", "Hồ Thị Lặp");
        engine.workOk(code, "reception", "check_completeness", Map.of("receptionOutcome", "ACCEPT"));
        TestWebhook.failNext(2, 503);

        // The first event fails twice (the engine retries its job, R3/PT1S in the tests) ...
        Job first = onlyFeedJob(code);
        for (int failure = 1; failure <= 2; failure++) {
            assertThatThrownBy(() -> management.executeJob(first.getId())).hasMessageContaining("HTTP 503");
            // ... and meanwhile the second has no job: nothing overtakes the first
            assertThat(feedJobs(code)).extracting(Job::getId).containsExactly(first.getId());
        }
        runFeedJobs(code);

        List<TestWebhook.Received> received = receivedFor(code);
        assertThat(received).extracting(TestWebhook.Received::answeredWith).containsExactly(503, 503, 200, 200);
        assertThat(received).extracting(r -> r.header(WebhookSignature.SEQUENCE)).containsExactly("1", "1", "1", "2");
        assertThat(received).extracting(r -> r.header(WebhookSignature.ATTEMPT)).containsExactly("1", "2", "3", "1");
        assertThat(received.subList(0, 3)).extracting(r -> r.header(WebhookSignature.EVENT)).containsOnly(
                received.get(0).header(WebhookSignature.EVENT));
        assertThat(received.subList(0, 3)).extracting(TestWebhook.Received::text).containsOnly(received.get(0).text());
        assertThat(types(code, 200)).containsExactly("received", "accepted");
        JsonNode log = deliveryLog(code);
        assertThat(log.get(0).get("attempts").asInt()).isEqualTo(3);
        JsonNode firstDelivery = as("admin").getForObject("/api/report-deliveries/{id}", JsonNode.class, log.get(0).get("id").asText());
        List<Integer> statusCodes = new ArrayList<>();
        firstDelivery.get("attemptLog").forEach(attempt -> statusCodes.add(attempt.get("statusCode").asInt()));
        assertThat(statusCodes).containsExactly(503, 503, 200);
    }

    @Test
    void shouldRaiseAnIncidentWhenTheReceiverStaysDownAndGoOnInOrderAfterAResendFromTheLog() {
        TestWebhook.failAlways(500);
        String code = submitted("ONLINE", "COUNTER", "Lương Văn Sự Cố");
        engine.workOk(code, "reception", "check_completeness", Map.of("receptionOutcome", "ACCEPT"));
        Job job = onlyFeedJob(code);
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("HTTP 500");
        }
        assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isZero();
        assertThat(runtime.createIncidentQuery().processInstanceId(job.getProcessInstanceId()).singleResult().getActivityId())
                .isEqualTo("send_dossier_event");
        JsonNode log = deliveryLog(code);
        assertThat(log).extracting(d -> d.get("status").asText()).containsExactly("FAILED", "PENDING");
        assertThat(log.get(1).hasNonNull("dispatchedAt")).as("the second waits without a job").isFalse();
        String failed = log.get(0).get("id").asText();
        String waiting = log.get(1).get("id").asText();

        // Nobody but administrators and supervisors re-sends; the second event cannot go before the first
        assertThat(as("reception").postForEntity("/api/report-deliveries/{id}/resend", null, JsonNode.class, failed)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> early = as("admin").postForEntity("/api/report-deliveries/{id}/resend", null, JsonNode.class,
                waiting);
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(early.getBody().get("detail").asText()).contains("2");

        // When the receiver is back and a supervisor re-sends the failed event from the log
        TestWebhook.recover();
        ResponseEntity<JsonNode> resent = as("supervisor").postForEntity("/api/report-deliveries/{id}/resend", null,
                JsonNode.class, failed);
        assertThat(resent.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(resent.getBody().get(0).get("id").asText()).isEqualTo(failed);
        assertThat(runtime.createIncidentQuery().processInstanceId(job.getProcessInstanceId()).count()).isZero();
        runFeedJobs(code);

        // Then the first event is accepted at its fourth attempt, and the second follows it
        assertThat(types(code, 200)).containsExactly("received", "accepted");
        assertThat(deliveryLog(code)).extracting(d -> d.get("status").asText()).containsExactly("DELIVERED", "DELIVERED");
        assertThat(deliveryLog(code).get(0).get("attempts").asInt()).isEqualTo(4);

        // And a re-send of an accepted event is a new delivery of the same event, which the receiver can drop
        ResponseEntity<JsonNode> again = as("admin").postForEntity("/api/report-deliveries/{id}/resend", null, JsonNode.class,
                failed);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(again.getBody().get(0).get("trigger").asText()).isEqualTo("RESEND");
        assertThat(again.getBody().get(0).get("id").asText()).isNotEqualTo(failed);
        runFeedJobs(code);
        List<TestWebhook.Received> accepted = receivedFor(code).stream().filter(r -> r.answeredWith() == 200).toList();
        assertThat(accepted).hasSize(3);
        assertThat(accepted.get(2).header(WebhookSignature.EVENT)).isEqualTo(accepted.get(0).header(WebhookSignature.EVENT));
        assertThat(accepted.get(2).header(WebhookSignature.DELIVERY)).isEqualTo(again.getBody().get(0).get("id").asText());
        assertThat(accepted.get(2).text()).isEqualTo(accepted.get(0).text());
    }

    /** Runs the dossier's feed jobs as an executor would, until none is left (each accepted event starts the next). */
    private void runFeedJobs(String code) {
        for (int round = 0; round < 50; round++) {
            List<Job> jobs = feedJobs(code);
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("the feed of " + code + " did not settle");
    }

    private List<Job> feedJobs(String code) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(DossierFeed.PROCESS).processInstanceBusinessKey(DossierFeed.businessKey(code))
                .list().stream()
                .flatMap(instance -> management.createJobQuery().processInstanceId(instance.getId()).withRetriesLeft()
                        .list().stream())
                .toList();
    }

    private Job onlyFeedJob(String code) {
        List<Job> jobs = feedJobs(code);
        assertThat(jobs).as("feed jobs of %s", code).hasSize(1);
        return jobs.get(0);
    }

    /** What the receiver got for the dossier, oldest first; every body is checked against the published schema. */
    private static List<TestWebhook.Received> receivedFor(String code) {
        List<TestWebhook.Received> received = TestWebhook.received(FEED).stream()
                .filter(r -> code.equals(r.header(WebhookSignature.DOSSIER))).toList();
        received.forEach(r -> assertThat(DossierEventSchema.violations(r.body())).as(r.text()).isEmpty());
        return received;
    }

    private List<String> types(String code) {
        return types(code, 200);
    }

    private List<String> types(String code, int answeredWith) {
        return receivedFor(code).stream().filter(r -> r.answeredWith() == answeredWith).map(r -> {
            try {
                return json.readTree(r.body()).get("type").asText();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
    }

    private JsonNode deliveryLog(String code) {
        ResponseEntity<JsonNode> response = as("admin").getForEntity("/api/report-deliveries?dossier={code}", JsonNode.class,
                code);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private ResponseEntity<JsonNode> rate(String code, String secret) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("secret", secret);
        body.put("rating", Map.of("overall", "SATISFIED", "timeliness", "SATISFIED", "staffAttitude", "VERY_SATISFIED",
                "informationClarity", "SATISFIED", "contactsNeeded", 1));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Forwarded-For", "198.51.100." + (Math.abs(code.hashCode()) % 250));
        return http.postForEntity("/api/tracking/evaluation", new HttpEntity<>(body, headers), JsonNode.class);
    }
}
