package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.support.Patience;
import vn.motcua.support.ClusterNodes;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestSms;

/**
 * Two nodes, each with its job executor, share one database and one SMSC. Reception accepts dossiers over
 * the engine REST API while the SMSC refuses every message: every step answers 2xx and the dossier moves
 * on; once the SMSC is back, the engine's retries send each applicant's acknowledgment and receipt by SMS
 * exactly once, whichever node runs the job.
 */
class ClusteredApplicantMessagesIT {

    private static final int DOSSIERS = 6;
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private final ClusterNodes cluster = new ClusterNodes();
    private final TestRestTemplate http = new TestRestTemplate();

    @AfterEach
    void stop() {
        cluster.close();
        TestSms.FAILURES.set(0);
    }

    @Test
    void shouldAcceptWhileTheSmscIsDownAndSendEachMessageOnceWhenItIsBack() throws Exception {
        String[] settings = {
                "--motcua.notify.retry-cycle=R30/PT1S",
                "--motcua.notify.sms.host=127.0.0.1",
                "--motcua.notify.sms.port=" + TestSms.port(),
                "--motcua.notify.sms.system-id=" + TestSms.SYSTEM_ID,
                "--motcua.notify.sms.password=" + TestSms.PASSWORD,
                "--motcua.notify.sms.source-address=" + TestSms.BRANDNAME};
        List<ConfigurableApplicationContext> nodes = List.of(cluster.start("sms-a", settings),
                cluster.start("sms-b", settings));

        // Given the SMSC down, dossiers submitted on both nodes and accepted by reception on the other one
        TestSms.FAILURES.set(Integer.MAX_VALUE);
        List<String> codes = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < DOSSIERS; i++) {
            String phone = "09" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
            ResponseEntity<JsonNode> submitted = http.postForEntity(ClusterNodes.url(nodes.get(i % 2), "/api/dossiers"),
                    IntegrationTest.submission("household_business_registration", "000.00.01.H01", "ONLINE", "COUNTER",
                            applicant("Cụm máy tin nhắn " + i, phone), IntegrationTest.requiredDocuments()), JsonNode.class);
            assertThat(submitted.getStatusCode()).as(String.valueOf(submitted.getBody())).isEqualTo(HttpStatus.CREATED);
            codes.add(submitted.getBody().get("code").asText());
            numbers.add("84" + phone.substring(1));
        }
        for (int i = 0; i < DOSSIERS; i++) {
            ConfigurableApplicationContext node = nodes.get((i + 1) % 2);
            ResponseEntity<JsonNode> accepted = accept(node, codes.get(i));
            assertThat(accepted.getStatusCode()).as(String.valueOf(accepted.getBody())).isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(node.getBean(ProcessEngine.class).getTaskService().createTaskQuery()
                    .processInstanceBusinessKey(codes.get(i)).singleResult().getTaskDefinitionKey())
                    .isEqualTo("appraise_dossier");
        }
        JdbcClient db = nodes.get(0).getBean(JdbcClient.class);
        // The executors try and fail: the messages wait as FAILED
        Patience failing = Patience.of(PATIENCE);
        while (count(db, codes, "FAILED") < 2 * DOSSIERS) {
            assertThat(failing.exhausted()).as("failed attempts within %s", PATIENCE).isFalse();
            Thread.sleep(200);
        }
        assertThat(numbers).allSatisfy(number -> assertThat(TestSms.textsTo(number)).isEmpty());

        // When the SMSC is back
        TestSms.FAILURES.set(0);
        Patience back = Patience.of(PATIENCE);
        while (count(db, codes, "SENT") < 2 * DOSSIERS) {
            assertThat(back.exhausted()).as("every SMS within %s", PATIENCE).isFalse();
            Thread.sleep(200);
        }
        Duration settled = back.elapsed();

        // Then each applicant got the acknowledgment and the receipt once each
        for (int i = 0; i < DOSSIERS; i++) {
            List<String> texts = TestSms.textsTo(numbers.get(i));
            String code = codes.get(i);
            assertThat(texts).as("SMS to %s", numbers.get(i)).hasSize(2)
                    .anySatisfy(text -> assertThat(text).startsWith("Đã nhận hồ sơ " + code))
                    .anySatisfy(text -> assertThat(text).startsWith("Hồ sơ " + code + " đã được tiếp nhận"));
        }
        var history = nodes.get(0).getBean(ProcessEngine.class).getHistoryService();
        long byA = history.createHistoricJobLogQuery().successLog().hostname("sms-a")
                .processDefinitionKey("notification_delivery").count();
        long byB = history.createHistoricJobLogQuery().successLog().hostname("sms-b")
                .processDefinitionKey("notification_delivery").count();
        long failedA = history.createHistoricJobLogQuery().failureLog().hostname("sms-a")
                .processDefinitionKey("notification_delivery").count();
        long failedB = history.createHistoricJobLogQuery().failureLog().hostname("sms-b")
                .processDefinitionKey("notification_delivery").count();
        System.out.printf("Applicant SMS, two nodes, SMSC down then back: %d messages of %d dossiers sent %d ms after "
                + "the SMSC came back; failed attempts on sms-a %d, sms-b %d; jobs run to success by sms-a %d, sms-b %d%n",
                2 * DOSSIERS, DOSSIERS, settled.toMillis(), failedA, failedB, byA, byB);
        // one successful job per message, on one node or the other: none was sent to completion twice
        assertThat(byA + byB).as("jobs that succeeded").isEqualTo(2L * DOSSIERS);
        assertThat(failedA + failedB).as("attempts while the SMSC was down").isGreaterThanOrEqualTo(2L * DOSSIERS);
    }

    /** Reception claims and completes the reception check over the node's engine REST API, as Tasklist does. */
    private ResponseEntity<JsonNode> accept(ConfigurableApplicationContext node, String code) {
        TestRestTemplate reception = http.withBasicAuth("reception", "demo");
        String task = node.getBean(ProcessEngine.class).getTaskService().createTaskQuery().processInstanceBusinessKey(code)
                .taskDefinitionKey("check_completeness").singleResult().getId();
        ResponseEntity<Void> claimed = reception.postForEntity(ClusterNodes.url(node, "/engine-rest/task/{id}/claim"),
                Map.of("userId", "reception"), Void.class, task);
        assertThat(claimed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        return reception.postForEntity(ClusterNodes.url(node, "/engine-rest/task/{id}/complete"),
                Map.of("variables", Map.of("receptionOutcome", Map.of("value", "ACCEPT"))), JsonNode.class, task);
    }

    private static int count(JdbcClient db, List<String> codes, String status) {
        return db.sql("select count(*) from notification where dossier_code in (:codes) and channel = 'sms' and status = :status")
                .param("codes", codes).param("status", status).query(Integer.class).single();
    }

    private static Map<String, Object> applicant(String name, String phone) {
        return Map.of("applicantName", name, "applicantIdNumber", "001085012345", "applicantPhone", phone,
                "applicantAddress", "12 Phố Đội Cấn, Ba Đình, Hà Nội", "businessName", "Hộ kinh doanh " + name,
                "businessAddress", "25 Phố Kim Mã, Ba Đình, Hà Nội", "businessLine", "Dịch vụ ăn uống",
                "capital", 150000000, "ownershipType", "INDIVIDUAL");
    }
}
