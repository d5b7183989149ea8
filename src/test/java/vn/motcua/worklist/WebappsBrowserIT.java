package vn.motcua.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import vn.motcua.support.Browser;
import vn.motcua.support.IntegrationTest;

/**
 * Cockpit, Admin and our own login page as officers see them in a browser set up in Vietnam:
 * Vietnamese, dates as dd/mm/yyyy, times in Asia/Ho_Chi_Minh, no Camunda 8 banner. Screenshots under
 * {@code target/screenshots/}.
 */
class WebappsBrowserIT extends IntegrationTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void shouldShowOurLoginPageInVietnameseWithTheAgencysName() {
        WebDriver page = browser.driver();
        page.get(http.getRootUri() + "/quay");
        browser.waiting().until(ExpectedConditions.urlContains("/login"));
        String text = page.findElement(By.tagName("main")).getText();
        assertThat(text).contains("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", "Đăng nhập dành cho cán bộ", "Tên đăng nhập", "Mật khẩu")
                .doesNotContain("Please sign in");
        browser.screenshot("login-page");

        page.findElement(By.id("username")).sendKeys("reception");
        page.findElement(By.id("password")).sendKeys("sai-mat-khau");
        page.findElement(By.cssSelector("main button[type=submit]")).click();
        WebElement failed = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .notice.error")));
        assertThat(failed.getText()).contains("Sai tên đăng nhập hoặc mật khẩu");
    }

    @Test
    void shouldShowTheDeskItsOfficerAndOnlyWhatTheOfficerServes() {
        WebDriver page = browser.driver();
        page.get(http.getRootUri() + "/login");
        page.findElement(By.id("username")).sendKeys("reception.phucxa");
        page.findElement(By.id("password")).sendKeys(PASSWORD);
        page.findElement(By.cssSelector("main button[type=submit]")).click();
        browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        page.get(http.getRootUri() + "/quay");

        // Who is logged in, with a logout; only the commune's procedures taken in at a desk
        assertThat(page.findElement(By.cssSelector(".site-header form.officer")).getText())
                .contains("Cán bộ: reception.phucxa", "Đăng xuất");
        assertThat(page.findElements(By.cssSelector("article.procedure")).stream()
                .map(article -> article.getDomAttribute("data-procedure")))
                .contains("birth_registration", "certified_copy")
                .doesNotContain("household_business_registration", "construction_permit");
        browser.screenshot("desk-procedures");

        // The intake offers the officer's own unit only
        page.get(http.getRootUri() + "/quay/tiep-nhan/birth_registration");
        assertThat(page.findElements(By.cssSelector("#unitCode option")).stream()
                .map(option -> option.getDomAttribute("value")).filter(value -> value != null && !value.isEmpty()))
                .containsExactly("000.01.01.H01");

        page.findElement(By.cssSelector(".site-header form.officer button")).click();
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".site-header form.officer")));
        page.get(http.getRootUri() + "/quay");
        browser.waiting().until(ExpectedConditions.urlContains("/login"));
    }

    @Test
    void shouldShowCockpitToTheHeadInVietnameseWithoutTheBanner() {
        logIn("/camunda/app/cockpit/default/", "head");
        WebDriver page = browser.driver();
        browser.waiting().until(driver -> driver.findElement(By.cssSelector("[cam-widget-header]")).getText().contains("Giám sát"));
        assertNoBanner(page);
        assertThat(page.findElement(By.cssSelector("#footer-timezone")).getText()).containsAnyOf(Browser.TIME_ZONES);
        browser.screenshot("cockpit-dashboard");
    }

    @Test
    void shouldShowAdminToTheAdministratorInVietnamese() {
        logIn("/camunda/app/admin/default/#/users", "admin");
        WebDriver page = browser.driver();
        browser.waiting().until(driver -> driver.findElement(By.tagName("body")).getText().contains("Danh sách người dùng"));
        assertNoBanner(page);
        browser.screenshot("admin-users");
    }

    private void logIn(String path, String user) {
        WebDriver page = browser.driver();
        page.get(http.getRootUri() + path);
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
                .sendKeys(user);
        assertThat(page.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).getText())
                .isEqualTo("Đăng nhập");
        page.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(PASSWORD);
        page.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.account > a.dropdown-toggle")));
    }

    private static void assertNoBanner(WebDriver page) {
        assertThat(page.findElements(By.cssSelector(".ce-eol-banner")).stream().noneMatch(WebElement::isDisplayed))
                .as("no Camunda 8 banner").isTrue();
    }
}
