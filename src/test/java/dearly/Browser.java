package dearly;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real Chromium, headless, with a phone's screen (390 × 844 CSS pixels, three device pixels to one), for tests that need a browser: scripts that
 * run, layout, the clipboard. One per test class: it takes about a second to start.
 *
 * <p>It uses the system's Chromium and chromedriver (Debian: {@code apt-get install chromium
 * chromium-driver}); override with {@code -Ddearly.chromium=...} and {@code -Ddearly.chromedriver=...}.
 * Because the driver is given explicitly, Selenium Manager never runs and nothing is downloaded. Where
 * Chromium is missing the tests are skipped, except on CI (the {@code CI} variable set), where they fail.
 *
 * <p>Pages send a Content-Security-Policy that forbids inline script; {@link #script} and
 * {@link #beforeEachPage} go through the DevTools protocol, which the policy does not govern.
 */
public final class Browser implements AutoCloseable {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final ChromeDriver driver;
    private final Path profile;
    private final List<String> injected = new ArrayList<>();

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A phone-sized headless Chromium, or the test is skipped (failed on CI) when there is none. */
    public static Browser phone() {
        Path chromium = Path.of(System.getProperty("dearly.chromium", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("dearly.chromedriver", "/usr/bin/chromedriver"));
        requireInstalled(chromium, chromedriver);
        Path profile;
        try {
            profile = Files.createTempDirectory("dearly-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(chromium.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--user-data-dir=" + profile,
                        "--window-size=390,844")
                // A desktop window is never narrower than 500px, even headless: emulate the phone's screen,
                // which also makes Chromium honour <meta name="viewport"> as a phone does. Not touch: with
                // touch emulation on and JavaScript off, chromedriver's click never returns.
                .setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", Map.of(
                        "width", 390, "height", 844, "pixelRatio", 3.0, "mobile", true, "touch", false)));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        try {
            // A browser that stops answering fails the test in half a minute rather than hanging the build.
            ClientConfig client = ClientConfig.defaultConfig().readTimeout(Duration.ofSeconds(30));
            return new Browser(new ChromeDriver(service, options, client), profile);
        } catch (RuntimeException e) {
            delete(profile);
            throw e;
        }
    }

    static void requireInstalled(Path chromium, Path chromedriver) {
        if (Files.isExecutable(chromium) && Files.isExecutable(chromedriver)) return;
        String missing = "Chromium is not installed (looked for " + chromium + " and " + chromedriver + ")";
        if (System.getenv("CI") != null) {
            fail(missing + ": install chromium and chromium-driver (apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(false, missing + ": apt-get install chromium chromium-driver");
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Waits, up to ten seconds, until the condition is true or non-null. */
    public <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE).until(condition);
    }

    /**
     * Waits, up to ten seconds, and says what never came. A page being replaced can answer with its
     * old, stale elements: the condition is asked again until the new page is there.
     */
    public <T> T await(String expected, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE).withMessage(expected)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    /** Taps what the selector finds, as she would, and waits for the page that answers. */
    public void tap(String css, String expected, Function<WebDriver, Boolean> arrived) {
        WebElement target = find(css);
        target.click();
        awaitGone(target);
        await(expected, arrived);
    }

    /**
     * Waits until the element has left the page, as after a form is sent. Chromium may answer a
     * question about a node of the page being replaced with a generic error rather than "stale";
     * either means the old page is gone.
     */
    public void awaitGone(WebElement element) {
        await(page -> {
            try {
                element.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
    }

    /** Runs script in the page, as the body of a function; arguments are {@code arguments[0..]}. */
    public Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Like {@link #script}, and waits for the callback {@code arguments[arguments.length - 1]}. */
    public Object asyncScript(String script, Object... args) {
        driver.manage().timeouts().scriptTimeout(PATIENCE);
        return driver.executeAsyncScript(script, args);
    }

    /** Runs source in every page loaded from now on, before the page's own scripts, until {@link #reset}. */
    public void beforeEachPage(String source) {
        Map<String, Object> result = driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", source));
        injected.add((String) result.get("identifier"));
    }

    /** Lets pages from origin ({@code http://localhost:1234}) read and write the clipboard, until {@link #reset}. */
    public void allowClipboard(String origin) {
        driver.executeCdpCommand("Browser.grantPermissions", Map.of(
                "origin", origin,
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }

    /** Turns JavaScript off (or on again) for pages loaded from now on, until {@link #reset}. */
    public void javaScript(boolean enabled) {
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", !enabled));
    }

    /** Sends these headers with every request from now on (none: {@code Map.of()}), until {@link #reset}. */
    public void extraHeaders(Map<String, String> headers) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", headers));
    }

    /** Pretends the phone is set to {@code "light"} or {@code "dark"}, until {@link #reset}. */
    public void colourScheme(String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of(
                "features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /**
     * Gives the phone a screen this many CSS pixels wide and high, until {@link #reset}. A 360-pixel
     * phone at 200% zoom lays pages out in 180 CSS pixels: {@code screen(180, 400)}.
     */
    public void screen(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 3.0, "mobile", true));
    }

    /**
     * What sticks out sideways on the page as it stands: an empty list when nothing does. Elements
     * placed off-screen on purpose (the skip link, the robots' field) are not counted.
     */
    @SuppressWarnings("unchecked")
    public List<String> sidewaysOverflow() {
        return (List<String>) script("""
                var width = document.documentElement.clientWidth, wide = [];
                if (document.documentElement.scrollWidth > width) wide.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + width);
                document.querySelectorAll('body *').forEach(function (el) {
                  if (el.closest('.skip, .trap, .default-submit')) return;
                  var r = el.getBoundingClientRect();
                  if (r.width > 0 && (r.right > width + 0.5 || r.left < -0.5)) {
                    wide.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
                        + ' spans ' + Math.round(r.left) + '..' + Math.round(r.right) + ' of ' + width + ': ' + (el.textContent || '').trim().slice(0, 40));
                  }
                });
                return wide;""");
    }

    /**
     * The page's HTML as the browser received it, before any script ran. Chromium keeps no copy of a
     * page sent with {@code Cache-Control: no-store} (private and staff pages): for those, the page as
     * parsed, written out again.
     */
    @SuppressWarnings("unchecked")
    public String source() {
        Map<String, Object> tree = driver.executeCdpCommand("Page.getFrameTree", Map.of());
        Map<String, Object> frame = (Map<String, Object>) ((Map<String, Object>) tree.get("frameTree")).get("frame");
        try {
            return (String) driver.executeCdpCommand("Page.getResourceContent", Map.of("frameId", frame.get("id"), "url", frame.get("url")))
                    .get("content");
        } catch (org.openqa.selenium.WebDriverException notKept) {
            return (String) script("return '<!DOCTYPE html>\\n' + document.documentElement.outerHTML");
        }
    }

    /** The whole page, not just what fits on the screen, as a PNG. */
    public Path screenshot(Path file) {
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Undoes everything set above and leaves a blank page, so the next test starts afresh. */
    public void reset() {
        for (String identifier : injected) {
            driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", identifier));
        }
        injected.clear();
        driver.executeCdpCommand("Browser.resetPermissions", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "", "features", List.of()));
        screen(390, 844);
        driver.get("about:blank");
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is no reason to fail a test.
        }
    }
}
