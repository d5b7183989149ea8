package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestMail;
import vn.motcua.support.TestSms;

/**
 * The message matrix through the public API on PostgreSQL: each event that concerns the applicant reaches
 * them once by e-mail (GreenMail) with its document attached and once by SMS over SMPP (the in-test SMSC,
 * a real protocol exchange), whatever retries the engine makes. The transitions record the messages; the
 * jobs of {@code notification_delivery} send them ({@link #sendNotificationsOk}: the tests' job executor is off).
 */
class ApplicantMessagesIT extends IntegrationTest {

    /** Each test's applicant has a mailbox and a phone of their own: the servers keep the whole run's messages. */
    private final String email = "cong.dan." + ThreadLocalRandom.current().nextInt(1_000_000) + "@example.vn";
    private final String phone = "09" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    private final String number = "84" + phone.substring(1);

    @Autowired
    private RuntimeService runtime;

    @Autowired
    private JdbcClient jdbc;

    @AfterEach
    void smscWorksAgain() {
        TestSms.FAILURES.set(0);
    }

    @Test
    void shouldAcknowledgeAtUploadIssueTheReceiptAtAcceptanceAndSendTheResultOnline() throws Exception {
        String code = submit("ONLINE", "ONLINE");
        sendNotificationsOk(code);

        // Received: an acknowledgment, no appointment
        MimeMessage received = onlyMail("Đã nhận hồ sơ " + code + ", chờ kiểm tra");
        assertThat(pdfText(received, "giay-xac-nhan-" + code + ".pdf")).contains("GIẤY XÁC NHẬN ĐÃ NHẬN HỒ SƠ")
                .doesNotContain("Ngày hẹn trả kết quả");
        assertThat(onlySms("Đã nhận hồ sơ " + code + ", chờ kiểm tra")).isNotNull();
        assertThat(TestSms.partsTo(number)).allSatisfy(part -> {
            assertThat(part.dataCoding()).isEqualTo((byte) 0x08);
            assertThat(part.source()).isEqualTo(TestSms.BRANDNAME);
            assertThat(part.sourceTon()).isEqualTo((byte) 5);
        });

        // Accepted: the receipt with its appointment
        engine.workOk(code, "reception", "check_completeness", Map.of("receptionOutcome", "ACCEPT"));
        sendNotificationsOk(code);
        MimeMessage accepted = onlyMail("Hồ sơ " + code + " đã được tiếp nhận, hẹn trả kết quả");
        assertThat(pdfText(accepted, "giay-tiep-nhan-" + code + ".pdf")).contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ")
                .contains("Ngày hẹn trả kết quả");
        String acceptedSms = onlySms("Hồ sơ " + code + " đã được tiếp nhận, hẹn trả kết quả");
        // Longer than one UCS-2 SMS: sent in parts the phone joins again
        assertThat(acceptedSms.length()).isGreaterThan(70);
        assertThat(TestSms.partsTo(number).stream().filter(TestSms.Part::udhi).count()).isGreaterThanOrEqualTo(2);

        // Result ready online: the result attached
        engine.workOk(code, "specialist", "appraise_dossier", Map.of("proposedDecision", "APPROVE", "appraisalNote", "Đủ"));
        engine.workOk(code, "head", "approve_dossier", Map.of("approvalDecision", "APPROVE"));
        sendNotificationsOk(code);
        MimeMessage result = onlyMail("Đã có kết quả giải quyết hồ sơ " + code);
        assertThat(attachmentNames(result)).containsExactly("ket-qua-" + code + ".pdf");
        onlySms("Hồ sơ " + code + " đã có kết quả. Tải kết quả tại");

        // Every message is listed, once per event and channel
        JsonNode list = as("reception").getForObject("/api/notifications?dossier={code}", JsonNode.class, code);
        List<String> rows = new ArrayList<>();
        list.forEach(row -> rows.add(row.get("eventKey").asText().replace("dossier:" + code + ":", "") + "/"
                + row.get("channel").asText() + "/" + row.get("status").asText()));
        assertThat(rows).containsExactly("received/email/SENT", "received/sms/SENT", "accepted/email/SENT",
                "accepted/sms/SENT", "result-ready/email/SENT", "result-ready/sms/SENT");
    }

    @Test
    void shouldAskForTheSupplementWithItsDeadlineAndTellTheClosingOnceWhenTheJobIsRetried() throws Exception {
        JsonNode submitted = submitted("ONLINE", "COUNTER");
        String code = submitted.get("code").asText();
        engine.workOk(code, "reception", "check_completeness", Map.of("receptionOutcome", "INCOMPLETE",
                "missingDocuments", "Bản sao hợp đồng thuê địa điểm"));
        sendNotificationsOk(code);

        MimeMessage asked = onlyMail("Đề nghị bổ sung hồ sơ " + code + " trước");
        assertThat(body(asked)).contains("Bản sao hợp đồng thuê địa điểm").contains("Hạn bổ sung");
        assertThat(pdfText(asked, "phieu-yeu-cau-bo-sung-" + code + ".pdf"))
                .contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ").contains("Bản sao hợp đồng thuê địa điểm");
        assertThat(onlySms("Hồ sơ " + code + " cần bổ sung: Bản sao hợp đồng thuê địa điểm. Hạn bổ sung:")).isNotNull();
        JsonNode tracked = track(code, submitted.get("lookupSecret").asText());
        assertThat(tracked.get("supplementRequest").asText()).isEqualTo("Bản sao hợp đồng thuê địa điểm");
        assertThat(tracked.get("supplementDue").isNull()).isFalse();

        // The supplement time runs out; the SMSC is busy on the first attempt of the SMS's job
        engine.fireTimer(code, "supplement_timed_out");
        TestSms.FAILURES.set(1);
        assertThat(sendNotifications(code)).hasSize(1);
        assertThat(sendNotifications(code)).isEmpty();

        assertThat(dossier(code).get("status").asText()).isEqualTo("CLOSED_WITHOUT_SUPPLEMENT");
        assertThat(body(onlyMail("Hồ sơ " + code + " đã đóng"))).contains("không được bổ sung đúng hạn");
        assertThat(onlySms("Hồ sơ " + code + " đã đóng do không bổ sung đúng hạn")).isNotNull();
        JsonNode closed = as("reception").getForObject("/api/notifications?dossier={code}", JsonNode.class, code);
        List<String> closedRows = new ArrayList<>();
        closed.forEach(row -> {
            if (row.get("eventKey").asText().endsWith(":closed")) {
                closedRows.add(row.get("channel").asText() + "/" + row.get("status").asText() + "/" + row.get("attempts").asInt());
            }
        });
        // The e-mail went out on the first attempt and was not sent again; the SMS on the second
        assertThat(closedRows).containsExactly("email/SENT/1", "sms/SENT/2");
    }

    @Test
    void shouldTellTheRefusalWithItsReasonAndFormThree() throws Exception {
        JsonNode submitted = submitted("POST", "POST");
        String code = submitted.get("code").asText();
        String secret = submitted.get("lookupSecret").asText();
        sendNotificationsOk(code);
        onlyMail("Đã nhận hồ sơ " + code + ", chờ kiểm tra");
        engine.workOk(code, "reception", "check_completeness",
                Map.of("receptionOutcome", "REFUSE", "refusalReason", "Không thuộc thẩm quyền giải quyết"));
        sendNotificationsOk(code);

        MimeMessage refused = onlyMail("Hồ sơ " + code + " không được tiếp nhận");
        assertThat(body(refused)).contains("Lý do: Không thuộc thẩm quyền giải quyết");
        assertThat(pdfText(refused, "phieu-tu-choi-" + code + ".pdf"))
                .contains("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ").contains("Không thuộc thẩm quyền giải quyết");
        assertThat(onlySms("Hồ sơ " + code + " không được tiếp nhận. Lý do: Không thuộc thẩm quyền giải quyết"))
                .isNotNull();

        // Tracking shows the reason; the receipt downloaded now promises no appointment
        assertThat(track(code, secret).get("refusalReason").asText()).isEqualTo("Không thuộc thẩm quyền giải quyết");
        assertThat(receiptText(code, secret)).contains("GIẤY XÁC NHẬN ĐÃ NHẬN HỒ SƠ", "Từ chối tiếp nhận")
                .doesNotContain("Ngày hẹn trả kết quả", "HẸN TRẢ KẾT QUẢ");
    }

    @Test
    void shouldReachAnApplicantWithoutEMailBySmsOnly() {
        Map<String, Object> data = householdBusiness("Đỗ Văn Giang");
        data.remove("applicantEmail");
        data.put("applicantPhone", phone);
        ResponseEntity<JsonNode> response = submit(UNIT, "ONLINE", "COUNTER", data);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String code = response.getBody().get("code").asText();
        sendNotificationsOk(code);

        JsonNode list = as("reception").getForObject("/api/notifications?dossier={code}", JsonNode.class, code);
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("channel").asText()).isEqualTo("sms");
        assertThat(list.get(0).get("recipientAddress").asText()).isEqualTo(number);
        assertThat(TestSms.textsTo(number)).hasSize(1);
    }

    @Test
    void shouldTakeTheUploadWhenTheSmscIsDownAndSendTheAcknowledgmentWhenItIsBack() {
        Map<String, Object> data = householdBusiness("Tạ Văn Khoa");
        data.remove("applicantEmail");
        data.put("applicantPhone", phone);
        TestSms.FAILURES.set(1);
        ResponseEntity<JsonNode> response = submit(UNIT, "ONLINE", "COUNTER", data);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String code = response.getBody().get("code").asText();
        assertThat(statuses(code, "received")).containsExactly("sms/PENDING/0");
        assertThat(sendNotifications(code)).hasSize(1);
        JsonNode list = as("reception").getForObject("/api/notifications?dossier={code}", JsonNode.class, code);
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("status").asText()).isEqualTo("FAILED");
        assertThat(list.get(0).get("lastError").asText()).contains("0x8");
        assertThat(TestSms.textsTo(number)).isEmpty();

        // The engine retries the job: the acknowledgment goes, once
        sendNotificationsOk(code);
        assertThat(statuses(code, "received")).containsExactly("sms/SENT/2");
        assertThat(TestSms.textsTo(number)).hasSize(1);
    }

    @Test
    void shouldAcceptTheDossierWhileTheSmscIsDownAndSendTheReceiptOnceWhenItIsBack() throws Exception {
        String code = submit("ONLINE", "COUNTER");
        sendNotificationsOk(code); // the acknowledgment
        String acceptedSms = "Hồ sơ " + code + " đã được tiếp nhận, hẹn trả kết quả";

        // The SMSC answers every submit with an error: the officer's step still goes through
        TestSms.FAILURES.set(Integer.MAX_VALUE);
        ResponseEntity<JsonNode> accepted = engine.work(code, "reception", "check_completeness",
                Map.of("receptionOutcome", "ACCEPT"));
        assertThat(accepted.getStatusCode()).as(String.valueOf(accepted.getBody())).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(dossier(code).get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(engine.openTasks(code)).extracting(task -> task.get("taskDefinitionKey").asText())
                .containsExactly("appraise_dossier");
        assertThat(statuses(code, "accepted")).containsExactly("email/PENDING/0", "sms/PENDING/0");

        // The jobs run: the e-mail goes, the SMS fails and waits for the engine's retry
        assertThat(sendNotifications(code)).hasSize(1);
        assertThat(sendNotifications(code)).hasSize(1);
        assertThat(statuses(code, "accepted")).containsExactly("email/SENT/1", "sms/FAILED/2");
        assertThat(TestSms.textsTo(number)).noneMatch(text -> text.startsWith(acceptedSms));
        onlyMail("Hồ sơ " + code + " đã được tiếp nhận, hẹn trả kết quả");

        // The SMSC is back: the retried job sends the SMS, once, and the instance ends
        TestSms.FAILURES.set(0);
        sendNotificationsOk(code);
        assertThat(onlySms(acceptedSms)).isNotNull();
        assertThat(statuses(code, "accepted")).containsExactly("email/SENT/1", "sms/SENT/3");
        assertThat(sendNotifications(code)).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("dossier:" + code + ":accepted")
                .count()).isZero();

        // A second job for a row already sent (a lock that expired, another node) sends nothing
        long sms = jdbc.sql("select id from notification where event_key = ? and channel = 'sms'")
                .param("dossier:" + code + ":accepted").query(Long.class).single();
        runtime.startProcessInstanceByKey("notification_delivery", "dossier:" + code + ":accepted",
                Map.of("notificationId", sms));
        sendNotificationsOk(code);
        assertThat(TestSms.textsTo(number).stream().filter(text -> text.startsWith(acceptedSms))).hasSize(1);
        assertThat(statuses(code, "accepted")).containsExactly("email/SENT/1", "sms/SENT/3");
    }

    /** channel/status/attempts of the dossier's notifications of one event, oldest first. */
    private List<String> statuses(String code, String event) {
        JsonNode list = as("reception").getForObject("/api/notifications?dossier={code}", JsonNode.class, code);
        List<String> rows = new ArrayList<>();
        list.forEach(row -> {
            if (row.get("eventKey").asText().equals("dossier:" + code + ":" + event)) {
                rows.add(row.get("channel").asText() + "/" + row.get("status").asText() + "/" + row.get("attempts").asInt());
            }
        });
        return rows;
    }

    private String submit(String channel, String resultChannel) {
        return submitted(channel, resultChannel).get("code").asText();
    }

    /** The tracking view and the receipt PDF's text, as the applicant gets them with code and secret. */
    private JsonNode track(String code, String secret) {
        return http.postForEntity("/api/tracking", new HttpEntity<>(Map.of("code", code, "secret", secret),
                TrackingIT.headers(TrackingIT.client())), JsonNode.class).getBody();
    }

    private String receiptText(String code, String secret) throws Exception {
        byte[] pdf = http.postForEntity("/api/tracking/receipt", new HttpEntity<>(Map.of("code", code, "secret", secret),
                TrackingIT.headers(TrackingIT.client())), byte[].class).getBody();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private JsonNode submitted(String channel, String resultChannel) {
        Map<String, Object> data = householdBusiness("Ngô Thị Hạnh");
        data.put("applicantEmail", email);
        data.put("applicantPhone", phone.substring(0, 4) + " " + phone.substring(4, 7) + " " + phone.substring(7));
        ResponseEntity<JsonNode> response = submit(UNIT, channel, resultChannel, data);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        return response.getBody();
    }

    /** The one e-mail to this test's applicant whose subject starts so. */
    private MimeMessage onlyMail(String subjectStart) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage mail : TestMail.to(email)) {
            if (mail.getSubject().startsWith(subjectStart)) {
                found.add(mail);
            }
        }
        assertThat(found).as("e-mails starting '%s'", subjectStart).hasSize(1);
        return found.get(0);
    }

    /** The one SMS to this test's applicant that starts so. */
    private String onlySms(String start) {
        List<String> found = TestSms.textsTo(number).stream().filter(text -> text.startsWith(start)).toList();
        assertThat(found).as("SMS starting '%s' among %s", start, TestSms.textsTo(number)).hasSize(1);
        return found.get(0);
    }

    private static String body(MimeMessage mail) throws Exception {
        Object content = mail.getContent();
        if (content instanceof String text) {
            return text;
        }
        Multipart parts = (Multipart) content;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart nested) {
                for (int j = 0; j < nested.getCount(); j++) {
                    if (nested.getBodyPart(j).isMimeType("text/plain")) {
                        return (String) nested.getBodyPart(j).getContent();
                    }
                }
            }
        }
        throw new AssertionError("no text part");
    }

    private static List<String> attachmentNames(MimeMessage mail) throws Exception {
        List<String> names = new ArrayList<>();
        if (mail.getContent() instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
                    names.add(parts.getBodyPart(i).getFileName());
                }
            }
        }
        return names;
    }

    private static String pdfText(MimeMessage mail, String fileName) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (fileName.equals(part.getFileName())) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (InputStream in = part.getInputStream()) {
                    in.transferTo(bytes);
                }
                try (PDDocument pdf = Loader.loadPDF(bytes.toByteArray())) {
                    return new PDFTextStripper().getText(pdf);
                }
            }
        }
        throw new AssertionError("no attachment " + fileName + " in " + attachmentNames(mail));
    }
}
