package vn.motcua.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.support.Browser;
import vn.motcua.support.IntegrationTest;

/**
 * Fees on PostgreSQL: quotes, a fee-bearing dossier paid online end to end, hostile and concurrent bank
 * notices (only the valid one moves the dossier, once), cash at the counter, the exception list and totals.
 * The unit is Quận Hoàn Kiếm, the demo unit that collects fees through motcua (application-demo.yaml).
 */
class PaymentsIT extends IntegrationTest {

    private static final String BANK = "demobank";
    private static final String SECRET = "demo-bank-secret-not-for-production";
    private static final String ACCOUNT = "0011000000002";
    private static final String FEE = "100000";

    @Test
    void shouldQuoteFeesBeforeSubmission() {
        ResponseEntity<JsonNode> household = http.postForEntity("/api/procedures/{key}/fee-quote",
                Map.of("data", householdBusiness("Nguyễn Văn An")), JsonNode.class, PROCEDURE);
        assertThat(household.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(household.getBody().get("amount").asLong()).isEqualTo(100000);
        assertThat(household.getBody().get("stage").asText()).isEqualTo("BEFORE_PROCESSING");

        // The certified copy's whole fee comes from its table: 2 copies of 5 pages = 2 x (2 x 2,000 + 3 x 1,000)
        ResponseEntity<JsonNode> copies = http.postForEntity("/api/procedures/{key}/fee-quote",
                Map.of("data", Map.of("pages", 5, "copies", 2)), JsonNode.class, "certified_copy");
        assertThat(copies.getBody().get("fixed").asLong()).isZero();
        assertThat(copies.getBody().get("decided").asLong()).isEqualTo(14000);
        assertThat(copies.getBody().get("amount").asLong()).isEqualTo(14000);

        ResponseEntity<JsonNode> noPages = http.postForEntity("/api/procedures/{key}/fee-quote",
                Map.of("data", Map.of("copies", 2)), JsonNode.class, "certified_copy");
        assertThat(noPages.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noPages.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }

    @Test
    void shouldTakeFeeBearingDossierEndToEndWithOnlinePayment() throws IOException {
        // Given an online dossier, whose receipt already states the fee, accepted at the desk of a unit that
        // collects fees online
        ResponseEntity<JsonNode> submitted = submit(OTHER_UNIT, "ONLINE", "COUNTER", householdBusiness("Nguyễn Thị Thu"));
        String code = submitted.getBody().get("code").asText();
        Map<String, String> lookup = Map.of("code", code, "secret", submitted.getBody().get("lookupSecret").asText());
        ResponseEntity<byte[]> slip = http.postForEntity("/api/tracking/receipt", lookup, byte[].class);
        assertThat(text(slip.getBody())).contains("100.000 đồng, nộp trước khi giải quyết");
        assertThat(http.postForEntity("/api/tracking/fee-receipt", lookup, byte[].class).getStatusCode())
                .as("no fee receipt before the fee is assessed at acceptance").isEqualTo(HttpStatus.NOT_FOUND);
        engine.workOk(code, "reception2", "check_completeness", Map.of("receptionOutcome", "ACCEPT"));
        assertThat(dossier(code).get("status").asText()).isEqualTo("AWAITING_PAYMENT");
        assertThat(engine.openTasks(code)).isEmpty();

        // The applicant's payment code names the unit's account, the fee and the dossier
        JsonNode fee = as("reception2").getForEntity("/api/payments/{code}", JsonNode.class, code).getBody();
        assertThat(fee.get("fee").get("status").asText()).isEqualTo("DUE");
        assertThat(fee.get("paymentCode").asText()).startsWith("000201010212").contains("0006970436", "0113" + ACCOUNT,
                "5406" + FEE, "0825" + code);

        // The tracking page shows the applicant the same code, as a QR image
        JsonNode tracked = http.postForEntity("/api/tracking", lookup, JsonNode.class).getBody().get("payment");
        assertThat(tracked.get("status").asText()).isEqualTo("DUE");
        assertThat(tracked.get("paymentCode").asText()).isEqualTo(fee.get("paymentCode").asText());
        assertThat(tracked.get("qrImage").asText()).startsWith("data:image/png;base64,");

        // When the bank's notice of the transfer arrives
        ResponseEntity<JsonNode> notice = notice("E2E-" + code, Long.parseLong(FEE), code);
        assertThat(notice.getStatusCode()).as(String.valueOf(notice.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(notice.getBody().get("outcome").asText()).isEqualTo("MATCHED");

        // Then the dossier goes on to the specialist, and to the end
        assertThat(dossier(code).get("status").asText()).isEqualTo("IN_PROGRESS");
        engine.workOk(code, "specialist2", "appraise_dossier",
                Map.of("proposedDecision", "APPROVE", "appraisalNote", "Đủ điều kiện"));
        engine.workOk(code, "head2", "approve_dossier", Map.of("approvalDecision", "APPROVE"));
        engine.workOk(code, "reception2", "hand_over_at_counter",
                Map.of("receiverName", "Nguyễn Thị Thu", "receiverIdNumber", "001085012345"));
        JsonNode dossier = dossier(code);
        assertThat(dossier.get("status").asText()).isEqualTo("RESULT_RETURNED");
        assertThat(column(dossier.get("controlSheet"), "type")).containsSubsequence("ACCEPTED", "PAYMENT_REQUESTED",
                "CLOCK_PAUSED", "PAYMENT_RECEIVED", "CLOCK_RESTARTED", "DECIDED", "RESULT_RETURNED");

        // And the fee receipt says what was paid, in figures and in words
        ResponseEntity<byte[]> receipt = as("reception2").getForEntity("/api/payments/{code}/receipt.pdf", byte[].class, code);
        assertThat(receipt.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(text(receipt.getBody())).contains("BIÊN LAI THU PHÍ, LỆ PHÍ ĐIỆN TỬ", code, "100.000 đồng",
                "Một trăm nghìn đồng", "Chuyển khoản");
        ResponseEntity<byte[]> applicantsCopy = http.postForEntity("/api/tracking/fee-receipt", lookup, byte[].class);
        assertThat(text(applicantsCopy.getBody())).contains("BIÊN LAI THU PHÍ, LỆ PHÍ ĐIỆN TỬ", code);
        JsonNode paid = http.postForEntity("/api/tracking", lookup, JsonNode.class).getBody().get("payment");
        assertThat(paid.get("status").asText()).isEqualTo("PAID");
        assertThat(paid.hasNonNull("qrImage")).as("no code to pay with once paid").isFalse();
    }

    @Test
    void shouldMoveDossierOnlyForValidNoticeAndOnlyOnce() {
        String code = awaitingPayment("Trần Văn Bình");
        String body = body("VALID-" + code, 100000, code);
        long now = ClockUtil.getCurrentTime().toInstant().getEpochSecond();

        // Unsigned, forged (another body's signature), signed with another secret, an unknown bank, out of time
        assertThat(post(body, null, null, null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(post(body, BANK, now, sign(SECRET, now, body("OTHER", 100000, code))).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(post(body, BANK, now, sign("guessed-secret", now, body)).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(post(body, "otherbank", now, sign(SECRET, now, body)).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        long stale = now - Duration.ofMinutes(6).toSeconds();
        assertThat(post(body, BANK, stale, sign(SECRET, stale, body)).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // A valid signature cannot carry a body out of shape
        String malformed = "{\"noticeId\":\"X\",\"account\":\"" + ACCOUNT + "\",\"amount\":-5,\"reference\":\"\"}";
        assertThat(post(malformed, BANK, now, sign(SECRET, now, malformed)).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        // Signed but mismatched: too little, or a reference naming no dossier
        assertThat(notice("PARTIAL-" + code, 50000, code).getBody().get("outcome").asText()).isEqualTo("PARTIAL");
        assertThat(notice("UNKNOWN-" + code, 100000, "hoc phi con trai").getBody().get("outcome").asText()).isEqualTo("UNKNOWN");
        assertThat(dossier(code).get("status").asText()).isEqualTo("AWAITING_PAYMENT");

        // The valid notice moves the dossier
        assertThat(post(body, BANK, now, sign(SECRET, now, body)).getBody().get("outcome").asText()).isEqualTo("MATCHED");
        assertThat(engine.tasksFor(code, "specialist2")).hasSize(1);

        // Its replay is refused; a second payment of the same fee is filed as a duplicate
        assertThat(post(body, BANK, now, sign(SECRET, now, body)).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(notice("AGAIN-" + code, 100000, code).getBody().get("outcome").asText()).isEqualTo("DUPLICATE");

        JsonNode sheet = dossier(code).get("controlSheet");
        assertThat(column(sheet, "type").stream().filter("PAYMENT_RECEIVED"::equals)).hasSize(1);
        assertThat(engine.tasksFor(code, "specialist2")).hasSize(1);
        List<String> kinds = exceptionsOf(code).stream().map(e -> e.get("kind").asText()).toList();
        assertThat(kinds).containsExactlyInAnyOrder("PARTIAL", "DUPLICATE");
    }

    @Test
    void shouldRecordExactlyOnePaymentWhenNoticesArriveTogether() throws Exception {
        String code = awaitingPayment("Lê Thị Cúc");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<ResponseEntity<JsonNode>>> notices = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String id = "RACE-" + i + "-" + code;
                notices.add(() -> notice(id, 100000, code));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<ResponseEntity<JsonNode>> answer : pool.invokeAll(notices)) {
                outcomes.add(answer.get().getBody().get("outcome").asText());
            }
            assertThat(outcomes).containsOnly("MATCHED", "DUPLICATE").filteredOn("MATCHED"::equals).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(column(dossier(code).get("controlSheet"), "type").stream().filter("PAYMENT_RECEIVED"::equals)).hasSize(1);
        assertThat(engine.tasksFor(code, "specialist2")).hasSize(1);
    }

    @Test
    void shouldTakeCashAtCounterOnceAndOnlyAtTheUnitsDesk() {
        String code = awaitingPayment("Phạm Văn Dũng");

        assertThat(as("reception").postForEntity("/api/payments/{code}/cash", Map.of("amount", 100000), JsonNode.class, code)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.postForEntity("/api/payments/{code}/cash", Map.of("amount", 100000), JsonNode.class, code)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as("reception2").postForEntity("/api/payments/{code}/cash", Map.of("amount", 90000), JsonNode.class, code)
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        ResponseEntity<JsonNode> cash = as("reception2").postForEntity("/api/payments/{code}/cash", Map.of("amount", 100000),
                JsonNode.class, code);
        assertThat(cash.getStatusCode()).as(String.valueOf(cash.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(cash.getBody().get("paidBy").asText()).isEqualTo("CASH");
        assertThat(cash.getBody().get("recordedBy").asText()).isEqualTo("reception2");
        assertThat(dossier(code).get("status").asText()).isEqualTo("IN_PROGRESS");

        assertThat(as("reception2").postForEntity("/api/payments/{code}/cash", Map.of("amount", 100000), JsonNode.class, code)
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        // The bank transfer that comes after the cash is the desk's to refund
        assertThat(notice("LATE-" + code, 100000, code).getBody().get("outcome").asText()).isEqualTo("DUPLICATE");
    }

    @Test
    void shouldLetOnlyTheUnitsDeskSeeAndResolveItsExceptions() {
        String code = awaitingPayment("Vũ Thị Hoa");
        notice("SHORT-" + code, 10000, code);
        JsonNode exception = exceptionsOf(code).get(0);
        long id = exception.get("id").asLong();

        assertThat(as("reception").getForEntity("/api/payments/exceptions?unit={unit}", JsonNode.class, OTHER_UNIT)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("specialist2").getForEntity("/api/payments/exceptions?unit={unit}", JsonNode.class, OTHER_UNIT)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("reception").postForEntity("/api/payments/exceptions/{id}/resolve", Map.of("note", "x"), JsonNode.class, id)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("reception").getForEntity("/api/payments/exceptions", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<JsonNode> resolved = as("reception2").postForEntity("/api/payments/exceptions/{id}/resolve",
                Map.of("note", "Đã hoàn trả 10.000 đồng cho người nộp"), JsonNode.class, id);
        assertThat(resolved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(resolved.getBody().get("resolvedBy").asText()).isEqualTo("reception2");
        assertThat(exceptionsOf(code)).isEmpty();
        assertThat(as("reception2").postForEntity("/api/payments/exceptions/{id}/resolve", Map.of("note", "again"),
                JsonNode.class, id).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void shouldReportFeeTotalsToHeadsAndSupervisors() throws IOException {
        String code = awaitingPayment("Đỗ Văn Giang");
        notice("TOTAL-" + code, 100000, code);
        String today = engineToday().toString();

        ResponseEntity<JsonNode> head = as("head2").getForEntity("/api/reports/fees?period=day&date={d}&unit={u}",
                JsonNode.class, today, OTHER_UNIT);
        assertThat(head.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode bank = null;
        for (JsonNode line : head.getBody().get("lines")) {
            assertThat(line.get("unitCode").asText()).isEqualTo(OTHER_UNIT);
            if (line.get("procedureKey").asText().equals(PROCEDURE) && line.get("paidBy").asText().equals("BANK")) {
                bank = line;
            }
        }
        assertThat(bank).isNotNull();
        assertThat(bank.get("amount").asLong()).isEqualTo(100000L * bank.get("payments").asLong()).isPositive();
        assertThat(head.getBody().get("amount").asLong()).isGreaterThanOrEqualTo(bank.get("amount").asLong());

        ResponseEntity<byte[]> xlsx = as("head2").getForEntity("/api/reports/fees?period=day&date={d}&unit={u}&format=xlsx",
                byte[].class, today, OTHER_UNIT);
        assertThat(xlsx.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("phi-le-phi-" + OTHER_UNIT + "-" + today + "-" + today + ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row total = sheet.getRow(sheet.getLastRowNum());
            assertThat(total.getCell(1).getStringCellValue()).isEqualTo("Tổng cộng");
            assertThat((long) total.getCell(5).getNumericCellValue()).isEqualTo(head.getBody().get("amount").asLong());
        }

        // A supervisor of every unit sees Quận Hoàn Kiếm's fees without naming it; its head sees no other unit's.
        JsonNode everyUnit = as("supervisor").getForObject("/api/reports/fees?period=day&date={d}", JsonNode.class, today);
        assertThat(everyUnit.get("lines").findValuesAsText("unitCode")).contains(OTHER_UNIT);
        JsonNode ownUnit = as("head2").getForObject("/api/reports/fees?period=day&date={d}", JsonNode.class, today);
        assertThat(ownUnit.get("lines").findValuesAsText("unitCode")).containsOnly(OTHER_UNIT);
        assertThat(as("head").getForEntity("/api/reports/fees?period=day&date={d}&unit={u}", JsonNode.class,
                today, OTHER_UNIT).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("reception2").getForEntity("/api/reports/fees?period=day&date={d}&unit={u}", JsonNode.class,
                today, OTHER_UNIT).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** The reception desk's payments page in headless Chromium. */
    @Nested
    class DeskPage {

        @RegisterExtension
        final Browser browser = new Browser();

        @Test
        void shouldTakeTheFeeInCashAndSettleAPartialTransferAtTheDesk() {
            String code = awaitingPayment("Hà Thị Quầy");
            assertThat(notice("DESK-" + code, 40000, code).getBody().get("outcome").asText()).isEqualTo("PARTIAL");
            WebDriver page = browser.driver();
            page.get(http.getRootUri() + "/login");
            page.findElement(By.id("username")).sendKeys("reception2");
            page.findElement(By.id("password")).sendKeys(PASSWORD);
            page.findElement(By.cssSelector("button[type=submit]")).click();
            // Only once the login has landed: navigating earlier would cancel it.
            browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
            page.get(http.getRootUri() + "/quay/thanh-toan");

            // The partial transfer waits at the desk with what was paid and what is due
            assertThat(exceptionRow(page, code).getText()).contains("Nộp thiếu", "40.000", "100.000");
            browser.screenshot("desk-payments");

            // Another amount than the fee is refused with the reason, and nothing is recorded
            pay(page, code, "60000");
            assertThat(answer("desk-error").getText()).contains("100000");
            assertThat(fee(code).get("status").asText()).isEqualTo("DUE");

            // The fee in cash moves the dossier on
            pay(page, code, "100.000");
            assertThat(answer("desk-done").getText()).contains(code);
            assertThat(fee(code).get("status").asText()).isEqualTo("PAID");
            assertThat(dossier(code).get("status").asText()).isEqualTo("IN_PROGRESS");

            // The transfer is settled with what the desk did about it
            WebElement row = exceptionRow(page, code);
            row.findElement(By.name("note")).sendKeys("Hoàn trả 40.000 đồng đã chuyển khoản");
            row.findElement(By.tagName("button")).click();
            assertThat(answer("desk-resolved").isDisplayed()).isTrue();
            assertThat(exceptionsOf(code)).isEmpty();
            browser.screenshot("desk-payments-settled");
        }

        private void pay(WebDriver page, String code, String amount) {
            page.findElement(By.id("code")).sendKeys(code);
            page.findElement(By.id("amount")).sendKeys(amount);
            page.findElement(By.cssSelector("#cash button")).click();
        }

        /** The desk's answer to a form just sent: the page is replaced once the server has answered. */
        private WebElement answer(String id) {
            return browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        }

        private WebElement exceptionRow(WebDriver page, String code) {
            return page.findElement(By.xpath("//table[@id='exceptions']//tr[th='" + code + "']"));
        }

        private JsonNode fee(String code) {
            return as("reception2").getForObject("/api/payments/{code}", JsonNode.class, code).get("fee");
        }
    }

    /** An online household dossier of Quận Hoàn Kiếm, accepted at its desk: it waits for its fee. */
    private String awaitingPayment(String applicant) {
        ResponseEntity<JsonNode> submitted = submit(OTHER_UNIT, "ONLINE", "COUNTER", householdBusiness(applicant));
        assertThat(submitted.getStatusCode()).as(String.valueOf(submitted.getBody())).isEqualTo(HttpStatus.CREATED);
        String code = submitted.getBody().get("code").asText();
        engine.workOk(code, "reception2", "check_completeness", Map.of("receptionOutcome", "ACCEPT"));
        assertThat(dossier(code).get("status").asText()).isEqualTo("AWAITING_PAYMENT");
        return code;
    }

    private List<JsonNode> exceptionsOf(String code) {
        ResponseEntity<JsonNode> list = as("reception2").getForEntity("/api/payments/exceptions?unit={unit}", JsonNode.class,
                OTHER_UNIT);
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<JsonNode> ofDossier = new ArrayList<>();
        list.getBody().forEach(e -> {
            if (code.equals(e.path("dossierCode").asText(null))) {
                ofDossier.add(e);
            }
        });
        return ofDossier;
    }

    /** A notice as the demo bank signs it, now. */
    private ResponseEntity<JsonNode> notice(String id, long amount, String reference) {
        String body = body(id, amount, reference);
        long now = ClockUtil.getCurrentTime().toInstant().getEpochSecond();
        return post(body, BANK, now, sign(SECRET, now, body));
    }

    private static String body(String id, long amount, String reference) {
        return "{\"noticeId\":\"" + id + "\",\"account\":\"" + ACCOUNT + "\",\"amount\":" + amount
                + ",\"reference\":\"CT tu 0912345678 " + reference + " ND chuyen khoan\"}";
    }

    private ResponseEntity<JsonNode> post(String body, String bank, Long timestamp, String signature) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (bank != null) {
            headers.set("X-Motcua-Bank", bank);
            headers.set("X-Motcua-Timestamp", String.valueOf(timestamp));
            headers.set("X-Motcua-Signature", "sha256=" + signature);
        }
        TestRestTemplate client = http;
        return client.exchange("/api/payments/notices", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    /** HMAC-SHA256 over "<timestamp>.<body>", written here from the documented format (docs/payments.md). */
    private static String sign(String secret, long timestamp, String body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
