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

    /** The page at the laptop and the tablet size, as PNG files named after it. */
    void screenshots(String name) {
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
