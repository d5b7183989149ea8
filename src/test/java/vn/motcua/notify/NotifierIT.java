package vn.motcua.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestMail;

/** Notifications in the running application on PostgreSQL, with the in-process SMTP server. */
class NotifierIT extends IntegrationTest {

    @Autowired
    Notifier notifier;

    @Autowired
    Recipients recipients;

    @Autowired
    NotificationRepository repository;

    @Autowired
    MessageTemplates templates;

    @Autowired
    NotifyProperties settings;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    IdentityService identity;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Test
    void shouldMailAGroupAndListTheDossiersNotifications() {
        String dossier = "000.00.01.H01-991231-" + (1000 + (int) (Math.random() * 9000));
        List<Recipient> reception = recipients.ofGroup("reception:" + UNIT);

        for (Recipient officer : reception) {
            assertThat(notifier.send(new Notification("dossier:" + dossier + ":overall-warning", dossier, officer,
                    new Message("Hồ sơ " + dossier + " sắp đến hạn", "Còn một ngày làm việc.")))).isTrue();
        }

        assertThat(TestMail.to("reception@demo.motcua.vn"))
                .anySatisfy(mail -> assertThat(mail.getSubject()).isEqualTo("Hồ sơ " + dossier + " sắp đến hạn"));
        ResponseEntity<JsonNode> response = as("reception").getForEntity("/api/notifications?dossier={code}", JsonNode.class, dossier);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).hasSize(reception.size());
        JsonNode first = response.getBody().get(0);
        assertThat(first.get("recipientAddress").asText()).isEqualTo("reception@demo.motcua.vn");
        assertThat(first.get("recipientName").asText()).isEqualTo("Nguyễn Thị Lan");
        assertThat(first.get("status").asText()).isEqualTo("SENT");
        assertThat(first.get("channel").asText()).isEqualTo("email");
    }

    @Test
    void shouldAnswerAnEmptyListForADossierWithoutNotifications() {
        ResponseEntity<JsonNode> response = as("reception").getForEntity("/api/notifications?dossier=000.00.01.H01-000101-0001", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).isEmpty();
    }

    @Test
    void shouldRefuseAListWithoutADossier() {
        ResponseEntity<JsonNode> response = as("reception").getForEntity("/api/notifications", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("detail").asText()).contains("dossier");
    }

    @Nested
    class Racing {

        private final Recipient head = Recipient.email("head@demo.motcua.vn", "Lê Hoàng Nam");

        @Test
        void shouldDeliverOnceWhenASecondTransactionWaitsForTheFirst() throws Exception {
            String event = "task:" + UUID.randomUUID() + ":warning";
            TransactionTemplate job = new TransactionTemplate(transactions);
            CountDownLatch firstSent = new CountDownLatch(1);
            CountDownLatch commitFirst = new CountDownLatch(1);
            ExecutorService nodes = Executors.newFixedThreadPool(2);
            try {
                Future<Boolean> first = nodes.submit(() -> job.execute(tx -> {
                    boolean sent = notifier.send(warning(event));
                    firstSent.countDown();
                    await(commitFirst);
                    return sent;
                }));
                assertThat(firstSent.await(10, TimeUnit.SECONDS)).isTrue();
                // The second transaction inserts the same event while the first still holds its row:
                // PostgreSQL makes it wait, and refuses it once the first commits.
                Future<Boolean> second = nodes.submit(() -> job.execute(tx -> notifier.send(warning(event))));
                Thread.sleep(300);
                assertThat(second.isDone()).as("second transaction waits for the first").isFalse();
                commitFirst.countDown();

                assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
                assertThat(second.get(10, TimeUnit.SECONDS)).isFalse();
            } finally {
                nodes.shutdownNow();
            }
            assertThat(mailsAbout(event)).isEqualTo(1);
            assertThat(notifier.ofEvent(event)).singleElement()
                    .extracting(NotificationRecord::status).isEqualTo(NotificationStatus.SENT);
        }

        @Test
        void shouldDeliverOnceWhenManyTransactionsStartTogether() throws Exception {
            String event = "dossier:" + UUID.randomUUID() + ":overall-warning";
            int racers = 8;
            CyclicBarrier start = new CyclicBarrier(racers);
            ExecutorService nodes = Executors.newFixedThreadPool(racers);
            int delivered = 0;
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    results.add(nodes.submit(() -> {
                        start.await();
                        return notifier.send(warning(event));
                    }));
                }
                for (Future<Boolean> result : results) {
                    delivered += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
            } finally {
                nodes.shutdownNow();
            }
            assertThat(delivered).isEqualTo(1);
            assertThat(mailsAbout(event)).isEqualTo(1);
        }

        private Notification warning(String event) {
            return new Notification(event, null, head, new Message(event, "Cảnh báo sắp đến hạn."));
        }

        private long mailsAbout(String event) throws Exception {
            long count = 0;
            for (var mail : TestMail.to(head.address())) {
                count += event.equals(mail.getSubject()) ? 1 : 0;
            }
            return count;
        }

        private static void await(CountDownLatch latch) {
            try {
                latch.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Nested
    class InAnEngineJob {

        @Test
        void shouldSendOnceWhenTheJobFailsAfterSendingAndIsRetried() throws Exception {
            BpmnModelInstance model = Bpmn.createExecutableProcess("notify_test_job").name("Thử gửi cảnh báo")
                    .camundaHistoryTimeToLive(1).camundaStartableInTasklist(false)
                    .startEvent("job_started")
                    .sequenceFlowId("flow_to_send_warning")
                    .serviceTask("send_warning").name("Gửi cảnh báo").camundaAsyncBefore()
                    .camundaDelegateExpression("${sendThenFail}")
                    .sequenceFlowId("flow_to_job_done")
                    .endEvent("job_done")
                    .done();
            String deployment = repositoryService.createDeployment().addModelInstance("notify-test-job.bpmn", model)
                    .deploy().getId();
            String businessKey = UUID.randomUUID().toString();
            SendThenFail.notifier = notifier;
            SendThenFail.FAILURES.set(1);
            try {
                String instance = runtimeService.startProcessInstanceByKey("notify_test_job", businessKey).getId();
                String job = managementService.createJobQuery().processInstanceId(instance).singleResult().getId();

                assertThatThrownBy(() -> managementService.executeJob(job)).hasMessageContaining("after the notification");
                assertThat(notifier.ofEvent("test:" + businessKey + ":warning")).singleElement()
                        .extracting(NotificationRecord::status).isEqualTo(NotificationStatus.SENT);
                managementService.executeJob(job);

                assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count()).isZero();
                long mails = 0;
                for (var mail : TestMail.to("head@demo.motcua.vn")) {
                    mails += ("Cảnh báo " + businessKey).equals(mail.getSubject()) ? 1 : 0;
                }
                assertThat(mails).isEqualTo(1);
            } finally {
                repositoryService.deleteDeployment(deployment, true);
            }
        }
    }

    @Nested
    class WhenSmtpFails {

        @Test
        void shouldRollBackTheJobAndLeaveNoSentRecord() throws Exception {
            JavaMailSenderImpl unreachable = new JavaMailSenderImpl();
            unreachable.setHost("127.0.0.1");
            try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
                unreachable.setPort(closed.getLocalPort());
            }
            Notifier broken = new Notifier(repository, templates, settings,
                    List.of(new MailChannel(unreachable, settings)), transactions);
            String event = "task:" + UUID.randomUUID() + ":warning";
            Notification warning = new Notification(event, null, Recipient.email("head@demo.motcua.vn", null),
                    new Message("Cảnh báo", "Sắp đến hạn."));

            assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> broken.send(warning)))
                    .isInstanceOf(NotificationFailedException.class);

            assertThat(notifier.ofEvent(event)).singleElement().satisfies(record -> {
                assertThat(record.status()).isEqualTo(NotificationStatus.FAILED);
                assertThat(record.sentAt()).isNull();
            });
            assertThat(notifier.send(warning)).as("the retry delivers").isTrue();
        }
    }

    @Nested
    class OfficersAddresses {

        @Test
        void shouldResolveTheMembersOfAGroupWithTheirNames() {
            assertThat(recipients.ofGroup("head:" + UNIT))
                    .containsExactly(Recipient.email("head@demo.motcua.vn", "Lê Hoàng Nam"));
            assertThat(recipients.ofGroup("no-such-group")).isEmpty();
        }

        @Test
        void shouldResolveAUser() {
            assertThat(recipients.ofUser("specialist2"))
                    .contains(Recipient.email("specialist2@demo.motcua.vn", "Đỗ Quang Huy"));
            assertThat(recipients.ofUser("nobody")).isEmpty();
        }

        @Test
        void shouldSkipMembersWithoutAnAddress() {
            String id = "noaddress" + (int) (Math.random() * 100000);
            User user = identity.newUser(id);
            user.setFirstName("Không");
            user.setLastName("Địa chỉ");
            identity.saveUser(user);
            identity.createMembership(id, "specialist:" + OTHER_UNIT);
            try {
                assertThat(recipients.ofUser(id)).isEmpty();
                assertThat(recipients.ofGroup("specialist:" + OTHER_UNIT)).extracting(Recipient::address)
                        .containsExactly("specialist2@demo.motcua.vn");
            } finally {
                identity.deleteUser(id);
            }
        }
    }
}
