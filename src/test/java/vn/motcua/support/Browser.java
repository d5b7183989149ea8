package vn.motcua.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for browser tests: Debian's {@code chromium} driven through Debian's
 * {@code chromedriver}, both at fixed paths so that Selenium Manager never looks for (or downloads)
 * a browser or a driver of its own.
 *
 * <p>Register it as a static extension, {@code @RegisterExtension static final Browser browser = new
 * Browser();}: each test gets a new browser with an empty profile, and a failing test leaves a
 * screenshot and the page source under {@code target/screenshots/}. Without the two programs each
 * test is skipped, with the command that installs them, unless {@code MOTCUA_BROWSER_TESTS=required}
 * (as in CI), which makes it fail instead.
 */
public final class Browser implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final String REQUIRED_VARIABLE = "MOTCUA_BROWSER_TESTS";
    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** The zone of an officer's workstation: Camunda's webapps show times in the browser's zone. */
    public static final String TIME_ZONE = "Asia/Ho_Chi_Minh";
    /** How pages name that zone: browsers may give ICU's canonical alias, Asia/Saigon. */
    public static final String[] TIME_ZONES = {TIME_ZONE, "Asia/Saigon"};

    /** A phone's screen (an iPhone 12-15 class device): 390 x 844 CSS pixels. */
    public static final Dimension PHONE = new Dimension(390, 844);

    private final Dimension screen;
    private WebDriver driver;
    private Path profile;

    /** A desktop browser (1280 x 1800). */
    public Browser() {
        this(null);
    }

    private Browser(Dimension screen) {
        this.screen = screen;
    }

    /** A browser with a phone's viewport and touch, as Chromium's device emulation gives it. */
    public static Browser phone() {
        return new Browser(PHONE);
    }

    /** The current test's browser. */
    public WebDriver driver() {
        if (driver == null) {
            throw new IllegalStateException("no browser: register Browser with @RegisterExtension on a static field");
        }
        return driver;
    }

    /** An explicit wait on the current browser, up to {@link #TIMEOUT}. */
    public WebDriverWait waiting() {
        return new WebDriverWait(driver(), TIMEOUT);
    }

    /** Saves a PNG of the visible page as {@code target/screenshots/<name>.png}, kept as a test artefact. */
    public Path screenshot(String name) {
        byte[] png = ((TakesScreenshot) driver()).getScreenshotAs(OutputType.BYTES);
        return write(name + ".png", png);
    }

    /** Skips the test (or fails it, when required) if Chromium or ChromeDriver is missing. */
    public static void assumeInstalled() {
        List<Path> missing = Stream.of(CHROMIUM, CHROMEDRIVER).filter(path -> !Files.isExecutable(path)).toList();
        if (missing.isEmpty()) {
            return;
        }
        String message = "browser tests need Debian's Chromium and ChromeDriver, missing: " + missing
                + "; install them with `sudo apt-get install chromium chromium-driver`";
        if ("required".equalsIgnoreCase(System.getenv(REQUIRED_VARIABLE))) {
            throw new IllegalStateException(message + " (" + REQUIRED_VARIABLE + "=required)");
        }
        Assumptions.abort(message);
    }

    /** A new headless Chromium with the given, empty, profile directory. */
    public static WebDriver chromium(Path userDataDir) {
        return chromium(userDataDir, null);
    }

    /** A new headless Chromium with a phone's viewport ({@link #PHONE}), for tests that manage their own browser. */
    public static WebDriver phoneChromium(Path userDataDir) {
        return chromium(userDataDir, PHONE);
    }

    /** Saves a PNG of a browser's visible page as {@code target/screenshots/<name>.png}. */
    public static Path screenshot(WebDriver browser, String name) {
        return write(name + ".png", ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static WebDriver chromium(Path userDataDir, Dimension screen) {
        ChromeOptions options = new ChromeOptions();
        if (screen != null) {
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", screen.getWidth(), "height", screen.getHeight(), "pixelRatio", 2, "touch", true)));
        }
        options.setBinary(CHROMIUM.toFile());
        // Headless as root on a machine without outside network: no sandbox, no GPU, and none of
        // the background connections Chromium would otherwise try at every start.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + userDataDir.toAbsolutePath(), "--window-size=1280,1800", "--lang=vi");
        // A browser set up in Vietnam: Vietnamese first (the webapps pick their language from it).
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "vi,en"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                // ChromeDriver starts Chromium with its own environment: the zone reaches the pages.
                .withEnvironment(Map.of("TZ", TIME_ZONE))
                .build();
        ChromeDriver chromium = new ChromeDriver(service, options);
        chromium.manage().timeouts().pageLoadTimeout(TIMEOUT);
        return chromium;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        assumeInstalled();
        profile = Files.createTempDirectory("motcua-chromium-");
        driver = chromium(profile, screen);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (driver != null && context.getExecutionException().isPresent()) {
            String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName()
                    + "-failure";
            try {
                screenshot(name);
                write(name + ".html", driver.getPageSource().getBytes(StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                context.getExecutionException().get().addSuppressed(e);
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            if (profile != null) {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
                profile = null;
            }
        }
    }

    private static Path write(String fileName, byte[] content) {
        try {
            Path directory = Path.of(System.getProperty("basedir", "."), "target", "screenshots");
            Files.createDirectories(directory);
            return Files.write(directory.resolve(fileName), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
