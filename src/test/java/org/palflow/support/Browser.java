package org.palflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real Chromium (Debian's, with its driver) looking at the running app, as a person would. Every page of the app
 * it visits or posts a form to is checked with axe-core on arrival; any page can be saved as a screenshot under
 * target/ui-screenshots.
 */
public final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");

    private final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** A fresh browser (no cookies, its own profile) with a window of the given width, e.g. a phone's 390. */
    public static Browser open(int port, int width) {
        try {
            ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new",
                    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--window-size=" + width + ",1000",
                    "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
            return new Browser(driver, "http://localhost:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Browser visit(String path) {
        driver.get(base + path);
        return onArrival();
    }

    /** Pages of the app are checked as soon as they are shown; Keycloak's own pages are not ours to check. */
    private Browser onArrival() {
        return driver.getCurrentUrl().startsWith(base) ? assertAccessible() : this;
    }

    /** The page's HTML as the browser holds it now. */
    public String html() {
        return driver.getPageSource();
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String text(String css) {
        return find(css).getText();
    }

    public Browser type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    public Browser click(String css) {
        find(css).click();
        return this;
    }

    /** Follows a link to another page of the app. */
    public Browser follow(String css) {
        return submit(css);
    }

    /** Clicks a button that posts a form (or a link), and waits for the page it leads to. */
    public Browser submit(String css) {
        WebElement page = driver.findElement(By.tagName("html"));
        find(css).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(page));
        return onArrival();
    }

    /** Clicks a form's button twice in quick succession, as an impatient person does, and waits for the page. */
    public Browser doubleClickToSubmit(String css) {
        WebElement page = driver.findElement(By.tagName("html"));
        new org.openqa.selenium.interactions.Actions(driver).doubleClick(find(css)).perform();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(page));
        return onArrival();
    }

    public Browser select(String css, String value) {
        new org.openqa.selenium.support.ui.Select(find(css)).selectByValue(value);
        return this;
    }

    /** Runs JavaScript in the page; its return value as Selenium maps it (numbers as Long or Double, arrays as List). */
    public Object script(String javascript) {
        return driver.executeScript(javascript);
    }

    /** Downloads a file of the app with the browser's session, as the link the person clicks would. */
    public byte[] download(String path) {
        Object base64 = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(response => response.arrayBuffer()).then(buffer => {
                  let binary = '';
                  new Uint8Array(buffer).forEach(b => binary += String.fromCharCode(b));
                  done(btoa(binary));
                });
                """, path);
        return java.util.Base64.getDecoder().decode((String) base64);
    }

    /**
     * Sends request bodies no faster than this (Chromium's network emulation, the unit ChromeDriver passes on), so an
     * upload's progress on loopback lasts long enough to be seen; 0 lifts the limit.
     */
    public Browser limitUploads(int bytesPerSecond) {
        if (bytesPerSecond == 0) {
            driver.deleteNetworkConditions();
        } else {
            driver.setNetworkConditions(new org.openqa.selenium.chromium.ChromiumNetworkConditions()
                    .setUploadThroughput(bytesPerSecond).setDownloadThroughput(-1));
        }
        return this;
    }

    /** Chooses a file in a file input. */
    public Browser choose(String css, Path file) {
        find(css).sendKeys(file.toAbsolutePath().toString());
        return this;
    }

    public Browser signIn(String username) {
        visit("/sign-in").type("#username", username).type("#password", username + "-pal");
        return submit("main button[type=submit]");
    }

    /** Fails on any serious or critical accessibility violation of the page as it is now. */
    public Browser assertAccessible() {
        Results results = new AxeBuilder().analyze(driver);
        List<String> severe = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(Browser::describe).toList();
        assertThat(severe).as("axe-core on " + path()).isEmpty();
        return this;
    }

    public Browser screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Rule rule) {
        return rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
