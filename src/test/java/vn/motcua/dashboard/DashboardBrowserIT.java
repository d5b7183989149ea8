package vn.motcua.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.support.Patience;
import vn.motcua.support.Browser;
import vn.motcua.support.IntegrationTest;

/**
 * The supervisor's dashboard in headless Chromium: log in, read every unit, filter one unit, and
 * download the filtered II.06a as XLSX, which must hold the numbers the API reports for that filter.
 */
class DashboardBrowserIT extends IntegrationTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void shouldShowFilterAndDownloadTheReportWhenASupervisorOpensTheDashboard() throws IOException {
        // Given this month's dossiers in two units
        submitted("ONLINE", "COUNTER", "Bảng Điều Khiển Một");
        submitted("COUNTER", "COUNTER", "Bảng Điều Khiển Hai");
        assertThat(submit(OTHER_UNIT, "ONLINE", "COUNTER", householdBusiness("Bảng Điều Khiển Ba")).getStatusCode().value())
                .isEqualTo(201);
        WebDriver page = browser.driver();
        Path downloads = Files.createDirectories(Path.of(System.getProperty("basedir", "."), "target", "downloads-"
                + java.util.UUID.randomUUID()));
        ((HasCdp) page).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));

        // When the supervisor logs in and opens the dashboard
        page.get(http.getRootUri() + "/login");
        page.findElement(By.id("username")).sendKeys("supervisor");
        page.findElement(By.id("password")).sendKeys(PASSWORD);
        page.findElement(By.cssSelector("button[type=submit]")).click();
        // Only once the login has landed: navigating earlier would cancel it.
        browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        page.get(http.getRootUri() + "/bao-cao");
        awaitLoaded(page);

        // Then every unit is in II.06a, with a total, and the charts are drawn from the local Chart.js
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Báo cáo tình hình giải quyết hồ sơ");
        assertThat(unitRows(page)).contains("Ủy ban nhân dân quận Ba Đình", "Ủy ban nhân dân quận Hoàn Kiếm", "Tổng cộng");
        assertThat((Boolean) ((org.openqa.selenium.JavascriptExecutor) page).executeScript("return !!window.Chart")).isTrue();
        assertThat(page.findElements(By.cssSelector("#rankings tbody tr"))).hasSizeGreaterThanOrEqualTo(3);
        browser.screenshot("dashboard-all-units");

        // When the supervisor filters one unit
        new Select(page.findElement(By.id("unit"))).selectByValue(UNIT);
        page.findElement(By.id("apply")).click();
        browser.waiting().until(ExpectedConditions.urlContains("unit=" + UNIT));
        awaitLoaded(page);

        // Then the table shows that unit alone, with the API's numbers, and its overdue list
        JsonNode expected = as("supervisor").getForObject("/api/reports/ii06a?period=month&unit={unit}", JsonNode.class, UNIT);
        long received = expected.at("/units/0/figures/received/total").asLong();
        assertThat(received).isGreaterThanOrEqualTo(2);
        assertThat(unitRows(page)).containsExactly("Ủy ban nhân dân quận Ba Đình", "Tổng cộng");
        WebElement unitRow = page.findElement(By.cssSelector("#ii06a tbody tr.unit"));
        assertThat(unitRow.findElements(By.tagName("td")).get(0).getText()).isEqualTo(String.valueOf(received));
        assertThat(page.findElement(By.id("overdue-hint")).isDisplayed()).isFalse();
        JsonNode fees = as("supervisor").getForObject("/api/reports/fees?period=month&unit={unit}", JsonNode.class, UNIT);
        List<WebElement> feeTotal = page.findElements(By.cssSelector("#fees tbody tr.total td"));
        assertThat(feeTotal.get(2).getText()).isEqualTo(fees.get("payments").asText());
        assertThat(page.findElements(By.cssSelector("#fees tbody tr:not(.total)"))).hasSize(fees.get("lines").size());
        browser.screenshot("dashboard-one-unit");

        // And the XLSX download holds the filtered numbers
        page.findElement(By.id("download-xlsx")).click();
        Path xlsx = awaitDownload(downloads);
        assertThat(xlsx.getFileName().toString()).startsWith("bao-cao-II.06a-" + UNIT);
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            Row unitTotal = rows(sheet).filter(row -> UNIT.equals(text(row, 0)) && "Cộng đơn vị".equals(text(row, 3)))
                    .findFirst().orElseThrow(() -> new AssertionError("no unit total row in " + xlsx));
            assertThat((long) unitTotal.getCell(4).getNumericCellValue()).isEqualTo(received);
            assertThat(rows(sheet).map(row -> text(row, 0))).doesNotContain(OTHER_UNIT);
        }
    }

    private static void awaitLoaded(WebDriver page) {
        browser.waiting().until(driver -> Optional.ofNullable(driver.findElement(By.tagName("main")).getDomAttribute("data-loaded"))
                .filter(state -> !state.isEmpty()).isPresent());
        assertThat(page.findElement(By.tagName("main")).getDomAttribute("data-loaded"))
                .as(page.findElement(By.id("report-status")).getText()).isEqualTo("true");
    }

    private static List<String> unitRows(WebDriver page) {
        return page.findElements(By.cssSelector("#ii06a tbody tr.unit th, #ii06a tbody tr.total th")).stream()
                .map(WebElement::getText).toList();
    }

    private static Path awaitDownload(Path directory) {
        Patience patience = Patience.of(Duration.ofSeconds(30));
        while (!patience.exhausted()) {
            try (Stream<Path> files = Files.list(directory)) {
                Optional<Path> done = files.filter(file -> file.toString().endsWith(".xlsx")).findFirst();
                if (done.isPresent()) {
                    return done.get();
                }
                Thread.sleep(200);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no XLSX downloaded into " + directory);
    }

    private static Stream<Row> rows(Sheet sheet) {
        return java.util.stream.StreamSupport.stream(sheet.spliterator(), false);
    }

    private static String text(Row row, int column) {
        var cell = row.getCell(column);
        return cell == null || cell.getCellType() != org.apache.poi.ss.usermodel.CellType.STRING ? null : cell.getStringCellValue();
    }
}
