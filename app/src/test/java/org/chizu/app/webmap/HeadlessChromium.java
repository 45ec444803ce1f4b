package org.chizu.app.webmap;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver. Both binaries are named, so
 * Selenium Manager never looks for (or downloads) a browser; each instance has a fresh profile. A size
 * up to {@value #WIDEST_PHONE} px wide is a phone's, emulated as Chromium's DevTools do it: a headless
 * window is at least 500 px wide, so a window of a phone's width would show a page 500 px wide.
 */
public final class HeadlessChromium implements AutoCloseable {

    static final String BROWSER = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The accessibility engine, installed by the webmap module's npm build. */
    static final Path AXE = Path.of("..", "webmap", "node_modules", "axe-core", "axe.min.js");
    /** The widest size that is a phone's (a mobile viewport); wider ones are desktop windows. */
    static final int WIDEST_PHONE = 600;

    private final Path profile;
    private final ChromeDriver driver;

    public HeadlessChromium(int width, int height) {
        if (!Files.isExecutable(Path.of(BROWSER)) || !Files.isExecutable(Path.of(DRIVER))) {
            throw new IllegalStateException("browser tests need Debian's chromium and chromium-driver ("
                    + BROWSER + ", " + DRIVER + "); ./chizu test installs them");
        }
        try {
            profile = Files.createTempDirectory("chizu-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("webdriver.chrome.driver", DRIVER);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(BROWSER).addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                "--force-device-scale-factor=1", "--lang=ja");
        // Keeps the page's console, so a test can say that a tap threw nothing or that the policy refused nothing.
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        driver = new ChromeDriver(service, options);
        resize(width, height);
    }

    /**
     * Shows pages at another size from now on: a phone's (a mobile viewport) or a desktop window's.
     * Either is emulated, so the page gets exactly that viewport: a headless window's size would
     * include browser chrome that is not there (1440×900 gave a 1440×757 page).
     */
    public void resize(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width <= WIDEST_PHONE));
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Signs in through the sign-in form as a person would, and waits until it has let them in. */
    public void signIn(int port, String name, String password) {
        driver.get("http://localhost:" + port + "/login");
        driver.findElement(By.id("username")).sendKeys(name);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** The tests never reach GSI: its tiles fail as they do offline, whatever the machine's network. */
    public void blockGsiTiles() {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*cyberjapandata.gsi.go.jp*")));
    }

    /**
     * What the browser refused for the Content-Security-Policy since the last call, as its console says
     * it (an inline script or style, an event handler attribute, a resource from another site).
     */
    public List<String> contentSecurityViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
    }

    /**
     * What the page's scripts reported as errors since the last call (uncaught exceptions and
     * console.error), leaving out resources that failed to load, such as the blocked GSI tiles.
     */
    public List<String> scriptErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !message.contains("Failed to load resource"))
                .toList();
    }

    /** axe-core's serious and critical violations on the page as it is now, one line each. */
    @SuppressWarnings("unchecked")
    public List<String> seriousAccessibilityViolations() throws IOException {
        driver.executeScript(Files.readString(AXE));
        List<Map<String, Object>> violations = (List<Map<String, Object>>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then((results) => done(results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                    targets: v.nodes.map((n) => n.target.join(' ') + ' ' + (n.failureSummary || '')).join(' | ') }))))
                  .catch((e) => done([{ id: 'axe-error', impact: 'critical', help: String(e), targets: '' }]));
                """);
        return violations.stream()
                .filter(v -> List.of("serious", "critical").contains(v.get("impact")))
                .map(v -> v.get("impact") + " " + v.get("id") + ": " + v.get("help") + " — " + v.get("targets"))
                .toList();
    }

    /** Saves what the browser shows now as target/screenshots/{name}. */
    public void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
