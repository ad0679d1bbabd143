package org.dcis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser on the web app: Debian's Chromium, headless, driven by Debian's chromedriver through Selenium 4
 * (SE_OFFLINE=true: nothing is downloaded). One fresh profile per browser, so no cookie leaks between users.
 * Screenshots of each page go to target/screenshots at the laptop and tablet sizes the issue names.
 */
final class Browser implements AutoCloseable {
    static final String CHROMIUM = System.getProperty("dcis.e2e.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("dcis.e2e.chromedriver", "/usr/bin/chromedriver");
    static final Dimension LAPTOP = new Dimension(1366, 768);
    static final Dimension TABLET = new Dimension(820, 1180);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Browser open() {
        try {
            Path profile = Files.createTempDirectory("dcis-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            // The flags keep Chromium off the network it would otherwise call (closed network here and in CI).
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-features=Translate,OptimizationHints,MediaRouter",
                    "--lang=en-GB", "--user-data-dir=" + profile, "--window-size=1366,768");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    void go(String path) {
        driver.get(Stack.GATEWAY + path);
    }

    /** Through the real Keycloak login form, from a page of the web app; ends back on the gateway. */
    void logIn(String username) {
        if (!driver.getCurrentUrl().startsWith(Stack.KEYCLOAK)) {
            go("/app/");
        }
        fillLoginForm(username);
    }

    void fillLoginForm(String username) {
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(driver.getCurrentUrl()).as("the login form is Keycloak's").startsWith(Stack.KEYCLOAK);
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.id("kc-login")).click();
        waiting().until(d -> d.getCurrentUrl().startsWith(Stack.GATEWAY));
    }

    WebElement find(String css) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText().strip();
    }

    /**
     * The page at the laptop and the tablet size, as PNG files named after it; first, the accessibility basics every
     * page keeps: a language, a main landmark, one h1, and a label for every form control.
     */
    void screenshots(String name) {
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) driver.executeScript("""
                return [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                    .filter(e => e.labels.length === 0 && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
                    .map(e => e.name || e.id || e.outerHTML.substring(0, 80));
                """);
        assertThat(unlabelled).as("form controls without a label on %s", driver.getCurrentUrl()).isEmpty();
        if (driver.getCurrentUrl().startsWith(Stack.GATEWAY)) {
            assertThat(driver.findElement(org.openqa.selenium.By.tagName("html")).getAttribute("lang")).isIn("en", "fr");
            assertThat(all("main")).hasSize(1);
            assertThat(all("h1")).as("one h1 on %s", driver.getCurrentUrl()).hasSize(1);
            assertThat(lowContrast()).as("text below WCAG 2.2 AA contrast on %s", driver.getCurrentUrl()).isEmpty();
        }
        try {
            Files.createDirectories(SCREENSHOTS);
            for (Dimension size : List.of(LAPTOP, TABLET)) {
                driver.manage().window().setSize(size);
                byte[] png = driver.getScreenshotAs(OutputType.BYTES);
                Files.write(SCREENSHOTS.resolve(name + "-" + size.width + "x" + size.height + ".png"), png);
            }
            driver.manage().window().setSize(LAPTOP);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the browser showed when a test failed: its page source, URL and a screenshot, for the CI artifacts. */
    void keepEvidence(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve("FAILED-" + name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(SCREENSHOTS.resolve("FAILED-" + name + ".html"),
                    "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource());
            var logs = driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER);
            Files.writeString(SCREENSHOTS.resolve("FAILED-" + name + ".console.txt"),
                    logs.getAll().stream().map(Object::toString).collect(java.util.stream.Collectors.joining("\n")));
        } catch (IOException | RuntimeException e) {
            // evidence is best effort: the test's own failure is what counts
        }
    }

    /**
     * Visible text whose colour against the first opaque background behind it is below WCAG 2.2 AA: 4.5:1, or 3:1 for
     * large text (24 px, or 18.66 px bold). Disabled controls are exempt, as the guideline says.
     */
    @SuppressWarnings("unchecked")
    List<String> lowContrast() {
        return (List<String>) driver.executeScript("""
                const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
                const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
                    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
                const background = e => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor);
                    if (c.length === 3 || c[3] > 0.9) return c.slice(0, 3); } return [255, 255, 255]; };
                const bad = [];
                for (const e of document.body.querySelectorAll('*')) {
                    const text = [...e.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
                    if (!text || e.closest('[disabled], canvas, svg') || e.offsetParent === null) continue;
                    const style = getComputedStyle(e);
                    if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
                    const a = lum(rgb(style.color).slice(0, 3)), b = lum(background(e));
                    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                    const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
                    const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
                    if (ratio < needed) bad.push(e.tagName + ' "' + text.substring(0, 30) + '" ' + ratio.toFixed(2));
                }
                return bad;
                """);
    }

    /** A date input takes the browser's local format when typed; the value is set as the form would carry it. */
    void setDate(String css, String isoDate) {
        driver.executeScript("arguments[0].value = arguments[1];", find(css), isoDate);
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temp profile is harmless
        }
    }
}
