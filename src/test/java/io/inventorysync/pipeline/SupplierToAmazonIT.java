package io.inventorysync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inventorysync.InventorySyncApplication;
import io.inventorysync.connectors.amazon.sandbox.AmazonSandbox;
import io.inventorysync.connectors.amazon.sandbox.AmazonSandboxSettings;
import io.inventorysync.support.AmazonChannelFile;
import io.inventorysync.support.TestConnectors;
import io.inventorysync.support.AppUnderTest;
import io.inventorysync.support.TestStack;
import io.inventorysync.support.WebhookClient;

/**
 * The two new shapes together, on real parts: a drop-ship supplier's CSV file, picked up on a schedule, becomes
 * absolute counts in the ledger, and Amazon receives them through asynchronous JSON_LISTINGS_FEEDs — rationed,
 * with per-SKU errors of the processing report dead-lettered with Amazon's code. The Amazon sandbox and our
 * rate limiting both run 50 times faster than Amazon; the sandbox counts every call over its limits.
 */
@SpringBootTest(classes = InventorySyncApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "inventory-sync.embedded.enabled=false", "inventory-sync.demo.enabled=false" })
class SupplierToAmazonIT {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String SCHEMA = TestStack.freshSchema("amazon");
    static final String ADMIN_TOKEN = AppUnderTest.ADMIN_TOKEN;
    static final double SCALE = 50;
    static final AmazonSandbox AMAZON = AmazonSandbox.start(
            AmazonSandboxSettings.defaults().withTimeScale(SCALE).withAcceptUnknownSkus(false), 0);
    static final Path FEED = tempDir();
    static final TestConnectors CONNECTORS = TestConnectors.create(TestStack.shopify().baseUrl(),
            TestStack.shopify().accessToken(), "0", List.of());

    static {
        AMAZON.registerSkus(List.of("AZ-1", "AZ-2"));
        write(CONNECTORS.dir().resolve("globex.yaml"), """
                kind: source
                name: globex
                type: supplier-feed
                locations: [DS-GLOBEX]
                settings:
                  directory: %s
                  schedule: "0/1 * * * * ?"
                  minFileAge: 0s
                """.formatted(FEED));
        write(CONNECTORS.dir().resolve("amazon.yaml"), AmazonChannelFile.yaml("amazon-it", "DS-GLOBEX", "mappings/amazon.csv",
                AMAZON, Map.of("rateLimitScale", SCALE, "feedPollInterval", 100, "pollInterval", "200ms")));
        // SUP-3 is listed on our side but Amazon does not know its seller SKU
        write(CONNECTORS.dir().resolve("mappings/amazon.csv"), "sku,sellerSku\nSUP-1,AZ-1\nSUP-2,AZ-2\nSUP-3,AZ-UNKNOWN\n");
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        AppUnderTest.register(registry, SCHEMA, RUN, CONNECTORS.dir());
    }

    @LocalServerPort
    int port;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void supplierFileReachesAmazonThroughRationedFeedsAndReportErrorsBecomeDeadLetters() throws Exception {
        write(FEED.resolve("stock-1.csv"), "sku,quantity\nSUP-1,10\nSUP-2,20\nSUP-3,5\n");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(AMAZON.quantity("AZ-1")).contains(10);
            assertThat(AMAZON.quantity("AZ-2")).contains(20);
        });
        WebhookClient admin = new WebhookClient(port);
        JsonNode rejected = await().atMost(Duration.ofSeconds(30)).until(
                () -> json.readTree(admin.admin("GET", "/api/v1/dead-letters?stage=dispatch", null, ADMIN_TOKEN).body())
                        .path("dead_letters"),
                letters -> letters.size() > 0);
        assertThat(rejected.get(0).path("key").asText()).isEqualTo("SUP-3");
        assertThat(rejected.get(0).path("channel").asText()).isEqualTo("amazon-it");
        assertThat(rejected.get(0).path("reason").asText()).isEqualTo("13013");

        // a later file with one change: only that SKU moves, in a later feed
        write(FEED.resolve("stock-2.csv"), "sku,quantity\nSUP-1,7\nSUP-2,20\nSUP-3,5\n");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(AMAZON.quantity("AZ-1")).contains(7));
        assertThat(AMAZON.quantity("AZ-2")).contains(20);
        assertThat(AMAZON.stats().totalViolations()).as("calls over Amazon's limits").isZero();
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("globex-feed");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
