package vn.motcua.reportpush;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.support.Patience;
import vn.motcua.support.ClusterNodes;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestWebhook;

/**
 * Two nodes, each with its job executor, share one database and feed one receiver. Dossiers are worked on
 * both nodes while the executors send: each dossier's four events (received, supplement requested, supplement
 * received, accepted) must be accepted exactly once each, in the order of their sequence numbers, whichever
 * node sends them; the receiver fails now and then and the engine retries.
 */
class ClusteredDossierFeedIT {

    private static final String PATH = "/cum-may-giao-dich";
    private static final int DOSSIERS = 12;
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private final ClusterNodes cluster = new ClusterNodes();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() {
        cluster.close();
        TestWebhook.recover();
    }

    @Test
    void shouldDeliverEachEventOnceAndInOrderWhenTwoNodesSend() throws Exception {
        String[] settings = {
                "--motcua.report-push.retry-cycle=R5/PT1S",
                "--motcua.report-push.endpoints.central.url=" + TestWebhook.url("/cum-may-bao-cao"),
                "--motcua.report-push.endpoints.central.feed-url=" + TestWebhook.url(PATH),
                "--motcua.report-push.endpoints.central.secret=" + TestWebhook.SECRET};
        ConfigurableApplicationContext a = cluster.start("feed-a", settings);
        ConfigurableApplicationContext b = cluster.start("feed-b", settings);
        List<ConfigurableApplicationContext> nodes = List.of(a, b);
        TestRestTemplate http = new TestRestTemplate();

        // Given dossiers submitted on both nodes, the receiver failing a few times on the way
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < DOSSIERS; i++) {
            if (i % 4 == 1) {
                TestWebhook.failNext(1, 503);
            }
            ResponseEntity<JsonNode> submitted = http.postForEntity(ClusterNodes.url(nodes.get(i % 2), "/api/dossiers"),
                    IntegrationTest.submission("household_business_registration", "000.00.01.H01", "ONLINE", "COUNTER",
                            applicant("Cụm máy giao dịch " + i), IntegrationTest.requiredDocuments()), JsonNode.class);
            assertThat(submitted.getStatusCode()).as(String.valueOf(submitted.getBody())).isEqualTo(HttpStatus.CREATED);
            codes.add(submitted.getBody().get("code").asText());
        }
        // When each is found incomplete, supplemented and accepted, each step on the other node than the one before
        for (int i = 0; i < DOSSIERS; i++) {
            String code = codes.get(i);
            complete(nodes.get((i + 1) % 2), code, Map.of("receptionOutcome", "INCOMPLETE", "missingDocuments", "Hợp đồng thuê"));
            ResponseEntity<JsonNode> supplement = http.withBasicAuth("reception", "demo").postForEntity(
                    ClusterNodes.url(nodes.get(i % 2), "/api/dossiers/" + code + "/supplement"), Map.of("note", "Đã bổ sung"),
                    JsonNode.class);
            assertThat(supplement.getStatusCode()).as(String.valueOf(supplement.getBody())).isEqualTo(HttpStatus.OK);
            complete(nodes.get((i + 1) % 2), code, Map.of("receptionOutcome", "ACCEPT"));
        }
        Patience patience = Patience.of(PATIENCE);
        JdbcClient db = a.getBean(JdbcClient.class);
        while (delivered(db, codes) < 4 * DOSSIERS) {
            assertThat(patience.exhausted()).as("every event within %s", PATIENCE).isFalse();
            Thread.sleep(200);
        }
        Duration settled = patience.elapsed();

        // Then every dossier's events were accepted once each, in order
        for (String code : codes) {
            List<TestWebhook.Received> accepted = TestWebhook.received(PATH).stream()
                    .filter(r -> code.equals(r.header(WebhookSignature.DOSSIER)) && r.answeredWith() == 200).toList();
            assertThat(accepted).extracting(r -> r.header(WebhookSignature.SEQUENCE)).as("sequence of %s", code)
                    .containsExactly("1", "2", "3", "4");
            assertThat(accepted).extracting(r -> r.header(WebhookSignature.EVENT)).doesNotHaveDuplicates();
            List<String> types = new ArrayList<>();
            for (TestWebhook.Received request : accepted) {
                assertThat(DossierEventSchema.violations(request.body())).isEmpty();
                types.add(json.readTree(request.body()).get("type").asText());
            }
            assertThat(types).containsExactly("received", "supplement_requested", "supplement_received", "accepted");
        }
        assertThat(db.sql("select count(*) from report_delivery where dossier_code in (:codes) and attempts > 1")
                .param("codes", codes).query(Integer.class).single()).as("deliveries retried").isPositive();
        var history = a.getBean(ProcessEngine.class).getHistoryService();
        long byA = history.createHistoricJobLogQuery().successLog().hostname("feed-a").processDefinitionKey("dossier_feed").count();
        long byB = history.createHistoricJobLogQuery().successLog().hostname("feed-b").processDefinitionKey("dossier_feed").count();
        Map<String, Object> latency = db.sql("""
                select avg(extract(epoch from d.delivered_at - e.occurred_at)) * 1000 as average,
                       max(extract(epoch from d.delivered_at - e.occurred_at)) * 1000 as longest
                from report_delivery d join dossier_feed_event e on e.id = d.event_id
                where d.dossier_code in (:codes) and d.trigger_type = 'EVENT'""").param("codes", codes).query().singleRow();
        System.out.printf("Dossier feed, two nodes: %d events of %d dossiers, jobs run by feed-a %d, feed-b %d; "
                + "from the step to the receiver's 2xx: average %.0f ms, longest %.0f ms; last event %d ms after the last step%n",
                4 * DOSSIERS, DOSSIERS, byA, byB, ((Number) latency.get("average")).doubleValue(),
                ((Number) latency.get("longest")).doubleValue(), settled.toMillis());
        // one successful job per event, on one node or the other: no event was sent to completion twice
        assertThat(byA + byB).as("jobs that succeeded").isEqualTo(4L * DOSSIERS);
    }

    private static void complete(ConfigurableApplicationContext node, String code, Map<String, Object> values) {
        TaskService tasks = node.getBean(ProcessEngine.class).getTaskService();
        String task = tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("check_completeness")
                .singleResult().getId();
        tasks.complete(task, values);
    }

    private static int delivered(JdbcClient db, List<String> codes) {
        return db.sql("""
                select count(*) from report_delivery where dossier_code in (:codes) and trigger_type = 'EVENT'
                  and status = 'DELIVERED'""").param("codes", codes).query(Integer.class).single();
    }

    private static Map<String, Object> applicant(String name) {
        return Map.of("applicantName", name, "applicantIdNumber", "001085012345", "applicantPhone", "0912 345 678",
                "applicantAddress", "12 Phố Đội Cấn, Ba Đình, Hà Nội", "businessName", "Hộ kinh doanh " + name,
                "businessAddress", "25 Phố Kim Mã, Ba Đình, Hà Nội", "businessLine", "Dịch vụ ăn uống",
                "capital", 150000000, "ownershipType", "INDIVIDUAL");
    }
}
