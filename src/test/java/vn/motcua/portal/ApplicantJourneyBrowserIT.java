package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.support.Browser;
import vn.motcua.support.IntegrationTest;

/**
 * An applicant's whole journey in headless Chromium: submit with documents, read the receipt,
 * answer the supplement request with an upload, download the online result and rate the service;
 * and a reception officer's counter intake. Officers' steps go through the engine REST API.
 * Screenshots under {@code target/screenshots/}.
 */
class ApplicantJourneyBrowserIT extends IntegrationTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @TempDir
    static Path files;

    @Test
    void shouldSubmitTrackSupplementDownloadTheResultAndRate() throws IOException {
        WebDriver page = browser.driver();
        page.get(http.getRootUri() + "/");
        page.findElement(By.cssSelector("article[data-procedure='" + PROCEDURE + "'] a.button")).click();

        // The procedure's own form, rendered by form-js.
        fillHouseholdBusiness(page, "Vũ Minh Châu");
        new Select(page.findElement(By.id("unitCode"))).selectByValue(UNIT);
        page.findElement(By.cssSelector("input[name='resultChannel'][value='ONLINE']")).click();
        attachToEverySlot(page, "ban-scan");
        browser.screenshot("portal-submission");
        page.findElement(By.cssSelector("#submission button[type='submit']")).click();

        // The receipt: code and secret, shown once.
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("lookup-secret")));
        String code = page.findElement(By.id("dossier-code")).getText();
        String secret = page.findElement(By.id("lookup-secret")).getText();
        // Uploaded, not yet checked by reception: an acknowledgment, not a receipt
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Đã nhận hồ sơ, chờ kiểm tra");
        assertThat(secret).matches("[0-9A-Z]{5}(-[0-9A-Z]{5}){3}");
        assertThat(page.getCurrentUrl()).doesNotContain(secret);
        assertThat(page.findElement(By.id("received-documents")).getText())
                .contains("Giấy đề nghị đăng ký hộ kinh doanh", "ban-scan-applicationForm.pdf");
        browser.screenshot("portal-receipt");
        JsonNode dossier = dossier(code);
        assertThat(dossier.get("channel").asText()).isEqualTo("ONLINE");
        assertThat(dossier.get("resultChannel").asText()).isEqualTo("ONLINE");
        assertThat(dossier.get("applicant").get("name").asText()).isEqualTo("Vũ Minh Châu");

        // Reception asks for a supplement.
        engine.workOk(code, "reception", "check_completeness", Map.of("receptionOutcome", "INCOMPLETE",
                "missingDocuments", "Bản sao hợp đồng thuê địa điểm kinh doanh"));

        // The QR link opens the tracking page with the secret in the fragment, never sent to the server.
        page.get(http.getRootUri() + "/tra-cuu?ma=" + code + "#k=" + secret);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("supplement-request")));
        assertThat(page.getCurrentUrl()).doesNotContain(secret);
        assertThat(page.findElement(By.id("dossier-status")).getText()).isEqualTo("Chờ bổ sung hồ sơ");
        assertThat(page.findElement(By.id("supplement-request")).getText())
                .isEqualTo("Bản sao hợp đồng thuê địa điểm kinh doanh");
        page.findElement(By.id("note")).sendKeys("Gửi bổ sung hợp đồng thuê nhà");
        attachToEverySlot(page, "bo-sung");
        browser.screenshot("portal-supplement");
        page.findElement(By.id("send-supplement")).click();
        browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector("p.notice"), "Đã nhận hồ sơ bổ sung."));
        assertThat(page.findElement(By.id("dossier-status")).getText()).isEqualTo("Đã nộp, chờ tiếp nhận");
        assertThat(column(dossier(code).get("controlSheet"), "type")).contains("SUPPLEMENT_RECEIVED");

        // Officers finish the dossier; the result goes online.
        engine.workOk(code, "reception", "check_completeness", Map.of("receptionOutcome", "ACCEPT"));
        engine.workOk(code, "specialist", "appraise_dossier",
                Map.of("proposedDecision", "APPROVE", "appraisalNote", "Đủ điều kiện"));
        engine.workOk(code, "head", "approve_dossier", Map.of("approvalDecision", "APPROVE"));
        assertThat(dossier(code).get("status").asText()).isEqualTo("RESULT_RETURNED");

        lookUp(page, code, secret);
        assertThat(page.findElement(By.id("dossier-status")).getText()).isEqualTo("Đã trả kết quả");
        WebElement download = page.findElement(By.id("download-result"));
        assertThat(download.getText()).isEqualTo("Tải kết quả giải quyết (PDF)");
        // What the button's form downloads, fetched by the page itself.
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) ((JavascriptExecutor) page).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const form = document.getElementById('result-download');
                fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form))})
                  .then(r => r.arrayBuffer().then(b => done({status: r.status, type: r.headers.get('Content-Type'),
                     disposition: r.headers.get('Content-Disposition'), head: new TextDecoder().decode(b.slice(0, 5))})));
                """);
        assertThat(result).containsEntry("status", 200L).containsEntry("type", "application/pdf")
                .containsEntry("head", "%PDF-");
        assertThat((String) result.get("disposition")).contains("ket-qua-" + code + ".pdf");
        browser.screenshot("portal-result");

        // And rates the service, once: every criterion chosen by the applicant, none preselected.
        for (String criterion : List.of("overall", "timeliness", "staffAttitude", "informationClarity")) {
            page.findElement(By.cssSelector("input[name='" + criterion + "'][value='VERY_SATISFIED']")).click();
        }
        page.findElement(By.id("comment")).sendKeys("Nhanh và thuận tiện");
        page.findElement(By.id("submit-evaluation")).click();
        browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector("p.notice"), "Cảm ơn bạn đã đánh giá."));
        assertThat(page.findElements(By.id("submit-evaluation"))).isEmpty();
        assertThat(page.findElement(By.id("evaluation-done")).getText()).contains("Rất hài lòng");
        browser.screenshot("portal-evaluated");
    }

    @Test
    void shouldTellTheWholeStoryOnAPhoneThroughSupplementAndResult() throws IOException {
        WebDriver page = browser.driver();
        page.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        String email = "dien.thoai." + System.nanoTime() + "@example.vn";
        Map<String, Object> data = householdBusiness("Lý Thị Mai");
        data.put("applicantEmail", email);
        ResponseEntity<JsonNode> submitted = submit(UNIT, "ONLINE", "ONLINE", data);
        String code = submitted.getBody().get("code").asText();
        String secret = submitted.getBody().get("lookupSecret").asText();

        // Submitted: told it waits for the check, no appointment yet, no rating form
        page.get(http.getRootUri() + "/tra-cuu?ma=" + code);
        lookUp(page, code, secret);
        assertThat(page.findElement(By.id("dossier-status")).getText()).isEqualTo("Đã nộp, chờ tiếp nhận");
        assertThat(page.findElement(By.id("due-at")).getText()).isEqualTo("Có khi hồ sơ được tiếp nhận");
        assertThat(page.getPageSource()).doesNotContain("Hồ sơ đã được tiếp nhận");
        browser.screenshot("phone-tracking-submitted");

        // Supplement asked: what, by when, and form 02
        engine.workOk(code, "reception", "check_completeness", Map.of("receptionOutcome", "INCOMPLETE",
                "missingDocuments", "Bản sao hợp đồng thuê địa điểm kinh doanh"));
        lookUp(page, code, secret);
        assertThat(page.findElement(By.id("supplement-request")).getText())
                .isEqualTo("Bản sao hợp đồng thuê địa điểm kinh doanh");
        assertThat(page.findElement(By.id("supplement-due")).getText()).matches("Hạn bổ sung: \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
        assertThat(page.findElement(By.id("supplement-form")).getText()).isEqualTo("Tải phiếu yêu cầu bổ sung (PDF)");
        Map<String, Object> form02 = download(page, "supplement-form-download");
        assertThat(form02).containsEntry("status", 200L).containsEntry("head", "%PDF-");
        assertThat((String) form02.get("disposition")).contains("phieu-yeu-cau-bo-sung-" + code + ".pdf");
        page.findElement(By.id("note")).sendKeys("Gửi hợp đồng thuê");
        attachToEverySlot(page, "bo-sung-dt");
        browser.screenshot("phone-tracking-supplement");
        page.findElement(By.id("send-supplement")).click();
        browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector("p.notice"), "Đã nhận hồ sơ bổ sung."));

        // Accepted and decided: the result online, the rating form with nothing chosen
        engine.workOk(code, "reception", "check_completeness", Map.of("receptionOutcome", "ACCEPT"));
        engine.workOk(code, "specialist", "appraise_dossier", Map.of("proposedDecision", "APPROVE", "appraisalNote", "Đủ"));
        engine.workOk(code, "head", "approve_dossier", Map.of("approvalDecision", "APPROVE"));
        lookUp(page, code, secret);
        assertThat(page.findElement(By.id("dossier-status")).getText()).isEqualTo("Đã trả kết quả");
        assertThat(page.findElement(By.id("due-at")).getText()).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
        assertThat(page.findElements(By.cssSelector("#evaluation input[type='radio']:checked"))).isEmpty();
        browser.screenshot("phone-tracking-result");

        // The applicant was told at every step, once (the jobs that send the messages run now: the tests' executor is off)
        sendNotificationsOk(code);
        List<String> subjects = new java.util.ArrayList<>();
        for (var mail : vn.motcua.support.TestMail.to(email)) {
            try {
                subjects.add(mail.getSubject());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(subjects).hasSize(4).anySatisfy(s -> assertThat(s).startsWith("Đã nhận hồ sơ " + code))
                .anySatisfy(s -> assertThat(s).startsWith("Đề nghị bổ sung hồ sơ " + code))
                .anySatisfy(s -> assertThat(s).startsWith("Hồ sơ " + code + " đã được tiếp nhận"))
                .anySatisfy(s -> assertThat(s).startsWith("Đã có kết quả giải quyết hồ sơ " + code));
    }

    @Test
    void shouldTakeInAPostalDossierAtTheCounterAndPrintItsReceipt() throws IOException {
        WebDriver page = browser.driver();
        page.get(http.getRootUri() + "/quay");
        // The desk is for officers: the login page first, then back to the desk.
        page.findElement(By.id("username")).sendKeys("reception");
        page.findElement(By.id("password")).sendKeys(PASSWORD);
        page.findElement(By.cssSelector("button[type='submit']")).click();
        // Wait for the login to land on the desk before reading it.
        browser.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Quầy tiếp nhận hồ sơ"));
        page.findElement(By.cssSelector("article[data-procedure='" + PROCEDURE + "'] a.button")).click();
        assertThat(page.getCurrentUrl()).endsWith("/quay/tiep-nhan/" + PROCEDURE);

        fillHouseholdBusiness(page, "Đinh Thị Ngọc");
        new Select(page.findElement(By.id("channel"))).selectByValue("POST");
        page.findElement(By.cssSelector("input[name='resultChannel'][value='POST']")).click();
        attachToEverySlot(page, "scan-quay");
        browser.screenshot("counter-intake");
        page.findElement(By.cssSelector("#submission button[type='submit']")).click();

        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("lookup-secret")));
        String code = page.findElement(By.id("dossier-code")).getText();
        assertThat(page.findElement(By.id("receipt-pdf")).getText()).isEqualTo("In giấy tiếp nhận");
        browser.screenshot("counter-receipt");
        JsonNode dossier = dossier(code);
        assertThat(dossier.get("channel").asText()).isEqualTo("POST");
        assertThat(dossier.get("controlSheet").get(0).get("actor").asText()).isEqualTo("reception");
    }

    @Test
    void shouldRecordACitizensOnlineSubmissionTheDeskHelpsWithAsOnline() throws IOException {
        WebDriver page = browser.driver();
        page.get(http.getRootUri() + "/quay");
        page.findElement(By.id("username")).sendKeys("reception");
        page.findElement(By.id("password")).sendKeys(PASSWORD);
        page.findElement(By.cssSelector("button[type='submit']")).click();
        browser.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Quầy tiếp nhận hồ sơ"));
        page.get(http.getRootUri() + "/quay/tiep-nhan/" + PROCEDURE);

        fillHouseholdBusiness(page, "Hà Thị Sen");
        Select channel = new Select(page.findElement(By.id("channel")));
        assertThat(channel.getOptions()).extracting(WebElement::getText).containsExactly("Trực tiếp tại quầy",
                "Qua bưu chính", "Trực tuyến, cán bộ một cửa hỗ trợ công dân nộp");
        channel.selectByValue("ONLINE");
        page.findElement(By.cssSelector("input[name='resultChannel'][value='ONLINE']")).click();
        attachToEverySlot(page, "scan-ho-tro");
        browser.screenshot("desk-assisted-online");
        page.findElement(By.cssSelector("#submission button[type='submit']")).click();

        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("lookup-secret")));
        JsonNode dossier = dossier(page.findElement(By.id("dossier-code")).getText());
        assertThat(dossier.get("channel").asText()).isEqualTo("ONLINE");
        assertThat(dossier.get("assistedBy").asText()).isEqualTo("reception");
        assertThat(dossier.get("controlSheet").get(0).get("actor").asText()).isEqualTo("reception");
    }

    @Test
    void shouldShowTheServersRefusalNextToTheField() {
        WebDriver page = browser.driver();
        page.get(http.getRootUri() + "/thu-tuc/" + PROCEDURE + "/nop-ho-so");
        fillHouseholdBusiness(page, "Ngô Bảo Ngọc");
        // A unit of another level than the procedure's: only the server knows.
        ((JavascriptExecutor) page).executeScript(
                "const o = document.createElement('option'); o.value = '000.01.01.H01'; o.text = 'Phúc Xá';"
                        + "document.getElementById('unitCode').appendChild(o); document.getElementById('unitCode').value = o.value;");
        page.findElement(By.cssSelector("#submission button[type='submit']")).click();

        WebElement error = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-error-for='unitCode']")));
        assertThat(error.getText()).startsWith("Thủ tục này do cơ quan cấp huyện giải quyết").doesNotContain("DISTRICT");
        assertThat(page.findElements(By.id("lookup-secret"))).isEmpty();
    }

    /** What the form's button downloads, fetched by the page itself: status, content type, file name, first bytes. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> download(WebDriver page, String formId) {
        return (Map<String, Object>) ((JavascriptExecutor) page).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const form = document.getElementById(arguments[0]);
                fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form))})
                  .then(r => r.arrayBuffer().then(b => done({status: r.status, type: r.headers.get('Content-Type'),
                     disposition: r.headers.get('Content-Disposition'), head: new TextDecoder().decode(b.slice(0, 5))})));
                """, formId);
    }

    private static void lookUp(WebDriver page, String code, String secret) {
        page.get(page.getCurrentUrl().replaceAll("/tra-cuu.*", "/tra-cuu?ma=" + code));
        page.findElement(By.id("secret")).sendKeys(secret);
        page.findElement(By.cssSelector("#tracking-lookup button[type='submit']")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(page, Browser.TIMEOUT)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("dossier-status")));
    }

    private void fillHouseholdBusiness(WebDriver page, String applicant) {
        browser.waiting().until(ExpectedConditions.elementToBeClickable(field("applicantName")));
        Map<String, Object> values = householdBusiness(applicant);
        for (String key : List.of("applicantName", "applicantIdNumber", "applicantPhone", "applicantEmail",
                "applicantAddress", "businessName", "businessAddress", "businessLine", "capital")) {
            WebElement input = page.findElement(field(key));
            input.clear();
            input.sendKeys(String.valueOf(values.get(key)));
        }
        page.findElement(By.cssSelector("input[type='radio'][id$='-Field_ownershipType-0']")).click();
    }

    private static By field(String key) {
        return By.cssSelector("input[id$='-Field_" + key + "'], textarea[id$='-Field_" + key + "']");
    }

    /** One small real PDF per document slot on the page. */
    private static void attachToEverySlot(WebDriver page, String prefix) throws IOException {
        List<WebElement> slots = page.findElements(By.cssSelector("input[type='file'][data-slot]"));
        assertThat(slots).as("document slots on the page").isNotEmpty();
        for (WebElement slot : slots) {
            Path file = files.resolve(prefix + "-" + slot.getDomAttribute("data-slot") + ".pdf");
            writePdf(file, "motcua " + prefix);
            slot.sendKeys(file.toAbsolutePath().toString());
        }
    }

    static void writePdf(Path file, String text) throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            PDPage sheet = new PDPage();
            pdf.addPage(sheet);
            try (PDPageContentStream content = new PDPageContentStream(pdf, sheet)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText(text);
                content.endText();
            }
            pdf.save(file.toFile());
        }
    }
}
