package io.inventorysync.ops;

import static io.inventorysync.support.Events.array;
import static io.inventorysync.support.Events.delta;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.inventorysync.InventorySyncApplication;
import io.inventorysync.connectors.shopify.sandbox.ShopifySandbox;
import io.inventorysync.support.AppUnderTest;
import io.inventorysync.support.TestConnectors;
import io.inventorysync.support.TestStack;
import io.inventorysync.support.WebhookClient;

/**
 * The operator dashboard end to end: the page served by the running app, in headless Chromium (Debian's
 * {@code chromium} and {@code chromedriver}; {@code .ci/run} installs them), showing real figures from real traffic,
 * and its replay button bringing dead-lettered events back into the pipeline. Leaves a screenshot in
 * {@code target/screenshots/}.
 */
@SpringBootTest(classes = InventorySyncApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "inventory-sync.embedded.enabled=false", "inventory-sync.demo.enabled=false",
                "inventory-sync.ops.sample-interval=500ms" })
class OpsDashboardE2EIT {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String SCHEMA = TestStack.freshSchema("ops");
    static final List<String> SOLD = IntStream.rangeClosed(1, 20).mapToObj(i -> "OPS-%02d".formatted(i)).toList();
    static final String LATE_SKU = "OPS-LATE";
    static final TestConnectors CONNECTORS;
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    static {
        ShopifySandbox sandbox = TestStack.shopify();
        CONNECTORS = TestConnectors.create(sandbox.baseUrl(), sandbox.accessToken(), "0", SOLD);
    }

    static ChromeDriver browser;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        AppUnderTest.register(registry, SCHEMA, RUN, CONNECTORS.dir());
    }

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium chromium-driver; .ci/run installs it)").exists();
        assertThat(CHROMEDRIVER).as("Debian's chromium-driver").exists();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the flags keep Chromium from reaching out to Google's hosts, which this closed network refuses
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1500,1100",
                "--user-data-dir=" + Files.createTempDirectory("ops-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void operatorSeesLiveChannelFiguresAndReplaysDeadLettersFromThePage() throws Exception {
        ShopifySandbox sandbox = TestStack.calmShopify();
        WebhookClient client = new WebhookClient(port);
        // real traffic: receipts then sales on 20 mapped SKUs, and three events for a SKU no channel maps yet
        for (int round = 0; round < 3; round++) {
            int second = round * 2;
            assertThat(client.postSigned(array(SOLD.stream()
                    .map(sku -> delta("receiving", sku, "WH-1", 10, null, second + 1)).toList())).statusCode()).isEqualTo(202);
            assertThat(client.postSigned(array(SOLD.stream()
                    .map(sku -> delta("sale", sku, "WH-1", -1, "ORD-" + sku + "-" + second, second + 2)).toList()))
                    .statusCode()).isEqualTo(202);
        }
        assertThat(client.postSigned(array(List.of(delta("receiving", LATE_SKU, "WH-1", 7, null, 1),
                delta("sale", LATE_SKU, "WH-1", -2, "ORD-L1", 2), delta("return", LATE_SKU, "WH-1", 1, "ORD-L1", 3))))
                .statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> SOLD.forEach(sku -> assertThat(
                sandbox.available(TestConnectors.itemGid(sku), TestConnectors.LOCATION_GID)).contains(27)));

        browser.get("http://127.0.0.1:" + port + "/ops/");
        browser.findElement(By.id("token")).sendKeys(AppUnderTest.ADMIN_TOKEN);
        browser.findElement(By.cssSelector("#login button")).click();

        String channelRow = "tr[data-channel='" + TestConnectors.CHANNEL + "']";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(text("#status")).startsWith("Updated");
            assertThat(text(channelRow + " [data-field=backlog]")).isEqualTo("0");
            assertThat(Double.parseDouble(text(channelRow + " [data-field=throughput]"))).isPositive();
            assertThat(text(channelRow + " [data-field=failure-rate]")).isEqualTo("0.00 %");
            assertThat(Integer.parseInt(String.valueOf(browser.executeScript(
                    "return document.querySelector(arguments[0]).getAttribute('data-points')", channelRow + " svg.spark"))))
                    .isPositive();
            assertThat(text("tr[data-reason='sku-unmapped'] [data-field=count]")).isEqualTo("3");
        });
        screenshot("ops-dashboard.png");

        // the operator maps the SKU (a file change + reload), then presses replay on the dashboard
        CONNECTORS.map(LATE_SKU);
        assertThat(client.admin("POST", "/api/v1/mappings/reload", null, AppUnderTest.ADMIN_TOKEN).statusCode()).isEqualTo(200);
        press("tr[data-reason='sku-unmapped'] button[data-action=replay]");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                sandbox.available(TestConnectors.itemGid(LATE_SKU), TestConnectors.LOCATION_GID)).contains(6));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(text("#action-result")).startsWith("replay mapping/sku-unmapped: done").contains("\"replayed\":3");
            assertThat(browser.findElements(By.cssSelector("tr[data-reason='sku-unmapped']"))).isEmpty();
        });
        screenshot("ops-dashboard-after-replay.png");

        // pause the channel from the page: the mode says so and the dispatcher leaves the next change alone
        press(channelRow + " button[data-action=pause]");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(text(channelRow + " .badge")).isEqualTo("paused"));
        assertThat(client.postSigned(delta("sale", SOLD.get(0), "WH-1", -5, "ORD-PAUSED", 30)).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(text(channelRow + " [data-field=backlog]")).isEqualTo("1"));
        assertThat(sandbox.available(TestConnectors.itemGid(SOLD.get(0)), TestConnectors.LOCATION_GID)).contains(27);
        press(channelRow + " button[data-action=resume]");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                sandbox.available(TestConnectors.itemGid(SOLD.get(0)), TestConnectors.LOCATION_GID)).contains(22));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(text(channelRow + " .badge")).isEqualTo("live"));
    }

    @Test
    void pageWithAWrongTokenSaysSoAndShowsNoFigures() {
        browser.get("http://127.0.0.1:" + port + "/ops/");
        browser.executeScript("sessionStorage.clear()");
        browser.navigate().refresh();
        browser.findElement(By.id("token")).sendKeys("not-the-token");
        browser.findElement(By.cssSelector("#login button")).click();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(text("#status")).isEqualTo("The admin token was refused."));
        assertThat(browser.findElements(By.cssSelector("tr[data-channel]"))).isEmpty();
    }

    /** Clicks in one script call, for the same reason as {@link #text}. */
    private void press(String css) {
        await().atMost(Duration.ofSeconds(15)).until(() -> Boolean.TRUE.equals(browser.executeScript(
                "const e = document.querySelector(arguments[0]); if (e) { e.click(); } return !!e;", css)));
    }

    /** Read in one script call: the page re-renders its tables every few seconds, so a held element can go stale. */
    private String text(String css) {
        Object text = browser.executeScript(
                "const e = document.querySelector(arguments[0]); return e ? e.textContent : null;", css);
        assertThat(text).as(css).isNotNull();
        return text.toString().trim();
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
