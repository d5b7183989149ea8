package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import vn.motcua.support.Browser;
import vn.motcua.support.IntegrationTest;

/**
 * The portal's pages in headless Chromium: the catalogue and the language switch. Screenshots
 * under {@code target/screenshots/}.
 */
class PortalBrowserIT extends IntegrationTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void shouldBrowseTheCatalogueInVietnameseAndSwitchToEnglish() {
        WebDriver page = browser.driver();
        page.get(http.getRootUri() + "/");

        assertThat(page.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("vi");
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Thủ tục hành chính");
        WebElement procedure = page.findElement(By.cssSelector("article[data-procedure='" + PROCEDURE + "']"));
        assertThat(procedure.getText()).contains("Đăng ký thành lập hộ kinh doanh", "2.000720",
                "Thành lập và hoạt động của hộ kinh doanh", "Cấp huyện", "Toàn trình", "3 ngày làm việc",
                "100.000 đồng", "Trực tuyến");
        browser.screenshot("portal-catalogue");

        search(page, "hộ kinh doanh");
        assertThat(procedures(page)).contains(PROCEDURE);
        search(page, "không có thủ tục này");
        assertThat(procedures(page)).isEmpty();
        assertThat(page.findElement(By.cssSelector("p.empty")).getText()).isEqualTo("Không tìm thấy thủ tục nào.");

        page.findElement(By.linkText("English")).click();
        browser.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Administrative procedures"));
        // The search is kept across the switch.
        assertThat(page.findElement(By.id("q")).getDomProperty("value")).isEqualTo("không có thủ tục này");
        assertThat(page.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        search(page, "");
        assertThat(page.findElement(By.cssSelector("article[data-procedure='" + PROCEDURE + "']")).getText())
                .contains("Household business registration", "District level", "Wholly online", "3 working days",
                        "Submit online");
        browser.screenshot("portal-catalogue-en");

        // The choice is remembered: the next page, without ?lang, is still in English.
        page.get(http.getRootUri() + "/tra-cuu");
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Track a dossier");
        page.findElement(By.linkText("Tiếng Việt")).click();
        browser.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Tra cứu hồ sơ"));
    }

    private static void search(WebDriver page, String words) {
        WebElement box = page.findElement(By.id("q"));
        box.clear();
        box.sendKeys(words);
        page.findElement(By.cssSelector("form.search button")).click();
        browser.waiting().until(ExpectedConditions.stalenessOf(box));
    }

    private static List<String> procedures(WebDriver page) {
        return page.findElements(By.cssSelector("article[data-procedure]")).stream()
                .map(article -> article.getDomAttribute("data-procedure"))
                .toList();
    }
}
