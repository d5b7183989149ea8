package vn.motcua.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.support.Browser;
import vn.motcua.support.IntegrationTest;

/**
 * Officers work a dossier in the stock Camunda Tasklist, in a real browser: each finds the task in
 * the shared filter of their unit, claims it, fills in our Camunda Form as form-js renders it and
 * completes it; the dossier record and its control sheet follow. Screenshots of every form are
 * kept under {@code target/screenshots/}.
 */
class TasklistBrowserIT extends IntegrationTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final String MY_UNIT = "Việc của đơn vị tôi";
    private static final String ACCEPT = "Hồ sơ đầy đủ, tiếp nhận / Complete: accept";
    private static final String INCOMPLETE = "Chưa đầy đủ, yêu cầu bổ sung / Incomplete: request a supplement";

    @Test
    void shouldWorkDossierToResultReturnInTasklist() {
        String applicant = "Vũ Thị Hằng";
        String code = submitted("ONLINE", "COUNTER", applicant);
        Tasklist tasklist = new Tasklist(http.getRootUri());

        // Reception desk: the completeness check.
        tasklist.logIn("reception");
        tasklist.open(MY_UNIT, engine.taskFor(code, "reception", "check_completeness"), "Tiếp nhận và kiểm tra hồ sơ");
        tasklist.claim();
        tasklist.awaitValue("applicantName", applicant);
        tasklist.awaitValue("applicantIdNumber", "001085012345");
        assertThat(tasklist.field("applicantName").getDomProperty("readOnly")).isEqualTo("true");
        assertThat(tasklist.formText()).contains("Kiểm tra thành phần và tính hợp lệ của hồ sơ", ACCEPT, INCOMPLETE,
                "Từ chối tiếp nhận / Refuse");
        assertThat(tasklist.fieldShown("missingDocuments")).isFalse();
        browser.screenshot("tasklist-reception-check");
        tasklist.choose(ACCEPT);
        tasklist.complete();

        JsonNode dossier = dossier(code);
        assertThat(dossier.get("status").asText()).isEqualTo("IN_PROGRESS");
        JsonNode checked = completedStep(dossier, "check_completeness");
        assertThat(checked.get("actor").asText()).isEqualTo("reception");
        assertThat(checked.get("outcome").asText()).isEqualTo("ACCEPT");
        tasklist.logOut();

        // Specialist: the procedure's own appraisal.
        tasklist.logIn("specialist");
        tasklist.open(MY_UNIT, engine.taskFor(code, "specialist", "appraise_dossier"),
                "Thẩm định hồ sơ đăng ký hộ kinh doanh");
        tasklist.claim();
        tasklist.awaitValue("businessName", "Hộ kinh doanh Phở Hà Nội");
        tasklist.awaitValue("businessAddress", "25 Phố Kim Mã, Ba Đình, Hà Nội");
        tasklist.awaitValue("applicantName", applicant);
        // Nothing was returned by the head: the "returned with this reason" box stays hidden.
        assertThat(tasklist.fieldShown("returnReason")).isFalse();
        browser.screenshot("tasklist-appraise-dossier");
        tasklist.choose("Đủ điều kiện, đề nghị cấp giấy chứng nhận / Eligible: approve");
        tasklist.type("appraisalNote", "Đủ điều kiện theo Nghị định 01/2021/NĐ-CP");
        tasklist.complete();

        dossier = dossier(code);
        assertThat(dossier.get("status").asText()).isEqualTo("IN_PROGRESS");
        JsonNode appraised = completedStep(dossier, "appraise_dossier");
        assertThat(appraised.get("actor").asText()).isEqualTo("specialist");
        assertThat(appraised.get("outcome").asText()).isEqualTo("APPROVE");
        assertThat(appraised.get("note").asText()).isEqualTo("Đủ điều kiện theo Nghị định 01/2021/NĐ-CP");
        tasklist.logOut();

        // Head of unit: the drafted result in the dossier panel, opened from there.
        JsonNode draft = currentDraft(code);
        String approval = engine.taskFor(code, "head", "approve_dossier");
        tasklist.logIn("head");
        tasklist.open(MY_UNIT, approval, "Lãnh đạo phê duyệt kết quả");
        tasklist.click(By.xpath("//a[normalize-space(.)='Hồ sơ']"));
        WebElement result = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".motcua-result-draft[data-draft='" + draft.get("id").asLong() + "']")));
        assertThat(result.findElement(By.cssSelector("[data-fact='sha256']")).getText()).isEqualTo(draft.get("sha256").asText());
        assertThat(result.findElement(By.cssSelector("[data-fact='draftedBy']")).getText()).startsWith("specialist · ");
        assertThat(result.findElement(By.cssSelector("[data-fact='approvedBy']")).getText()).isEqualTo("Chờ lãnh đạo phê duyệt");
        assertThat(fetch(result.findElement(By.cssSelector("a.result-draft")).getDomProperty("href")))
                .startsWith("200 application/pdf inline");
        browser.screenshot("tasklist-head-result-draft");

        // The approval form: the findings, and the draft with its checksum.
        tasklist.showForm();
        tasklist.claim();
        tasklist.awaitValue("appraisalNote", "Đủ điều kiện theo Nghị định 01/2021/NĐ-CP");
        assertThat(tasklist.radio("proposedDecision", 0).isSelected()).as("the specialist's proposal").isTrue();
        assertThat(tasklist.fieldShown("decisionReason")).isFalse();
        assertThat(tasklist.field("stepFindings").getDomProperty("value"))
                .contains("Tiếp nhận và kiểm tra hồ sơ (reception): ACCEPT", "Đủ điều kiện theo Nghị định 01/2021/NĐ-CP");
        tasklist.awaitValue("resultDraftSha256", draft.get("sha256").asText());
        assertThat(browser.driver().findElement(By.xpath("//form[contains(@class,'fjs-form')]//a[contains(., 'Mở văn bản dự thảo')]"))
                .getDomProperty("href")).endsWith("/api/dossiers/" + code + "/documents/" + draft.get("documentId").asLong()
                        + "?inline=true");
        browser.screenshot("tasklist-approve-dossier");

        // The specialist drafts it again while the head has the form open: the head's approval is refused.
        assertThat(as("specialist").postForEntity("/api/dossiers/{code}/result-drafts",
                Map.of("note", "Bổ sung mã ngành VSIC 5610"), JsonNode.class, code).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        tasklist.choose("Phê duyệt / Approve");
        tasklist.dismissNotifications();
        tasklist.clickComplete();
        tasklist.awaitErrorNotification();
        assertThat(String.join(" ", tasklist.errorNotifications())).contains("đã được soạn lại");
        browser.screenshot("tasklist-approve-draft-changed");
        assertThat(dossier(code).get("status").asText()).isEqualTo("IN_PROGRESS");

        // Reopened, the form shows the new draft's checksum, and the head approves that one.
        JsonNode redrafted = currentDraft(code);
        tasklist.reload("Lãnh đạo phê duyệt kết quả");
        tasklist.awaitValue("resultDraftSha256", redrafted.get("sha256").asText());
        tasklist.choose("Phê duyệt / Approve");
        tasklist.complete();
        assertThat(currentDraft(code).get("approvedSha256").asText()).isEqualTo(redrafted.get("sha256").asText());

        dossier = dossier(code);
        assertThat(dossier.get("status").asText()).isEqualTo("AWAITING_RESULT_RETURN");
        assertThat(completedStep(dossier, "approve_dossier").get("actor").asText()).isEqualTo("head");
        tasklist.logOut();

        // Reception desk again: the result handed over at the counter.
        tasklist.logIn("reception");
        tasklist.open(MY_UNIT, engine.taskFor(code, "reception", "hand_over_at_counter"),
                "Trả kết quả tại bộ phận một cửa");
        tasklist.claim();
        assertThat(tasklist.formText()).contains("Người nhận kết quả / Received by",
                "Số định danh người nhận / Receiver's ID number");
        tasklist.awaitValue("applicantName", applicant);
        browser.screenshot("tasklist-hand-over-at-counter");
        tasklist.type("receiverName", applicant);
        tasklist.type("receiverIdNumber", "001085012345");
        tasklist.complete();

        dossier = dossier(code);
        assertThat(dossier.get("status").asText()).isEqualTo("RESULT_RETURNED");
        assertThat(dossier.get("decision").asText()).isEqualTo("APPROVED");
        JsonNode handedOver = completedStep(dossier, "hand_over_at_counter");
        assertThat(handedOver.get("actor").asText()).isEqualTo("reception");
        assertThat(handedOver.get("note").asText()).isEqualTo(applicant);
        assertThat(column(dossier.get("controlSheet"), "actor"))
                .containsSubsequence("reception", "specialist", "head", "reception");
        assertThat(engine.openTasks(code)).isEmpty();
    }

    @Test
    void shouldKeepReceptionCheckOpenUntilMissingDocumentsAreListed() {
        String code = submitted("COUNTER", "POST", "Đặng Văn Khoa");
        Tasklist tasklist = new Tasklist(http.getRootUri());
        tasklist.logIn("reception");
        String taskId = engine.taskFor(code, "reception", "check_completeness");
        tasklist.open(MY_UNIT, taskId, "Tiếp nhận và kiểm tra hồ sơ");
        tasklist.claim();
        tasklist.awaitValue("applicantName", "Đặng Văn Khoa");

        // "Incomplete" without the list of what is missing: form-js refuses before anything is sent.
        tasklist.choose(INCOMPLETE);
        assertThat(tasklist.fieldShown("missingDocuments")).isTrue();
        tasklist.clickComplete();
        WebElement error = tasklist.awaitError("missingDocuments");
        assertThat(error.getText()).as("form-js's message, in Vietnamese").isEqualTo("Trường này bắt buộc.");
        // The notification may come a moment after the field's message on a busy machine.
        browser.waiting().until(driver -> !tasklist.errorNotifications().isEmpty());
        assertThat(tasklist.errorNotifications()).singleElement().asString()
                .contains("Có lỗi khi gửi biểu mẫu của công việc");
        browser.screenshot("tasklist-reception-check-incomplete");

        assertThat(tasklist.shownTaskId()).isEqualTo(taskId);
        List<JsonNode> open = engine.openTasks(code);
        assertThat(open).hasSize(1);
        assertThat(open.get(0).get("id").asText()).isEqualTo(taskId);
        assertThat(open.get(0).get("assignee").asText()).isEqualTo("reception");
        JsonNode dossier = dossier(code);
        assertThat(dossier.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(column(dossier.get("controlSheet"), "type")).doesNotContain("STEP_COMPLETED");

        // Listing what is missing lets the same form go through.
        tasklist.type("missingDocuments", "Bản sao hợp đồng thuê địa điểm kinh doanh");
        tasklist.complete();
        dossier = dossier(code);
        assertThat(dossier.get("status").asText()).isEqualTo("AWAITING_SUPPLEMENT");
        assertThat(completedStep(dossier, "check_completeness").get("note").asText())
                .isEqualTo("Bản sao hợp đồng thuê địa điểm kinh doanh");
    }

    @Test
    void shouldLetTheHeadAnswerAnOverdueDossierInTasklist() {
        // A dossier accepted on Monday 23 November 2026 and still with the specialist after its Thursday due date
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-23T02:00:00Z")));
        String code;
        try {
            code = submitted("ONLINE", "COUNTER", "Lương Thị Nga");
            engine.workOk(code, "reception", "check_completeness", Map.of("receptionOutcome", "ACCEPT"));
            engine.fireTimer(code, "dossier_at_risk");
            ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-26T02:01:00Z")));
            engine.fireTimer(code, "dossier_due_passed_in_review");
        } finally {
            ClockUtil.reset();
        }
        Tasklist tasklist = new Tasklist(http.getRootUri());
        tasklist.logIn("head");
        tasklist.open(MY_UNIT, engine.taskFor(code, "head", "decide_on_late_dossier"), "Lãnh đạo xử lý hồ sơ trễ hạn");
        tasklist.claim();

        // The head sees what is late, since when and who holds it
        tasklist.awaitValue("dossierCode", code);
        tasklist.awaitValue("dueAtText", "09:00 ngày 26/11/2026");
        tasklist.awaitValue("lateSinceText", "09:00 ngày 26/11/2026");
        assertThat(tasklist.field("lateSteps").getDomProperty("value"))
                .contains("Thẩm định hồ sơ đăng ký hộ kinh doanh - specialist:" + UNIT);
        tasklist.choose("Ban hành phiếu xin lỗi và hẹn lại ngày trả kết quả / Apology letter");
        assertThat(tasklist.fieldShown("apologyReason")).isTrue();
        browser.screenshot("tasklist-late-dossier");

        // An officer of another unit is refused by the server; Tasklist says so and keeps the task
        tasklist.choose("Giao lại cho cán bộ khác / Reassign");
        tasklist.type("newAssignee", "specialist2");
        tasklist.clickComplete();
        tasklist.awaitErrorNotification();
        assertThat(tasklist.errorNotifications()).singleElement().asString().contains("newAssignee");
        assertThat(engine.openTasks(code)).extracting(task -> task.get("taskDefinitionKey").asText())
                .contains("decide_on_late_dossier");

        // A specialist of the unit is accepted: the late step is theirs now
        tasklist.type("newAssignee", "specialist");
        tasklist.complete();
        JsonNode appraisal = engine.openTasks(code).stream()
                .filter(task -> "appraise_dossier".equals(task.get("taskDefinitionKey").asText())).findFirst().orElseThrow();
        assertThat(appraisal.get("assignee").asText()).isEqualTo("specialist");
        assertThat(column(dossier(code).get("controlSheet"), "type")).contains("OVERDUE", "TASK_REASSIGNED");
    }

    @Test
    void shouldShowTheTasklistInVietnameseWithTheDossierOnEveryCard() {
        String code = submitted("ONLINE", "COUNTER", "Kiều Thị Mai");
        Tasklist tasklist = new Tasklist(http.getRootUri());
        WebDriver driver = browser.driver();

        // The login page: Vietnamese, and no "migrate to Camunda 8" banner
        driver.get(http.getRootUri() + "/camunda/app/tasklist/default/");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
        assertThat(driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).getText())
                .isEqualTo("Đăng nhập");
        assertThat(driver.findElement(By.cssSelector("input[ng-model='password']")).getDomAttribute("placeholder"))
                .isEqualTo("Mật khẩu");
        assertThat(driver.findElements(By.cssSelector(".ce-eol-banner")).stream().noneMatch(WebElement::isDisplayed)).isTrue();
        browser.screenshot("tasklist-login");

        tasklist.logIn("reception");
        String taskId = engine.taskFor(code, "reception", "check_completeness");
        tasklist.open(MY_UNIT, taskId, "Tiếp nhận và kiểm tra hồ sơ");
        // Every card names its dossier and procedure (the applicant behind its "more"); the page is Vietnamese.
        // The shared database holds more of the unit's tasks than a page (some created at a moved engine clock),
        // so this dossier's card is checked when the page shows it, and the first card always.
        WebElement first = driver.findElement(By.cssSelector("ol.tasks-list li.task"));
        assertThat(first.getText()).contains("Mã hồ sơ", "Thủ tục", "Hạn")
                .containsPattern("\\d{3}\\.\\d{2}\\.\\d{2}\\.H\\d{2}-\\d{6}-\\d{4}");
        driver.findElements(By.xpath("//ol[contains(@class,'tasks-list')]/li[.//a[contains(@href,'task=" + taskId + "')]]"))
                .forEach(card -> assertThat(card.getText()).contains("Mã hồ sơ", code, "Thủ tục",
                        "Đăng ký thành lập hộ kinh doanh", "Hạn"));
        assertThat(driver.findElement(By.cssSelector("section.task-card button.claim")).getText()).contains("Nhận việc");
        assertThat(driver.findElement(By.cssSelector("#footer-timezone")).getText())
                .contains("Ngày giờ hiển thị theo múi giờ").containsAnyOf(Browser.TIME_ZONES);
        assertThat(driver.findElements(By.cssSelector(".ce-eol-banner")).stream().noneMatch(WebElement::isDisplayed)).isTrue();
        browser.screenshot("tasklist-reception-card");

        // The dossier panel: the facts, the documents with a preview, the control sheet, read with the webapps' session
        tasklist.click(By.xpath("//a[normalize-space(.)='Hồ sơ']"));
        WebElement panel = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".motcua-dossier-panel[data-dossier='" + code + "']")));
        assertThat(panel.findElement(By.cssSelector("[data-fact='procedure']")).getText())
                .contains("2.000720", "Đăng ký thành lập hộ kinh doanh");
        assertThat(panel.findElement(By.cssSelector("[data-fact='applicant']")).getText()).contains("Kiều Thị Mai");
        assertThat(panel.findElement(By.cssSelector("[data-fact='channel']")).getText()).isEqualTo("Trực tuyến");
        assertThat(panel.findElement(By.cssSelector("[data-fact='dueAt']")).getText()).matches("\\d{2}:\\d{2} \\d{2}/\\d{2}/\\d{4}");
        assertThat(panel.findElement(By.cssSelector("[data-fact='stepDue']")).getText()).isNotBlank();
        List<WebElement> documents = panel.findElements(By.cssSelector("table.motcua-documents tbody tr"));
        assertThat(documents).hasSizeGreaterThanOrEqualTo(2);
        assertThat(documents.get(0).getText()).contains("Giấy đề nghị đăng ký hộ kinh doanh", "PDF", "KB");
        // Not accepted yet: no fee assessed, and the panel does not assess one by asking
        assertThat(panel.findElement(By.cssSelector("[data-fact='fee']")).getText()).isEqualTo("Chưa xác định");
        assertThat(panel.findElement(By.cssSelector("table.motcua-control-sheet")).getText())
                .contains("Nộp hồ sơ", "Chuyển xử lý: Tiếp nhận và kiểm tra hồ sơ");
        String preview = documents.get(0).findElement(By.cssSelector("a.preview")).getDomProperty("href");
        Object answer = ((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status + ' ' + r.headers.get('content-type')"
                + " + ' ' + r.headers.get('content-disposition')));", preview);
        assertThat(answer).asString().startsWith("200 application/pdf inline");
        browser.screenshot("tasklist-dossier-panel");
    }

    /** The dossier's result draft in force (GET /api/dossiers/{code}/result-drafts). */
    private JsonNode currentDraft(String code) {
        List<JsonNode> drafts = StreamSupport.stream(as("admin").getForObject("/api/dossiers/{code}/result-drafts",
                JsonNode.class, code).spliterator(), false).filter(d -> !d.hasNonNull("supersededAt")).toList();
        assertThat(drafts).as("drafts in force").hasSize(1);
        return drafts.get(0);
    }

    /** Status, type and disposition of a GET with the webapps' session, as the browser follows a link. */
    private String fetch(String url) {
        return String.valueOf(((JavascriptExecutor) browser.driver()).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status + ' ' + r.headers.get('content-type')"
                + " + ' ' + r.headers.get('content-disposition')));", url));
    }

    /** The control sheet's last STEP_COMPLETED row of this step. */
    private static JsonNode completedStep(JsonNode dossier, String stepId) {
        List<JsonNode> rows = StreamSupport.stream(dossier.get("controlSheet").spliterator(), false)
                .filter(row -> "STEP_COMPLETED".equals(row.path("type").asText())
                        && stepId.equals(row.path("stepId").asText()))
                .toList();
        assertThat(rows).as("STEP_COMPLETED rows of %s", stepId).isNotEmpty();
        return rows.get(rows.size() - 1);
    }

    /** The stock Tasklist as an officer uses it; Camunda Forms are rendered by form-js inside it. */
    private static final class Tasklist {

        private static final By USERNAME = By.cssSelector("input[ng-model='username']");
        private static final By PASSWORD = By.cssSelector("input[ng-model='password']");
        private static final By LOGIN = By.cssSelector("form[name='signinForm'] button[type='submit']");
        private static final By ACCOUNT_MENU = By.cssSelector("li.account > a.dropdown-toggle");
        private static final By LOGOUT = By.cssSelector("a[ng-click='logout()']");
        private static final By TASK_NAME = By.cssSelector("section.task-card h2.task");
        private static final By CLAIM = By.cssSelector("section.task-card button.claim");
        private static final By UNCLAIM = By.cssSelector("section.task-card li.assignee button.unclaim");
        private static final By FORM = By.cssSelector("[cam-tasklist-form-camunda] form.fjs-form");
        private static final By DISABLED_FORM = By.cssSelector("[cam-tasklist-form] .disabled-form");
        private static final By COMPLETE = By.cssSelector("[cam-tasklist-form] .form-actions button.btn-primary");
        private static final By NO_TASK = By.cssSelector("[cam-tasklist-task] .no-task");
        private static final By ERROR_NOTIFICATION = By.cssSelector(".page-notifications .alert-danger");

        private final String root;
        private final WebDriver driver;

        Tasklist(String root) {
            this.root = root;
            this.driver = browser.driver();
        }

        /** A new explicit wait; AngularJS re-renders elements, so stale references are retried. */
        private FluentWait<WebDriver> await() {
            return browser.waiting().ignoring(StaleElementReferenceException.class);
        }

        void logIn(String user) {
            driver.get(root + "/camunda/app/tasklist/default/");
            await().until(ExpectedConditions.visibilityOfElementLocated(USERNAME)).sendKeys(user);
            driver.findElement(PASSWORD).sendKeys("demo");
            driver.findElement(LOGIN).click();
            await().until(ExpectedConditions.visibilityOfElementLocated(ACCOUNT_MENU));
        }

        void logOut() {
            click(ACCOUNT_MENU);
            click(LOGOUT);
            await().until(ExpectedConditions.visibilityOfElementLocated(USERNAME));
        }

        /** Picks the filter, finds the task in its list and opens it. */
        void open(String filter, String taskId, String taskName) {
            click(By.xpath("//div[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[contains(normalize-space(.), '"
                    + filter + "')]"));
            By entry = By.cssSelector("ol.tasks-list li.task h4.task a[href*='task=" + taskId + "']");
            await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("ol.tasks-list li.task")));
            // The filter's first page holds the newest tasks; other tests of the shared database leave
            // more tasks of the unit than one page, so a task further down is opened by its address, as a
            // link to it from an e-mail would.
            List<WebElement> links = driver.findElements(entry);
            if (links.isEmpty()) {
                String url = driver.getCurrentUrl();
                driver.get(url + (url.contains("?") ? "&" : "?") + "task=" + taskId);
            } else {
                assertThat(links.get(0).getText().trim()).isEqualTo(taskName);
                click(entry);
            }
            await().until(ExpectedConditions.textToBe(TASK_NAME, taskName));
            await().until(ExpectedConditions.visibilityOfElementLocated(FORM));
        }

        /** Back from another tab of the task to its form. */
        void showForm() {
            click(By.xpath("//a[normalize-space(.)='Biểu mẫu']"));
            await().until(ExpectedConditions.visibilityOfElementLocated(FORM));
        }

        /** Opens the shown task afresh, as an officer reloads the page: the form reads the variables again. */
        void reload(String taskName) {
            driver.navigate().refresh();
            await().until(ExpectedConditions.textToBe(TASK_NAME, taskName));
            await().until(ExpectedConditions.visibilityOfElementLocated(FORM));
        }

        void claim() {
            click(CLAIM);
            await().until(ExpectedConditions.invisibilityOfElementLocated(CLAIM));
            await().until(ExpectedConditions.visibilityOfElementLocated(UNCLAIM));
            await().until(driver -> driver.findElements(DISABLED_FORM).isEmpty());
            await().until(ExpectedConditions.visibilityOfElementLocated(FORM));
        }

        /** The form-js input of a field: our forms give every field the id {@code Field_<key>}. */
        WebElement field(String key) {
            return driver.findElement(fieldInput(key));
        }

        WebElement radio(String key, int index) {
            return driver.findElement(By.cssSelector("input[type='radio'][id$='-Field_" + key + "-" + index + "']"));
        }

        boolean fieldShown(String key) {
            return driver.findElements(fieldInput(key)).stream().anyMatch(WebElement::isDisplayed);
        }

        void awaitValue(String key, String value) {
            await().withMessage(() -> "field " + key + " to show '" + value + "'")
                    .until(driver -> value.equals(field(key).getDomProperty("value")));
        }

        String formText() {
            return driver.findElement(FORM).getText();
        }

        /** Clicks the radio option with this label, as an officer does. */
        void choose(String label) {
            By option = By.xpath("//form[contains(@class,'fjs-form')]//label[normalize-space(.)='" + label + "']");
            click(option);
            await().until(driver -> driver.findElement(option).findElement(By.tagName("input")).isSelected());
        }

        void type(String key, String text) {
            WebElement input = await().until(ExpectedConditions.elementToBeClickable(fieldInput(key)));
            input.clear();
            input.sendKeys(text);
            awaitValue(key, text);
        }

        void clickComplete() {
            click(COMPLETE);
        }

        /** Completes the task and waits until Tasklist has closed it, failing on an error notification. */
        void complete() {
            dismissNotifications();
            clickComplete();
            await().until(driver -> !driver.findElements(ERROR_NOTIFICATION).isEmpty()
                    || driver.findElement(NO_TASK).isDisplayed());
            assertThat(errorNotifications()).as("Tasklist notifications").isEmpty();
        }

        void awaitErrorNotification() {
            await().until(driver -> !driver.findElements(ERROR_NOTIFICATION).isEmpty());
        }

        /** Tasklist's error notifications, e.g. "Có lỗi khi gửi biểu mẫu của công việc". */
        List<String> errorNotifications() {
            return driver.findElements(ERROR_NOTIFICATION).stream().map(WebElement::getText).toList();
        }

        void dismissNotifications() {
            By close = By.cssSelector(".page-notifications .alert button.close[ng-click^='removeNotification']");
            await().ignoring(ElementClickInterceptedException.class).until(driver -> {
                driver.findElements(close).forEach(WebElement::click);
                return driver.findElements(ERROR_NOTIFICATION).isEmpty();
            });
        }

        /** The validation message form-js shows under a field. */
        WebElement awaitError(String key) {
            return await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                    ".fjs-form-field.fjs-has-errors:has([id$='-Field_" + key + "']) .fjs-form-field-error")));
        }

        /** The id of the task Tasklist shows, from its address. */
        String shownTaskId() {
            String url = driver.getCurrentUrl();
            assertThat(url).contains("task=");
            return url.replaceAll(".*[?&]task=([^&]+).*", "$1");
        }

        private static By fieldInput(String key) {
            return By.cssSelector("input[id$='-Field_" + key + "'], textarea[id$='-Field_" + key + "']");
        }

        /** Clicks once the element can take it; AngularJS may re-render the element meanwhile. */
        void click(By locator) {
            await().ignoring(ElementClickInterceptedException.class).until(driver -> {
                WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(driver);
                if (element == null) {
                    return false;
                }
                // Long task lists scroll inside their own pane: bring the element to its middle.
                ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
                element.click();
                return true;
            });
        }
    }
}
