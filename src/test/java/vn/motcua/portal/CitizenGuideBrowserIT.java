package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import vn.motcua.support.Browser;
import vn.motcua.support.IntegrationTest;

/**
 * A citizen on a phone (390 x 844, Chromium's device emulation): the procedure page, the calmer
 * submission form, the public figures and a desk display. Screenshots under {@code target/screenshots/}.
 */
class CitizenGuideBrowserIT extends IntegrationTest {

    @RegisterExtension
    static final Browser browser = Browser.phone();

    @TempDir
    static Path files;

    @Test
    void shouldReadTheProcedurePageAndSubmitFromItOnAPhone() throws IOException {
        WebDriver page = browser.driver();
        page.get(http.getRootUri() + "/thu-tuc?q=ho+kinh+doanh");
        page.findElement(By.linkText("Đăng ký thành lập hộ kinh doanh")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("guide-steps")));
        assertThat(page.findElements(By.cssSelector("#guide-steps ol.steps > li strong")).stream().map(WebElement::getText))
                .containsExactly("Tiếp nhận và kiểm tra hồ sơ", "Thẩm định hồ sơ đăng ký hộ kinh doanh",
                        "Lãnh đạo phê duyệt kết quả", "Trả kết quả");
        assertNoSidewaysScroll(page);
        browser.screenshot("phone-procedure-page");
        scrollTo(page, "guide-fee");
        browser.screenshot("phone-procedure-page-fees");

        page.findElement(By.id("guide-submit")).click();
        browser.waiting().until(ExpectedConditions.elementToBeClickable(field("applicantName")));
        // Labels in the page's language only, whole on a phone's width.
        WebElement idLabel = page.findElement(By.cssSelector("label[for$='-Field_applicantIdNumber']"));
        assertThat(idLabel.getText()).startsWith("Số định danh cá nhân (12 số)").doesNotContain("Personal ID");
        assertThat(fits(page, idLabel)).isTrue();

        // Submitting nothing: every message in Vietnamese, none in English, no regular expression.
        page.findElement(By.cssSelector("#submission button[type='submit']")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form-field-error")));
        String errors = String.join("\n", page.findElements(By.cssSelector(".fjs-form-field-error")).stream()
                .map(WebElement::getText).toList());
        assertThat(errors).contains("Vui lòng điền mục này.").doesNotContain("Field", "required", "^[");
        page.findElement(field("applicantIdNumber")).sendKeys("12345");
        page.findElement(field("applicantPhone")).sendKeys("12");
        page.findElement(field("applicantName")).click();
        assertThat(errorOf(page, "applicantIdNumber")).isEqualTo("Vui lòng nhập đúng 12 chữ số.");
        assertThat(errorOf(page, "applicantPhone")).isEqualTo("Số điện thoại chưa đúng, ví dụ 0912 345 678.");
        browser.screenshot("phone-submission-errors");

        // Too large and of the wrong type: said before anything is sent.
        Path large = files.resolve("giay-de-nghi.pdf");
        try (RandomAccessFile file = new RandomAccessFile(large.toFile(), "rw")) {
            file.setLength(11L * 1024 * 1024);
        }
        page.findElement(By.id("slot-applicationForm")).sendKeys(large.toString());
        assertThat(page.findElement(By.cssSelector("[data-error-for='applicationForm']")).getText())
                .isEqualTo("Tệp giay-de-nghi.pdf lớn hơn 10 MB: vui lòng chọn tệp nhỏ hơn.");
        Path program = files.resolve("cccd.exe");
        java.nio.file.Files.write(program, new byte[] {'M', 'Z', 0, 0});
        page.findElement(By.id("slot-identityPapers")).sendKeys(program.toString());
        assertThat(page.findElement(By.cssSelector("[data-error-for='identityPapers']")).getText())
                .startsWith("Tệp cccd.exe không thuộc loại được nhận (.pdf, ");
        ((JavascriptExecutor) page).executeScript("document.getElementById('slot-applicationForm').scrollIntoView();");
        browser.screenshot("phone-submission-upload-check");

        // Filled in properly, sent with a progress bar, and received.
        page.navigate().refresh();
        browser.waiting().until(ExpectedConditions.elementToBeClickable(field("applicantName")));
        Map<String, Object> values = householdBusiness("Phan Thị Điện Thoại");
        for (String key : List.of("applicantName", "applicantIdNumber", "applicantPhone", "applicantEmail",
                "applicantAddress", "businessName", "businessAddress", "businessLine", "capital")) {
            page.findElement(field(key)).sendKeys(String.valueOf(values.get(key)));
        }
        page.findElement(By.cssSelector("input[type='radio'][id$='-Field_ownershipType-0']")).click();
        new Select(page.findElement(By.id("unitCode"))).selectByValue(UNIT);
        for (WebElement slot : page.findElements(By.cssSelector("input[type='file'][data-slot]"))) {
            Path pdf = files.resolve("dt-" + slot.getDomAttribute("data-slot") + ".pdf");
            ApplicantJourneyBrowserIT.writePdf(pdf, "motcua phone");
            slot.sendKeys(pdf.toString());
        }
        // The bpmn.io watermark stays: form-js's licence forbids hiding it (docs/portal.md).
        WebElement watermark = page.findElement(By.cssSelector(".fjs-powered-by a"));
        ((JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView();", watermark);
        assertThat(watermark.isDisplayed()).isTrue();
        browser.screenshot("phone-submission-filled");
        page.findElement(By.cssSelector("#submission button[type='submit']")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("dossier-code")));
        assertThat(dossier(page.findElement(By.id("dossier-code")).getText()).get("applicant").get("name").asText())
                .isEqualTo("Phan Thị Điện Thoại");
        browser.screenshot("phone-submission-received");
    }

    @Test
    void shouldWriteDatesDayFirstInTheForm() {
        WebDriver page = browser.driver();
        page.get(http.getRootUri() + "/thu-tuc/birth_registration/nop-ho-so");
        WebElement date = browser.waiting().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("input[id$='-Field_childDateOfBirth-date']")));
        assertThat(date.getDomAttribute("placeholder")).isEqualTo("dd/mm/yyyy");
        date.sendKeys("20/11/2026");
        page.findElement(field("applicantName")).click();
        assertThat(date.getDomProperty("value")).isEqualTo("20/11/2026");
        browser.screenshot("phone-submission-date");
    }

    @Test
    void shouldShowThePublicFiguresAndADeskDisplay() {
        String code = submitted("ONLINE", "COUNTER", "Trịnh Văn Màn Hình");
        engine.workOk(code, "reception", "check_completeness", Map.of("receptionOutcome", "ACCEPT"));
        engine.workOk(code, "specialist", "appraise_dossier", Map.of("proposedDecision", "APPROVE", "appraisalNote", "Đủ"));
        engine.workOk(code, "head", "approve_dossier", Map.of("approvalDecision", "APPROVE"));
        WebDriver page = browser.driver();

        page.get(http.getRootUri() + "/thong-ke");
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Kết quả giải quyết thủ tục hành chính");
        assertThat(page.findElement(By.cssSelector("tr[data-unit='" + UNIT + "']")).getText())
                .contains("Ủy ban nhân dân quận Ba Đình");
        browser.screenshot("phone-figures");
        page.findElement(By.linkText("Năm nay")).click();
        browser.waiting().until(ExpectedConditions.attributeContains(By.linkText("Năm nay"), "class", "current"));

        page.get(http.getRootUri() + "/man-hinh/" + UNIT);
        assertThat(page.findElement(By.id("ready")).getText()).contains(code).doesNotContain("Trịnh Văn Màn Hình");
        assertThat(page.findElement(By.cssSelector("meta[http-equiv='refresh']")).getDomAttribute("content")).isEqualTo("60");
        browser.screenshot("phone-desk-display");
        page.manage().window().setSize(new org.openqa.selenium.Dimension(1920, 1080));
    }

    private static By field(String key) {
        return By.cssSelector("input[id$='-Field_" + key + "'], textarea[id$='-Field_" + key + "']");
    }

    private static String errorOf(WebDriver page, String key) {
        return page.findElement(By.cssSelector("[id$='-Field_" + key + "-error-message']")).getText();
    }

    private static boolean fits(WebDriver page, WebElement element) {
        return (Boolean) ((JavascriptExecutor) page).executeScript(
                "const e = arguments[0]; return e.scrollWidth <= e.clientWidth + 1 && e.getBoundingClientRect().right <= window.innerWidth;",
                element);
    }

    private static void assertNoSidewaysScroll(WebDriver page) {
        assertThat((Boolean) ((JavascriptExecutor) page).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth;")).as("no sideways scrolling").isTrue();
    }

    private static void scrollTo(WebDriver page, String id) {
        ((JavascriptExecutor) page).executeScript("document.getElementById(arguments[0]).scrollIntoView();", id);
    }
}
