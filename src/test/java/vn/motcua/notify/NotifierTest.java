package vn.motcua.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.zaxxer.hikari.HikariDataSource;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** The notifier on an embedded H2 database (the demo's) with a real SMTP server in process. */
class NotifierTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Recipient LAN = Recipient.email("lan@demo.motcua.vn", "Nguyễn Thị Lan");

    private HikariDataSource database;
    private JdbcTransactionManager transactions;
    private NotificationRepository repository;
    private NotifyProperties settings;
    private Notifier notifier;

    @BeforeEach
    void setUp() {
        database = new HikariDataSource();
        database.setJdbcUrl("jdbc:h2:mem:notify-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        database.setUsername("sa");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        transactions = new JdbcTransactionManager(database);
        repository = new NotificationRepository(JdbcClient.create(database), transactions);
        settings = new NotifyProperties("motcua@badinh.hanoi.gov.vn", "Bộ phận một cửa quận Ba Đình", null, null);
        notifier = notifierWith(List.of(mailTo(smtp.getSmtp().getPort())));
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void shouldDeliverVietnameseSubjectBodyAndAttachmentInUtf8() throws Exception {
        byte[] pdf = "%PDF-1.7 phiếu xin lỗi".getBytes(StandardCharsets.UTF_8);
        Notification apology = new Notification("dossier:000.00.01.H01-261123-0001:apology:1",
                "000.00.01.H01-261123-0001", LAN,
                new Message("Phiếu xin lỗi và hẹn lại ngày trả kết quả", "Kính gửi bà Nguyễn Thị Lan,\nHồ sơ được hẹn lại."))
                .withAttachment(Attachment.pdf("phieu-xin-loi.pdf", pdf));

        assertThat(notifier.send(apology)).isTrue();

        MimeMessage mail = onlyMailTo(LAN.address());
        assertThat(mail.getSubject()).isEqualTo("Phiếu xin lỗi và hẹn lại ngày trả kết quả");
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("Bộ phận một cửa quận Ba Đình");
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("motcua@badinh.hanoi.gov.vn");
        assertThat(((InternetAddress) mail.getAllRecipients()[0]).getPersonal()).isEqualTo("Nguyễn Thị Lan");
        Multipart parts = (Multipart) mail.getContent();
        assertThat(text(parts)).isEqualTo("Kính gửi bà Nguyễn Thị Lan,\nHồ sơ được hẹn lại.");
        BodyPart attachment = attachment(parts);
        assertThat(attachment.getFileName()).isEqualTo("phieu-xin-loi.pdf");
        assertThat(attachment.getContentType()).startsWith("application/pdf");
        assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(pdf);

        NotificationRecord record = notifier.ofDossier("000.00.01.H01-261123-0001").get(0);
        assertThat(record.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(record.attachments()).containsExactly("phieu-xin-loi.pdf");
        assertThat(record.sentAt()).isNotNull();
        assertThat(record.attempts()).isEqualTo(1);
    }

    @Test
    void shouldSendAnEventToARecipientOnlyOnce() {
        Notification warning = warning("task:42:warning", LAN);

        assertThat(notifier.send(warning)).isTrue();
        assertThat(notifier.send(warning)).isFalse();

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(notifier.ofEvent("task:42:warning")).hasSize(1);
    }

    @Test
    void shouldSendOneEventToEachRecipient() {
        Recipient minh = Recipient.email("minh@demo.motcua.vn", "Trần Văn Minh");

        assertThat(notifier.send(warning("task:7:warning", LAN))).isTrue();
        assertThat(notifier.send(warning("task:7:warning", minh))).isTrue();

        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(notifier.ofEvent("task:7:warning")).extracting(NotificationRecord::recipientAddress)
                .containsExactly(LAN.address(), minh.address());
    }

    @Test
    void shouldDeliverOnceWhenManyTransactionsRaceOnOneEvent() throws Exception {
        int racers = 6;
        CyclicBarrier start = new CyclicBarrier(racers);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return notifier.send(warning("dossier:X:overall-warning", LAN));
                }));
            }
            int delivered = 0;
            for (Future<Boolean> result : results) {
                delivered += result.get() ? 1 : 0;
            }
            assertThat(delivered).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Nested
    class WhenTheChannelFails {

        @Test
        void shouldThrowAndKeepNoSentRecord() {
            smtp.stop();
            Notification warning = warning("task:9:warning", LAN);

            assertThatThrownBy(() -> notifier.send(warning))
                    .isInstanceOf(NotificationFailedException.class)
                    .hasMessageContaining("task:9:warning");

            assertThat(notifier.ofEvent("task:9:warning")).singleElement().satisfies(record -> {
                assertThat(record.status()).isEqualTo(NotificationStatus.FAILED);
                assertThat(record.lastError()).contains("MailSendException");
                assertThat(record.sentAt()).isNull();
            });
        }

        @Test
        void shouldSendOnTheRetryOnce() {
            Notification warning = warning("task:10:warning", LAN);
            Notifier broken = notifierWith(List.of(mailTo(closedPort())));
            assertThatThrownBy(() -> broken.send(warning)).isInstanceOf(NotificationFailedException.class);
            assertThatThrownBy(() -> broken.send(warning)).isInstanceOf(NotificationFailedException.class);

            assertThat(notifier.send(warning)).isTrue();
            assertThat(notifier.send(warning)).isFalse();

            assertThat(smtp.getReceivedMessages()).hasSize(1);
            assertThat(notifier.ofEvent("task:10:warning")).singleElement().satisfies(record -> {
                assertThat(record.status()).isEqualTo(NotificationStatus.SENT);
                assertThat(record.attempts()).isEqualTo(3);
                assertThat(record.lastError()).isNull();
            });
        }

        @Test
        void shouldRollBackTheCallersTransaction() {
            Notifier broken = notifierWith(List.of(mailTo(closedPort())));
            TransactionTemplate job = new TransactionTemplate(transactions);
            JdbcClient jdbc = JdbcClient.create(database);

            assertThatThrownBy(() -> job.executeWithoutResult(tx -> {
                jdbc.sql("insert into unit (code, name, level) values ('U1', 'Xã thử', 'COMMUNE')").update();
                broken.send(warning("task:11:warning", LAN));
            })).isInstanceOf(NotificationFailedException.class);

            assertThat(jdbc.sql("select count(*) from unit").query(Integer.class).single()).isZero();
        }
    }

    @Nested
    class WhenTheAddressCanNeverWork {

        @Test
        void shouldRecordRejectedWithoutFailingTheCaller() {
            TransactionTemplate job = new TransactionTemplate(transactions);
            JdbcClient jdbc = JdbcClient.create(database);
            Notification toNowhere = warning("dossier:Y:apology:1", Recipient.email("nguyen van an@", "Nguyễn Văn An"));

            Boolean sent = job.execute(tx -> {
                jdbc.sql("insert into unit (code, name, level) values ('U2', 'Xã thử', 'COMMUNE')").update();
                return notifier.send(toNowhere);
            });

            assertThat(sent).isFalse();
            assertThat(jdbc.sql("select count(*) from unit").query(Integer.class).single()).isOne();
            assertThat(notifier.ofEvent("dossier:Y:apology:1")).singleElement().satisfies(record -> {
                assertThat(record.status()).isEqualTo(NotificationStatus.REJECTED);
                assertThat(record.lastError()).contains("nguyen van an@");
            });
            assertThat(notifier.send(toNowhere)).as("not retried").isFalse();
            assertThat(smtp.getReceivedMessages()).isEmpty();
        }

        @Test
        void shouldRecordRejectedWhenTheServerRefusesTheMailboxForGood() throws Exception {
            try (java.net.ServerSocket server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                Thread smtpThatRefuses = new Thread(() -> refuseEveryMailbox(server));
                smtpThatRefuses.start();
                Notifier refusing = notifierWith(List.of(mailTo(server.getLocalPort())));

                assertThat(refusing.send(warning("task:14:warning", Recipient.email("nobody@demo.motcua.vn", null)))).isFalse();

                assertThat(notifier.ofEvent("task:14:warning")).singleElement().satisfies(record -> {
                    assertThat(record.status()).isEqualTo(NotificationStatus.REJECTED);
                    assertThat(record.lastError()).contains("550");
                });
                smtpThatRefuses.join(5000);
            }
        }

        /** Just enough SMTP to answer RCPT TO with "550 no such user", as a real server does. */
        private static void refuseEveryMailbox(java.net.ServerSocket server) {
            try (java.net.Socket client = server.accept();
                    var in = new java.io.BufferedReader(new java.io.InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                    var out = new java.io.PrintWriter(new java.io.OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII), true)) {
                out.print("220 refusing SMTP\r\n");
                out.flush();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String command = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(java.util.Locale.ROOT);
                    out.print(switch (command) {
                        case "RCPT" -> "550 5.1.1 No such user here\r\n";
                        case "QUIT" -> "221 bye\r\n";
                        default -> "250 ok\r\n";
                    });
                    out.flush();
                    if (command.equals("QUIT")) {
                        return;
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Nested
    class WhenTheCallerRollsBackAfterDelivery {

        @Test
        void shouldRecordTheDeliveredMessageSoTheRetrySendsNothing() {
            TransactionTemplate job = new TransactionTemplate(transactions);
            Notification warning = warning("task:12:warning", LAN);

            assertThatThrownBy(() -> job.executeWithoutResult(tx -> {
                notifier.send(warning);
                throw new IllegalStateException("the engine job fails after the mail went out");
            })).isInstanceOf(IllegalStateException.class);

            Boolean retried = job.execute(tx -> notifier.send(warning));
            assertThat(retried).isFalse();
            assertThat(smtp.getReceivedMessages()).hasSize(1);
            assertThat(notifier.ofEvent("task:12:warning")).singleElement()
                    .extracting(NotificationRecord::status).isEqualTo(NotificationStatus.SENT);
        }
    }

    @Nested
    class WithoutAChannel {

        @Test
        void shouldRecordNoChannelAndDeliverNothing() {
            Notifier withoutMail = notifierWith(List.of());
            Notification warning = warning("task:13:warning", LAN);

            assertThat(withoutMail.send(warning)).isFalse();
            assertThat(withoutMail.send(warning)).isFalse();

            assertThat(notifier.ofEvent("task:13:warning")).singleElement()
                    .extracting(NotificationRecord::status).isEqualTo(NotificationStatus.NO_CHANNEL);
            assertThat(smtp.getReceivedMessages()).isEmpty();
        }
    }

    @Nested
    class Templates {

        @Test
        void shouldRenderSubjectAndBodyFromATextTemplate() {
            Message message = notifier.render("test-warning", Map.of(
                    "dossierCode", "000.00.01.H01-261123-0001",
                    "days", 1,
                    "officer", "bà Nguyễn Thị Lan",
                    "procedureName", "Đăng ký thành lập hộ kinh doanh",
                    "dueDate", "25/11/2026",
                    "steps", List.of("Thẩm định hồ sơ", "Lãnh đạo phê duyệt")));

            assertThat(message.subject()).isEqualTo("000.00.01.H01-261123-0001: còn 1 ngày làm việc đến hạn");
            assertThat(message.body()).isEqualTo("""
                    Kính gửi bà Nguyễn Thị Lan,

                    Hồ sơ 000.00.01.H01-261123-0001 (Đăng ký thành lập hộ kinh doanh) phải trả kết quả trước ngày 25/11/2026.
                    - Thẩm định hồ sơ
                    - Lãnh đạo phê duyệt

                    Bộ phận một cửa
                    """);
        }

        @Test
        void shouldNameAMissingTemplate() {
            assertThatThrownBy(() -> notifier.render("no-such-message", Map.of()))
                    .hasMessageContaining("no-such-message");
        }
    }

    private Notifier notifierWith(List<NotificationChannel> channels) {
        return new Notifier(repository, new MessageTemplates(new StaticMessageSource()), settings, channels, transactions);
    }

    private MailChannel mailTo(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        return new MailChannel(sender, settings);
    }

    private static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Notification warning(String eventKey, Recipient to) {
        return new Notification(eventKey, null, to, new Message("Sắp đến hạn xử lý", "Còn một ngày làm việc."));
    }

    private static MimeMessage onlyMailTo(String address) throws Exception {
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(((InternetAddress) mail.getAllRecipients()[0]).getAddress()).isEqualTo(address);
        return mail;
    }

    private static String text(Multipart parts) throws Exception {
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("multipart/*")) {
                return text((Multipart) part.getContent());
            }
            if (part.isMimeType("text/plain") && part.getFileName() == null) {
                assertThat(part.getContentType()).containsIgnoringCase("charset=UTF-8");
                // SMTP carries lines as CRLF.
                return ((String) part.getContent()).replace("\r\n", "\n");
            }
        }
        throw new AssertionError("No text part in " + GreenMailUtil.getWholeMessage((jakarta.mail.Part) parts.getParent()));
    }

    private static BodyPart attachment(Multipart parts) throws Exception {
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).getFileName() != null) {
                return parts.getBodyPart(i);
            }
        }
        throw new AssertionError("No attachment");
    }
}
