package vn.motcua.reportpush;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.support.Patience;
import vn.motcua.support.ClusterNodes;
import vn.motcua.support.TestWebhook;

/**
 * Two nodes, each with its job executor, share one database and push a daily report at 01:00 UTC.
 * Over three days (one with a receiver that fails once) the receiver accepts exactly one delivery per day.
 */
class ClusteredReportPushIT {

    private static final String PATH = "/cum-may";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final ClusterNodes cluster = new ClusterNodes();

    @AfterEach
    void stop() {
        cluster.close();
        ClockUtil.reset();
        TestWebhook.recover();
    }

    @Test
    void shouldDeliverEachPeriodExactlyOnceWhenTwoNodesRunTheTimer() throws InterruptedException {
        // Given two nodes started just before 01:00 UTC on 1 December 2026, pushing each day at 01:00
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-01T00:59:30Z")));
        String[] settings = {
                "--motcua.report-push.cycle=0 0 1 * * ?",
                "--motcua.report-push.period=DAY",
                "--motcua.report-push.retry-cycle=R3/PT2S",
                "--motcua.report-push.endpoints.central.url=" + TestWebhook.url(PATH),
                "--motcua.report-push.endpoints.central.secret=" + TestWebhook.SECRET};
        ConfigurableApplicationContext a = cluster.start("push-a", settings);
        ConfigurableApplicationContext b = cluster.start("push-b", settings);
        ProcessEngine engine = a.getBean(ProcessEngine.class);

        // When three days pass; on the second the receiver fails once and the engine retries 2 s later
        for (String day : List.of("2026-12-01", "2026-12-02", "2026-12-03")) {
            if (day.equals("2026-12-02")) {
                TestWebhook.failNext(1, 503);
            }
            ClockUtil.setCurrentTime(Date.from(Instant.parse(day + "T01:00:05Z")));
            awaitIdle(engine, day);
        }

        // Then each ended day reached the receiver accepted once, under one delivery id, and the log agrees
        List<TestWebhook.Received> received = TestWebhook.received(PATH);
        List<TestWebhook.Received> accepted = received.stream().filter(r -> r.answeredWith() == 200).toList();
        assertThat(accepted).extracting(r -> r.header(WebhookSignature.PERIOD))
                .containsExactly("DAY 2026-11-30..2026-11-30", "DAY 2026-12-01..2026-12-01", "DAY 2026-12-02..2026-12-02");
        assertThat(accepted).extracting(r -> r.header(WebhookSignature.DELIVERY)).doesNotHaveDuplicates();
        assertThat(received).hasSize(4);
        assertThat(received.get(1).header(WebhookSignature.DELIVERY)).isEqualTo(received.get(2).header(WebhookSignature.DELIVERY));
        JdbcClient db = b.getBean(JdbcClient.class);
        assertThat(db.sql("select count(*) from report_delivery where endpoint = 'central' and status = 'DELIVERED'")
                .query(Integer.class).single()).isEqualTo(3);
        assertThat(db.sql("select sum(attempts) from report_delivery where endpoint = 'central'").query(Integer.class).single())
                .isEqualTo(4);
        var history = engine.getHistoryService();
        System.out.printf("Report push jobs executed: push-a %d, push-b %d%n",
                history.createHistoricJobLogQuery().successLog().hostname("push-a").processDefinitionKey("report_push").count(),
                history.createHistoricJobLogQuery().successLog().hostname("push-b").processDefinitionKey("report_push").count());
    }

    /** Until the day's run ended: its timer fired, the deliveries were sent (retries too), no job is due. */
    private static void awaitIdle(ProcessEngine engine, String day) throws InterruptedException {
        Patience patience = Patience.of(PATIENCE);
        Instant dayStart = Instant.parse(day + "T01:00:00Z");
        while (true) {
            long runs = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("report_push")
                    .startedAfter(Date.from(dayStart.minusSeconds(1))).finished().count();
            long failedOnce = engine.getManagementService().createJobQuery().processDefinitionKey("report_push")
                    .withException().count();
            if (runs > 0 && failedOnce == 0) {
                assertThat(runs).as("runs of report_push on %s", day).isOne();
                return;
            }
            if (failedOnce > 0) {
                // the retry waits 2 s on the engine's clock
                ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(3)));
            }
            assertThat(patience.exhausted()).as("the run of %s within %s", day, PATIENCE).isFalse();
            Thread.sleep(300);
        }
    }
}
