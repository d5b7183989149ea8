package vn.motcua.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.support.Patience;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ClusterNodes;
import vn.motcua.support.TestMail;

/**
 * Two application nodes, each with its job executor on, share one PostgreSQL database. Thirty
 * dossiers run out of time at once; each warning, overdue mark, escalation task and notification
 * must exist exactly once.
 */
class ClusteredDeadlinesIT {

    private static final int DOSSIERS = 30;
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final ClusterNodes cluster = new ClusterNodes();

    @AfterEach
    void stopNodes() {
        cluster.close();
        ClockUtil.reset();
    }

    @Test
    void shouldEscalateAndNotifyExactlyOnceWhenTwoNodesShareTheDatabase() throws InterruptedException {
        // Given two nodes and thirty dossiers submitted on Monday 23 November 2026 at 09:00
        ClockUtil.setCurrentTime(Date.from(local("2026-11-23T09:00")));
        ConfigurableApplicationContext a = cluster.start("cluster-a");
        ConfigurableApplicationContext b = cluster.start("cluster-b");
        TestRestTemplate http = new TestRestTemplate();
        String api = ClusterNodes.url(a, "/api/dossiers");
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < DOSSIERS; i++) {
            ResponseEntity<JsonNode> submitted = http.postForEntity(api, IntegrationTest.submission(
                    "household_business_registration", "000.00.01.H01", "ONLINE", "COUNTER", applicant("Cụm máy " + i),
                    IntegrationTest.requiredDocuments()), JsonNode.class);
            assertThat(submitted.getStatusCode()).as(String.valueOf(submitted.getBody())).isEqualTo(HttpStatus.CREATED);
            codes.add(submitted.getBody().get("code").asText());
        }

        // When the clock passes all their due dates (Thursday 26 November 09:00) at once
        ClockUtil.setCurrentTime(Date.from(local("2026-11-30T09:00")));
        JdbcClient db = a.getBean(JdbcClient.class);
        Patience patience = Patience.of(PATIENCE);
        while (escalated(db, codes) < DOSSIERS || pendingJobs(a.getBean(ProcessEngine.class)) > 0) {
            assertThat(patience.exhausted()).as("all escalations within %s", PATIENCE).isFalse();
            Thread.sleep(500);
        }

        // Then both nodes did part of the work ...
        var history = a.getBean(ProcessEngine.class).getHistoryService();
        long byA = history.createHistoricJobLogQuery().successLog().hostname("cluster-a").count();
        long byB = history.createHistoricJobLogQuery().successLog().hostname("cluster-b").count();
        System.out.printf("Jobs executed: cluster-a %d, cluster-b %d%n", byA, byB);
        assertThat(byA).as("jobs run by node a").isPositive();
        assertThat(byB).as("jobs run by node b").isPositive();
        // ... and each dossier was warned, marked overdue and escalated once, by one node or the other
        for (String code : codes) {
            assertThat(count(db, code, "OVERDUE")).as("overdue rows of %s", code).isOne();
            assertThat(count(db, code, "DEADLINE_WARNING")).as("warnings of %s", code).isEqualTo(2);
            assertThat(b.getBean(ProcessEngine.class).getTaskService().createTaskQuery().processInstanceBusinessKey(code)
                    .taskDefinitionKey("decide_on_late_dossier").count()).as("escalation tasks of %s", code).isOne();
            assertThat(notifications(db, "dossier:" + code + ":overdue")).as("overdue notices of %s", code).isOne();
            assertThat(notifications(db, "dossier:" + code + ":at-risk")).as("at-risk notices of %s", code)
                    .isEqualTo(2); // the reception officer holding the first step, and the head
            assertThat(TestMail.to("head@demo.motcua.vn").stream().filter(m -> subject(m).contains(code)
                    && subject(m).contains("quá hạn")).count()).as("overdue e-mails of %s", code).isOne();
        }
    }

    private static int escalated(JdbcClient db, List<String> codes) {
        return db.sql("""
                select count(distinct d.code) from dossier d join dossier_event e on e.dossier_id = d.id
                where e.event_type = 'OVERDUE' and d.code in (:codes)""")
                .param("codes", codes).query(Integer.class).single();
    }

    private static long pendingJobs(ProcessEngine engine) {
        return engine.getManagementService().createJobQuery().executable().active().count();
    }

    private static int count(JdbcClient db, String code, String type) {
        return db.sql("""
                select count(*) from dossier_event e join dossier d on d.id = e.dossier_id
                where d.code = ? and e.event_type = ?""").params(code, type).query(Integer.class).single();
    }

    private static int notifications(JdbcClient db, String eventKey) {
        return db.sql("select count(*) from notification where event_key = ?").param(eventKey).query(Integer.class)
                .single();
    }

    private static Map<String, Object> applicant(String name) {
        return Map.of("applicantName", name, "applicantIdNumber", "001085012345", "applicantPhone", "0912 345 678",
                "applicantAddress", "12 Phố Đội Cấn, Ba Đình, Hà Nội", "businessName", "Hộ kinh doanh " + name,
                "businessAddress", "25 Phố Kim Mã, Ba Đình, Hà Nội", "businessLine", "Dịch vụ ăn uống",
                "capital", 150000000, "ownershipType", "INDIVIDUAL");
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant local(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(HANOI).toInstant();
    }
}
