package io.tributary.daemon.api;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver through Selenium; screenshots go to
 * {@code target/console-screenshots/} for a reviewer to look at. Fails with one sentence when the browser is not
 * installed ({@code .ci/run} installs it): a console test never passes by not running.
 */
final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String prefix;

    Browser(Path profile, String prefix) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The console tests need Debian's Chromium and its driver: "
                    + "apt-get install -y chromium chromium-driver (.ci/run does this).");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the flags this machine needs: no sandbox as root, and no background calls to Google's hosts, which
        // this network refuses
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900",
                "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().window().setSize(new Dimension(1280, 900));
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        this.prefix = prefix;
        try (var old = Files.list(Files.createDirectories(SCREENSHOTS))) {
            for (Path shot : old.filter(p -> p.getFileName().toString().startsWith(prefix + "-")).toList()) {
                Files.delete(shot); // a reviewer sees this run's pages only
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement clickable(By by) {
        return wait.until(ExpectedConditions.elementToBeClickable(by));
    }

    void click(By by) {
        clickable(by).click();
    }

    void type(By by, String text) {
        WebElement input = find(by);
        input.clear();
        input.sendKeys(text);
    }

    /** Waits until {@code by} shows text containing {@code expected}; returns the element's text. */
    String awaitText(By by, String expected) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(by, expected));
        return driver.findElement(by).getText();
    }

    <T> T until(Function<WebDriver, T> condition) {
        return wait.until(condition::apply);
    }

    /** Saves the page as {@code target/console-screenshots/<prefix>-<name>.png}. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(prefix + "-" + name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
