package fazhi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End to end in headless Chromium (Debian's chromium + chromedriver, never downloaded by Selenium Manager): a user
 * searches, filters, reads a report, compares two reports, downloads CSVs, and crawled script text stays text.
 * One browser session serves all tests; screenshots of the main pages go to target/screenshots/.
 */
class BrowserEndToEndTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path dataDir;
    @TempDir
    static Path browserDir;
    static TestPortal portal;
    static ChromeDriver driver;
    static Path downloads;

    @BeforeAll
    static void start() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (Debian packages chromium and chromium-driver): run ./portal test, which installs them");
        }
        portal = TestPortal.start(dataDir);
        downloads = Files.createDirectories(browserDir.resolve("downloads"));
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + browserDir.resolve("profile"), "--window-size=1366,768", "--lang=zh-CN");
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false,
                "download.directory_upgrade", true,
                "safebrowsing.enabled", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT);
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (portal != null) {
            portal.close();
        }
    }

    @BeforeEach
    void desktop() {
        viewport(1366, 768);
    }

    /** Sizes the window so that the page viewport (what a screenshot shows) is exactly width × height. */
    static void viewport(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        Object inner = driver.executeScript("return [window.innerWidth, window.innerHeight];");
        List<?> size = (List<?>) inner;
        int dw = width - ((Number) size.get(0)).intValue();
        int dh = height - ((Number) size.get(1)).intValue();
        if (dw != 0 || dh != 0) {
            driver.manage().window().setSize(new Dimension(width + dw, height + dh));
        }
    }

    static WebDriverWait waiting() {
        return new WebDriverWait(driver, WAIT);
    }

    static void open(String path) {
        driver.get(portal.url(path));
    }

    @Test
    void searchFilterReadCompareAndDownload() throws Exception {
        open("/");
        WebElement box = driver.findElement(By.cssSelector(".search-hero input[name=q]"));
        box.sendKeys("民情茶室");
        box.submit();
        waiting().until(ExpectedConditions.urlContains("q="));
        List<WebElement> hits = driver.findElements(By.cssSelector("li.hit"));
        assertThat(hits).hasSize(1);
        assertThat(hits.getFirst().findElement(By.cssSelector("a.hit-title")).getText()).contains("统景镇");
        assertThat(hits.getFirst().findElements(By.cssSelector(".snippet mark"))).isNotEmpty()
                .allSatisfy(m -> assertThat(m.getText()).isEqualTo("民情茶室"));

        // A facet click narrows the search and shows as a removable chip.
        driver.findElement(By.cssSelector("a[data-facet=section][data-value=plans]")).click();
        waiting().until(ExpectedConditions.urlContains("section=plans"));
        assertThat(driver.findElement(By.cssSelector(".chips")).getText()).contains("下一年度安排");
        assertThat(driver.findElements(By.cssSelector("li.hit"))).hasSize(1);

        // The report, with the hits highlighted and a jump list.
        driver.findElement(By.cssSelector("a.hit-title")).click();
        waiting().until(ExpectedConditions.urlContains("/report/"));
        assertThat(driver.findElement(By.cssSelector("h1.report-title")).getText()).contains("统景镇");
        List<WebElement> jumps = driver.findElements(By.cssSelector(".jump-list a"));
        assertThat(jumps).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector(".report-section mark"))).hasSameSizeAs(jumps);
        jumps.getFirst().click();
        waiting().until(ExpectedConditions.urlContains("#hit-1"));
        screenshot("report");

        // Compare two reports picked with the result checkboxes.
        open("/?q=" + TestPortal.enc("法律顾问"));
        screenshot("search");
        driver.findElement(By.cssSelector("li.hit[data-id=fx-tongjing-2021] input[type=checkbox]")).click();
        driver.findElement(By.cssSelector("li.hit[data-id=fx-dasheng-2021] input[type=checkbox]")).click();
        driver.findElement(By.id("compare-submit")).click();
        waiting().until(ExpectedConditions.urlContains("/compare"));
        List<String> columns = driver.findElements(By.cssSelector("th.col")).stream().map(e -> e.getAttribute("data-id")).toList();
        assertThat(columns).containsExactly("fx-tongjing-2021", "fx-dasheng-2021");
        assertThat(driver.findElements(By.cssSelector("strong.fig")).stream().map(WebElement::getText)).contains("6件", "614起", "99.8%");
        assertThat(driver.findElement(By.cssSelector(".compare-grid")).getText()).contains("未提及");
        driver.findElement(By.cssSelector("th.col[data-id=fx-dasheng-2021] a.move-left")).click();
        waiting().until(d -> d.findElements(By.cssSelector("th.col")).getFirst().getAttribute("data-id").equals("fx-dasheng-2021"));
        screenshot("compare");

        driver.findElement(By.partialLinkText("导出对比表 CSV")).click();
        List<CSVRecord> grid = downloaded("报告对比_");
        assertThat(grid.getFirst().toList()).hasSize(3).element(1).asString().startsWith("大盛镇 2021年");

        // The whole result set as CSV, one row per matching section.
        open("/?q=" + TestPortal.enc("法律顾问"));
        driver.findElement(By.partialLinkText("每个匹配章节一行")).click();
        List<CSVRecord> rows = downloaded("法治报告_");
        assertThat(rows.getFirst().get(0)).isEqualTo("报告ID");
        assertThat(rows).hasSize(1 + (int) PortalHttpTest.matchingSectionsIn(portal, "法律顾问"));
    }

    @Test
    void scriptInCrawledTextIsShownAsTextAndNeverRuns() throws Exception {
        open("/report/fx-xinglong-2021");
        String body = driver.findElement(By.tagName("body")).getText();
        assertThat(body).contains("<script>alert(1)</script>").contains("<img src=x onerror=alert(2)>");
        assertNoDialog();
        open("/?q=" + TestPortal.enc("脚本注入测试"));
        assertThat(driver.findElement(By.cssSelector("li.hit .snippet")).getText()).contains("<script>alert(1)</script>");
        assertThat(driver.findElement(By.cssSelector("li.hit a.hit-title")).getText()).endsWith("<script>alert(1)</script>");
        assertNoDialog();
        screenshot("escaped");
    }

    @Test
    void screenshotsOfTheMainPagesOnDesktopAndPhone() throws Exception {
        for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(390, 844))) {
            viewport(size.width, size.height);
            String suffix = "-" + size.width + "x" + size.height;
            open("/?q=" + TestPortal.enc("法律顾问"));
            screenshot("search" + suffix);
            open("/?q=" + TestPortal.enc("法律顾问 民情茶室") + "&year=2023");
            screenshot("empty" + suffix);
            open("/report/fx-tongjing-2021?q=" + TestPortal.enc("法律顾问"));
            screenshot("report" + suffix);
            open("/compare?q=" + TestPortal.enc("法律顾问") + "&id=fx-tongjing-2021&id=fx-dasheng-2021&id=fx-xinglong-2021");
            screenshot("compare" + suffix);
            open("/trends?q=" + TestPortal.enc("法律顾问"));
            waiting().until(d -> !d.findElements(By.cssSelector("#chart-year canvas")).isEmpty());
            screenshot("trends" + suffix);
            open("/?q=%22");
            screenshot("error" + suffix);
        }
        // The pages work under the CSP: nothing the browser refused, no script errors.
        List<String> problems = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::getMessage)
                .filter(m -> !m.contains("status of 400")).toList();
        assertThat(problems).isEmpty();
        assertThat(driver.findElements(By.cssSelector(".notice .message"))).hasSize(1);
    }

    static void assertNoDialog() {
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    static void screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Waits for a finished download whose name starts with {@code prefix}, parses it as UTF-8 CSV with BOM, deletes it. */
    static List<CSVRecord> downloaded(String prefix) throws Exception {
        Path[] found = new Path[1];
        waiting().until(d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                found[0] = files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.getFileName().toString().endsWith(".csv"))
                        .findFirst().orElse(null);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return found[0] != null;
        });
        byte[] bytes = Files.readAllBytes(found[0]);
        Files.delete(found[0]);
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        return CSVFormat.EXCEL.parse(new StringReader(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))).getRecords();
    }
}
