package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import vn.motcua.printing.VietnameseDates;
import vn.motcua.support.IntegrationTest;

/** The applicant's side over REST: lookup secret, tracking, rate limits, receipt PDF, rating. */
class TrackingIT extends IntegrationTest {

    private static final String SECRET_FORMAT = "[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}";

    @Test
    void shouldTrackWithTheSecretIssuedOnce() {
        JsonNode submitted = submittedWithSecret("ONLINE", "COUNTER", "Đặng Thu Trang");
        String code = submitted.get("code").asText();
        String secret = submitted.get("lookupSecret").asText();
        assertThat(secret).matches(SECRET_FORMAT);
        // The secret is never readable again.
        assertThat(dossier(code).has("lookupSecret")).isFalse();

        ResponseEntity<JsonNode> tracked = track(client(), code, secret);
        assertThat(tracked.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tracked.getBody().get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(tracked.getBody().get("applicantName").asText()).isEqualTo("Đặng Thu Trang");
        assertThat(tracked.getBody().get("timeline").get(0).get("type").asText()).isEqualTo("SUBMITTED");

        // People type it in lower case, with spaces, O for 0 and I or L for 1.
        String typed = secret.toLowerCase().replace('-', ' ').replace("0", "o").replace("1", "l");
        assertThat(track(client(), code, typed).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void shouldAnswerAWrongSecretLikeAnUnknownCode() {
        String code = submittedWithSecret("ONLINE", "COUNTER", "Lý Văn Phúc").get("code").asText();
        String client = client();

        ResponseEntity<JsonNode> wrongSecret = track(client, code, "AAAAA-BBBBB-CCCCC-DDDDD");
        ResponseEntity<JsonNode> unknownCode = track(client, UNIT + "-991231-9999", "AAAAA-BBBBB-CCCCC-DDDDD");

        assertThat(wrongSecret.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknownCode.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(wrongSecret.getBody()).isEqualTo(unknownCode.getBody());
        assertThat(wrongSecret.getBody().get("detail").asText()).contains("Mã hồ sơ hoặc mã tra cứu không đúng");
    }

    /** The buckets refill by the engine's clock, held still here so that only the requests count. */
    @Nested
    class RateLimits {

        @BeforeEach
        void holdTheClock() {
            ClockUtil.reset();
            ClockUtil.setCurrentTime(ClockUtil.getCurrentTime());
        }

        @AfterEach
        void releaseTheClock() {
            ClockUtil.reset();
        }

        @Test
        void shouldRefuseAClientAfterTenFailedAttemptsOnACodeButNeverItsOwner() {
            JsonNode submitted = submittedWithSecret("ONLINE", "COUNTER", "Trịnh Minh Khoa");
            String code = submitted.get("code").asText();
            String guesser = client();
            for (int attempt = 1; attempt <= 10; attempt++) {
                assertThat(track(guesser, code, "WRONG-" + attempt).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            }

            ResponseEntity<JsonNode> locked = track(guesser, code, "WRONG-11");

            assertThat(locked.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(locked.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(locked.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).matches("[1-9][0-9]*");
            assertThat(locked.getBody().get("retryAfterSeconds").asLong()).isPositive();
            // The owner, from their own address, is not locked out by someone else's guesses (issue 15 item 6).
            assertThat(track(client(), code, submitted.get("lookupSecret").asText()).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }

        @Test
        void shouldRefuseAClientAfterThirtyLookupsAMinute() {
            String client = client();
            for (int attempt = 1; attempt <= 30; attempt++) {
                assertThat(track(client, UNIT + "-991231-" + (1000 + attempt), "X").getStatusCode())
                        .isEqualTo(HttpStatus.NOT_FOUND);
            }
            JsonNode submitted = submittedWithSecret("ONLINE", "COUNTER", "Mai Anh Tuấn");

            ResponseEntity<JsonNode> refused = track(client, submitted.get("code").asText(),
                    submitted.get("lookupSecret").asText());

            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            // Another client is not affected.
            assertThat(track(client(), submitted.get("code").asText(), submitted.get("lookupSecret").asText())
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void shouldPrintTheReceiptInVietnameseWithAQrCodeToTheTrackingPage() throws IOException, com.google.zxing.ReaderException {
        JsonNode submitted = submittedWithSecret("COUNTER", "ONLINE", "Nguyễn Thị Hường");
        String code = submitted.get("code").asText();
        String secret = submitted.get("lookupSecret").asText();

        ResponseEntity<byte[]> receipt = http.exchange("/api/tracking/receipt", org.springframework.http.HttpMethod.POST,
                new HttpEntity<>(Map.of("code", code, "secret", secret), headers(client())), byte[].class);

        assertThat(receipt.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(receipt.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        try (PDDocument pdf = Loader.loadPDF(receipt.getBody())) {
            // Exact characters; the layout may break a line anywhere.
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("ỦY BAN NHÂN DÂN QUẬN BA ĐÌNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                    "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Mã hồ sơ: " + code, "Nguyễn Thị Hường",
                    "Đăng ký thành lập hộ kinh doanh", "Trực tiếp tại bộ phận một cửa",
                    "Trực tuyến (tải về trên trang tra cứu)", "Phí, lệ phí: 100.000 đồng, nộp trước khi giải quyết",
                    "Ngày hẹn trả kết quả: " + VietnameseDates.timeAndDate(
                            java.time.Instant.parse(dossier(code).get("dueAt").asText()), java.time.ZoneId.of("Asia/Ho_Chi_Minh")),
                    "Mã tra cứu hồ sơ:", secret, "Quét mã để theo dõi hồ sơ",
                    "Thành phần hồ sơ đã nhận:", "Giấy đề nghị đăng ký hộ kinh doanh", "giấy-đề-nghị.pdf",
                    "Bản sao giấy tờ pháp lý của cá nhân", "cccd.png");
            assertThat(qrCode(pdf)).isEqualTo("http://localhost:8080/tra-cuu?ma=" + code + "#k=" + secret);
        }
    }

    @Nested
    class OnlineResult {

        @Test
        void shouldPublishTheRegistrationCertificateWhenApproved() throws IOException {
            JsonNode submitted = submittedWithSecret("ONLINE", "ONLINE", "Cao Thị Yến");
            String code = submitted.get("code").asText();
            String secret = submitted.get("lookupSecret").asText();
            assertThat(result(code, secret).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

            decide(code, "APPROVE", null);

            assertThat(dossier(code).get("status").asText()).isEqualTo("RESULT_RETURNED");
            assertThat(track(client(), code, secret).getBody().get("resultAvailable").asBoolean()).isTrue();
            ResponseEntity<byte[]> result = result(code, secret);
            assertThat(result.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(result.getHeaders().getContentDisposition().getFilename()).isEqualTo("ket-qua-" + code + ".pdf");
            assertThat(text(result.getBody())).contains("GIẤY CHỨNG NHẬN ĐĂNG KÝ HỘ KINH DOANH", "Số: " + code,
                    "Hộ kinh doanh Phở Hà Nội", "25 Phố Kim Mã, Ba Đình, Hà Nội", "150.000.000 đồng", "Cao Thị Yến");
            JsonNode documents = as("reception").getForObject("/api/dossiers/{code}/documents", JsonNode.class, code);
            assertThat(column(documents, "purpose")).containsExactly("SUBMISSION", "SUBMISSION", "DRAFT", "RESULT");
        }

        @Test
        void shouldPublishTheReasonedRefusalWhenRejected() throws IOException {
            JsonNode submitted = submittedWithSecret("ONLINE", "ONLINE", "Đoàn Văn Hải");
            String code = submitted.get("code").asText();

            decide(code, "REJECT", "Ngành nghề kinh doanh thuộc danh mục cấm");

            ResponseEntity<byte[]> result = result(code, submitted.get("lookupSecret").asText());
            assertThat(result.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(result.getHeaders().getContentDisposition().getFilename())
                    .isEqualTo("thong-bao-tu-choi-" + code + ".pdf");
            assertThat(text(result.getBody())).contains("THÔNG BÁO TỪ CHỐI GIẢI QUYẾT HỒ SƠ", "Kính gửi: Đoàn Văn Hải",
                    "không chấp thuận", "Ngành nghề kinh doanh thuộc danh mục cấm");
        }

        @Test
        void shouldHaveNothingToDownloadWhenTheResultIsHandedOverAtTheCounter() {
            JsonNode submitted = submittedWithSecret("ONLINE", "COUNTER", "Tạ Quang Vinh");
            String code = submitted.get("code").asText();
            decide(code, "APPROVE", null);
            engine.workOk(code, "reception", "hand_over_at_counter",
                    Map.of("receiverName", "Tạ Quang Vinh", "receiverIdNumber", "001085012345"));

            assertThat(result(code, submitted.get("lookupSecret").asText()).getStatusCode())
                    .isEqualTo(HttpStatus.NOT_FOUND);
        }

        private void decide(String code, String decision, String reason) {
            engine.workOk(code, "reception", "check_completeness", Map.of("receptionOutcome", "ACCEPT"));
            engine.workOk(code, "specialist", "appraise_dossier",
                    Map.of("proposedDecision", decision, "appraisalNote", "Thẩm định xong"));
            Map<String, Object> approval = new LinkedHashMap<>();
            approval.put("approvalDecision", decision);
            if (reason != null) {
                approval.put("decisionReason", reason);
            }
            engine.workOk(code, "head", "approve_dossier", approval);
        }

        private ResponseEntity<byte[]> result(String code, String secret) {
            return http.exchange("/api/tracking/result", org.springframework.http.HttpMethod.POST,
                    new HttpEntity<>(Map.of("code", code, "secret", secret), headers(client())), byte[].class);
        }

        private static String text(byte[] pdf) throws IOException {
            try (PDDocument document = Loader.loadPDF(pdf)) {
                return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            }
        }
    }

    @Test
    void shouldRateOnceAfterTheResultWasReturned() {
        JsonNode submitted = submittedWithSecret("ONLINE", "COUNTER", "Phan Văn Đức");
        String code = submitted.get("code").asText();
        String secret = submitted.get("lookupSecret").asText();
        Map<String, Object> rating = Map.of("overall", "VERY_SATISFIED", "timeliness", "SATISFIED",
                "staffAttitude", "VERY_SATISFIED", "informationClarity", "NOT_SATISFIED", "contactsNeeded", 2,
                "comment", "Cần hướng dẫn rõ hơn về vốn");

        assertThat(evaluate(code, secret, rating).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        engine.workOk(code, "reception", "check_completeness", Map.of("receptionOutcome", "ACCEPT"));
        engine.workOk(code, "specialist", "appraise_dossier", Map.of("proposedDecision", "APPROVE", "appraisalNote", "Đủ"));
        engine.workOk(code, "head", "approve_dossier", Map.of("approvalDecision", "APPROVE"));
        engine.workOk(code, "reception", "hand_over_at_counter",
                Map.of("receiverName", "Phan Văn Đức", "receiverIdNumber", "001085012345"));

        ResponseEntity<JsonNode> first = evaluate(code, secret, rating);
        assertThat(first.getStatusCode()).as(String.valueOf(first.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getBody().get("informationClarity").asText()).isEqualTo("NOT_SATISFIED");
        assertThat(first.getBody().get("unitCode").asText()).isEqualTo(UNIT);

        ResponseEntity<JsonNode> second = evaluate(code, secret, Map.of("overall", "NOT_SATISFIED",
                "timeliness", "NOT_SATISFIED", "staffAttitude", "NOT_SATISFIED", "informationClarity", "NOT_SATISFIED",
                "contactsNeeded", 5));
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getBody().get("reason").asText()).isEqualTo("already-evaluated");
        JsonNode tracked = track(client(), code, secret).getBody();
        assertThat(tracked.get("evaluation").get("overall").asText()).isEqualTo("VERY_SATISFIED");
        assertThat(tracked.get("canEvaluate").asBoolean()).isFalse();
    }

    @Test
    void shouldAnswerTheSupplementRequestWithDocumentsOverTheApi() {
        JsonNode submitted = submittedWithSecret("ONLINE", "COUNTER", "Kiều Văn Lộc");
        String code = submitted.get("code").asText();
        String secret = submitted.get("lookupSecret").asText();
        engine.workOk(code, "reception", "check_completeness", Map.of("receptionOutcome", "INCOMPLETE",
                "missingDocuments", "Bản sao hợp đồng thuê địa điểm"));
        org.springframework.util.MultiValueMap<String, Object> files = new org.springframework.util.LinkedMultiValueMap<>();
        files.add("premisesPapers", file("hop-dong-thue.pdf", vn.motcua.support.TestFiles.pdf("Hop dong thue")));

        ResponseEntity<JsonNode> wrongSecret = postMultipart("/api/tracking/supplement", "supplement",
                Map.of("code", code, "secret", "AAAAA-BBBBB-CCCCC-DDDDD", "note", "Bổ sung"), files);
        assertThat(wrongSecret.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> answered = postMultipart("/api/tracking/supplement", "supplement",
                Map.of("code", code, "secret", secret, "note", "Đã bổ sung hợp đồng thuê"), files);
        assertThat(answered.getStatusCode()).as(String.valueOf(answered.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(answered.getBody().get("status").asText()).isEqualTo("SUBMITTED");
        JsonNode documents = as("reception").getForObject("/api/dossiers/{code}/documents", JsonNode.class, code);
        assertThat(column(documents, "name")).contains("hop-dong-thue.pdf");
    }

    @Test
    void shouldRefuseARatingOutOfRange() {
        JsonNode submitted = submittedWithSecret("ONLINE", "COUNTER", "Hà Thị Lan");
        ResponseEntity<JsonNode> refused = evaluate(submitted.get("code").asText(),
                submitted.get("lookupSecret").asText(), Map.of("overall", "DELIGHTED", "timeliness", "SATISFIED",
                        "staffAttitude", "SATISFIED", "informationClarity", "SATISFIED", "contactsNeeded", 1));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void shouldRecordTheCounterChannelAndTheDesk() {
        JsonNode submitted = submittedWithSecret("POST", "POST", "Bùi Văn Nam");
        JsonNode dossier = dossier(submitted.get("code").asText());
        assertThat(dossier.get("channel").asText()).isEqualTo("POST");
        assertThat(dossier.get("controlSheet").get(0).get("actor").asText()).isEqualTo("reception");
        assertThat(dossier.get("controlSheet").get(0).get("outcome").asText()).isEqualTo("POST");
    }

    private JsonNode submittedWithSecret(String channel, String resultChannel, String applicant) {
        ResponseEntity<JsonNode> response = submit(UNIT, channel, resultChannel, householdBusiness(applicant));
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        return response.getBody();
    }

    private ResponseEntity<JsonNode> track(String client, String code, String secret) {
        return http.postForEntity("/api/tracking", new HttpEntity<>(Map.of("code", code, "secret", secret),
                headers(client)), JsonNode.class);
    }

    private ResponseEntity<JsonNode> evaluate(String code, String secret, Map<String, Object> rating) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("secret", secret);
        body.put("rating", rating);
        return http.postForEntity("/api/tracking/evaluation", new HttpEntity<>(body, headers(client())), JsonNode.class);
    }

    /** A client address of its own (through the proxy header the server trusts from loopback), so tests never share a client bucket. */
    static String client() {
        int random = java.util.concurrent.ThreadLocalRandom.current().nextInt(1 << 16);
        return "198.51." + (random >> 8) + "." + (random & 0xff);
    }

    static HttpHeaders headers(String client) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Forwarded-For", client);
        return headers;
    }

    private static String qrCode(PDDocument pdf) throws IOException, com.google.zxing.ReaderException {
        var resources = pdf.getPage(0).getResources();
        for (var name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDImageXObject image) {
                BufferedImage picture = image.getImage();
                return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                        new BufferedImageLuminanceSource(picture)))).getText();
            }
        }
        throw new AssertionError("no image on the receipt");
    }
}
