package io.inventorysync.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.inventorysync.InventorySyncApplication;
import io.inventorysync.connectors.amazon.sandbox.AmazonSandbox;
import io.inventorysync.connectors.amazon.sandbox.AmazonSandboxSettings;
import io.inventorysync.connectors.shopify.sandbox.SandboxSettings;
import io.inventorysync.connectors.shopify.sandbox.ShopifySandbox;
import io.inventorysync.supplier.InProcessSftpServer;
import io.inventorysync.support.AmazonChannelFile;
import io.inventorysync.support.AppUnderTest;
import io.inventorysync.support.TestStack;

/**
 * The application the bad-input tests run against, shared by every fuzz class (one Spring context): real Kafka and
 * PostgreSQL, two webhook sources (one must sign a timestamp), a Shopify and an Amazon channel on their sandboxes,
 * two directory suppliers the tests poll themselves and an SFTP supplier with a password. Every credential is made
 * up for this run, so finding one in the log can only mean the pack logged it; after each class the whole log of
 * the run so far is searched for them ({@link LogCapture}).
 */
@SpringBootTest(classes = InventorySyncApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"inventory-sync.embedded.enabled=false", "inventory-sync.demo.enabled=false"})
@ContextConfiguration(initializers = LogCaptureInitializer.class)
abstract class FuzzApp {

    static final LogCapture LOGS = LogCapture.get();
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String SCHEMA = TestStack.freshSchema("fuzz");

    static final String ERP = "fz-erp";
    static final String STRICT = "fz-strict";
    static final String ERP_SECRET = "fz-erp-secret-" + token();
    static final String STRICT_SECRET = "fz-strict-secret-" + token();
    static final String WAREHOUSE = "FZ-WH";
    static final List<String> SKUS = IntStream.range(0, 40).mapToObj(i -> "FZ-" + i).toList();

    static final String CSV_SUPPLIER = "fz-csv";
    static final String LATIN1_SUPPLIER = "fz-latin1";
    static final String SFTP_SUPPLIER = "fz-sftp";
    static final String SUPPLIER_LOCATION = "FZ-DS";
    static final String LATIN1_LOCATION = "FZ-DS-L1";
    static final String SFTP_LOCATION = "FZ-DS-SFTP";

    static final ShopifySandbox SHOPIFY = ShopifySandbox.start(
            new SandboxSettings("shpat_fz_" + token(), 1000, 50, 200, true, "127.0.0.1"), 0);
    static final AmazonSandbox AMAZON = AmazonSandbox.start(amazonSettings(), 0);
    static final Path CONNECTORS = tempDir("fuzz-connectors");
    static final Path CSV_DIR = tempDir("fuzz-csv");
    static final Path LATIN1_DIR = tempDir("fuzz-latin1");
    static final Path SFTP_ROOT = tempDir("fuzz-sftp");
    static final InProcessSftpServer SFTP = InProcessSftpServer.serve(SFTP_ROOT);
    static final Path SFTP_OUT = dir(SFTP_ROOT.resolve("out"));

    /** Every Authorization header value a fuzz class sent: none may show up in a log line either. */
    static final Set<String> AUTHORIZATION_VALUES_SENT = ConcurrentHashMap.newKeySet();

    static {
        AMAZON.registerSkus(SKUS.stream().map(FuzzApp::sellerSku).toList());
        write("fz-erp.yaml", """
                kind: source
                name: %s
                type: erp-webhook
                settings:
                  secret: %s
                """.formatted(ERP, ERP_SECRET));
        write("fz-strict.yaml", """
                kind: source
                name: %s
                type: erp-webhook
                settings:
                  secret: %s
                  requireTimestamp: true
                """.formatted(STRICT, STRICT_SECRET));
        write("fz-shop.yaml", """
                kind: channel
                name: fz-shop
                type: shopify
                locations: [%s]
                allocation: { buffer: 0, percent: 100 }
                mapping: mappings/fz-shop.csv
                settings:
                  shopUrl: %s
                  accessToken: %s
                  apiVersion: 2026-10
                """.formatted(WAREHOUSE, SHOPIFY.baseUrl(), SHOPIFY.accessToken()));
        write("mappings/fz-shop.csv", "sku,inventoryItemId,locationId\n" + SKUS.stream()
                .map(s -> s + ",gid://shopify/InventoryItem/" + (9000 + SKUS.indexOf(s)) + ",gid://shopify/Location/5")
                .collect(Collectors.joining("\n")) + "\n");
        write("fz-amazon.yaml", AmazonChannelFile.yaml("fz-amazon", WAREHOUSE, "mappings/fz-amazon.csv", AMAZON,
                Map.of("rateLimitScale", 50, "feedPollInterval", 100, "pollInterval", "500ms")));
        write("mappings/fz-amazon.csv", "sku,sellerSku\n" + SKUS.stream().map(s -> s + "," + sellerSku(s))
                .collect(Collectors.joining("\n")) + "\n");
        // polled by the tests themselves: their schedules never fire
        write("fz-csv.yaml", """
                kind: source
                name: %s
                type: supplier-feed
                locations: [%s]
                settings:
                  directory: %s
                  schedule: "0 0 0 1 1 ? 2099"
                  minFileAge: 0s
                  missingSku: keep
                  maxFileBytes: 262144
                """.formatted(CSV_SUPPLIER, SUPPLIER_LOCATION, CSV_DIR));
        write("fz-latin1.yaml", """
                kind: source
                name: %s
                type: supplier-feed
                locations: [%s]
                settings:
                  directory: %s
                  schedule: "0 0 0 1 1 ? 2099"
                  minFileAge: 0s
                  missingSku: keep
                  charset: ISO-8859-1
                  delimiter: ";"
                  skuColumn: artikel
                  quantityColumn: bestand
                  trailer: "EOF;(?<rows>\\\\d+)"
                """.formatted(LATIN1_SUPPLIER, LATIN1_LOCATION, LATIN1_DIR));
        write("fz-sftp.yaml", """
                kind: source
                name: %s
                type: supplier-feed
                locations: [%s]
                settings:
                  url: sftp://127.0.0.1:%d/out
                  username: %s
                  password: %s
                  hostKey: "%s"
                  schedule: "0/2 * * * * ?"
                  minFileAge: 0s
                """.formatted(SFTP_SUPPLIER, SFTP_LOCATION, SFTP.port(), InProcessSftpServer.USER,
                InProcessSftpServer.PASSWORD, SFTP.hostKeyFingerprint()));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        AppUnderTest.register(registry, SCHEMA, RUN, CONNECTORS);
        registry.add("inventory-sync.webhook.replay.tolerance", () -> "5m");
        registry.add("inventory-sync.dispatch.initial-backoff", () -> "200ms");
    }

    /** Every credential the application under test is configured with, by name. */
    static Map<String, String> configuredSecrets() {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("webhook secret of " + ERP, ERP_SECRET);
        secrets.put("webhook secret of " + STRICT, STRICT_SECRET);
        secrets.put("admin token", AppUnderTest.ADMIN_TOKEN);
        secrets.put("Shopify access token", SHOPIFY.accessToken());
        secrets.put("Amazon LWA client secret", AMAZON.lwaClientSecret());
        secrets.put("Amazon LWA refresh token", AMAZON.lwaRefreshToken());
        secrets.put("SFTP password", InProcessSftpServer.PASSWORD);
        int i = 0;
        for (String value : AUTHORIZATION_VALUES_SENT) {
            secrets.put("Authorization header value #" + (++i), value);
        }
        return secrets;
    }

    /** Runs after each fuzz class: nothing logged so far in this JVM holds a credential or an Authorization value. */
    @AfterAll
    static void noSecretInAnyLogLine() {
        Map<String, String> secrets = configuredSecrets();
        List<String> leaks = LOGS.linesHolding(secrets);
        System.out.println("no secrets in logs: " + LOGS.lineCount() + " log lines scanned for " + secrets.size()
                + " secrets (" + (secrets.size() - AUTHORIZATION_VALUES_SENT.size()) + " configured, "
                + AUTHORIZATION_VALUES_SENT.size() + " Authorization values sent), " + leaks.size() + " found");
        assertThat(LOGS.overflowed()).as("more log lines than could be kept and checked").isFalse();
        assertThat(leaks).as("log lines holding a secret").isEmpty();
        assertThat(LOGS.lineCount()).as("the capture saw the application's log").isGreaterThan(0);
    }

    static String sellerSku(String sku) {
        return "AZ-" + sku;
    }

    static String token() {
        byte[] bytes = new byte[12];
        new java.security.SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static Duration patience() {
        return Duration.ofSeconds(60);
    }

    private static AmazonSandboxSettings amazonSettings() {
        AmazonSandboxSettings d = AmazonSandboxSettings.defaults().withTimeScale(50);
        return new AmazonSandboxSettings(d.sellerId(), d.marketplaceIds(), "amzn1.application-oa2-client.fz" + token(),
                "amzn1.oa2-cs.v1.fz-" + token(), "Atzr|fz-" + token(), d.accessTokenLifetime(), d.rateLimits(),
                d.queueDelay(), d.processingDelay(), d.presignedUrlLifetime(), d.acceptUnknownSkus(), d.gzipReports(),
                d.host());
    }

    private static void write(String name, String content) {
        try {
            Path file = CONNECTORS.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path dir(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
