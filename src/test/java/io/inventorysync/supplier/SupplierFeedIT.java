package io.inventorysync.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.inventorysync.InventorySyncApplication;
import io.inventorysync.support.TestConnectors;
import io.inventorysync.support.AppUnderTest;
import io.inventorysync.support.TestStack;
import io.inventorysync.support.WebhookClient;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Supplier snapshot feeds in the whole app: suppliers added by connector files alone (a directory, an HTTP URL),
 * their Quartz routes, the guard and quarantine, approval over the admin API, dead letters, and the ledger
 * (PostgreSQL) fed through Kafka (in-process KRaft broker).
 */
// embedded.enabled here, not in the DynamicPropertySource: the embedded servers start while the environment is
// prepared, before dynamic properties exist
@SpringBootTest(classes = InventorySyncApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"inventory-sync.embedded.enabled=false", "inventory-sync.demo.enabled=false"})
class SupplierFeedIT {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String SCHEMA = TestStack.freshSchema("supplier");
    static final String ADMIN_TOKEN = AppUnderTest.ADMIN_TOKEN;
    static final String EVERY_SECOND = "0/1 * * * * ?";
    static final TestConnectors CONNECTORS = TestConnectors.create("http://127.0.0.1:9", "unused", "0",
            List.of("DIR-1", "DIR-2", "DIR-3", "DIR-4", "DIR-5", "ROW-1", "ROW-2", "ROW-3", "G-1", "G-2", "G-3", "G-4", "H-1", "H-2", "L-1", "S-1", "S-2"));
    static final Path DIR_FEED = tempDir("dir-feed");
    static final Path ROWS_FEED = tempDir("rows-feed");
    static final Path GUARDED_FEED = tempDir("guarded-feed");
    static final Path LOCKED_FEED = tempDir("locked-feed");
    static final AtomicReference<byte[]> HTTP_FILE = new AtomicReference<>(new byte[0]);
    static final HttpServer HTTP = httpFeed();
    static final Path SFTP_ROOT = tempDir("sftp-root");
    static final Path SFTP_OUTGOING = dir(SFTP_ROOT.resolve("outgoing"));
    static final InProcessSftpServer SFTP = InProcessSftpServer.serve(SFTP_ROOT);

    static {
        supplier("dir-supplier", "DS-DIR", "mappings/dir-supplier.csv", """
                  directory: %s
                  schedule: "%s"
                  minFileAge: 0s
                """.formatted(DIR_FEED, EVERY_SECOND));
        write(CONNECTORS.dir().resolve("mappings/dir-supplier.csv"),
                "supplierSku,sku\nD-1,DIR-1\nD-2,DIR-2\nD-3,DIR-3\nD-4,DIR-4\nD-5,DIR-5\n");
        supplier("rows-supplier", "DS-ROWS", "mappings/rows-supplier.csv", """
                  directory: %s
                  schedule: "%s"
                  minFileAge: 0s
                """.formatted(ROWS_FEED, EVERY_SECOND));
        write(CONNECTORS.dir().resolve("mappings/rows-supplier.csv"), "sku,supplierSku\nROW-1,R-1\nROW-2,R-2\nROW-3,R-3\n");
        supplier("guarded-supplier", "DS-GUARD", null, """
                  directory: %s
                  schedule: "%s"
                  minFileAge: 0s
                  minRows: 3
                  trailer: "EOF;(?<rows>\\\\d+)"
                  maxZeroedShare: 0.5
                """.formatted(GUARDED_FEED, EVERY_SECOND));
        supplier("http-supplier", "DS-HTTP", null, """
                  url: http://127.0.0.1:%d/feeds/stock.csv
                  schedule: "%s"
                  header: false
                  delimiter: ";"
                  skuColumn: 2
                  quantityColumn: 3
                """.formatted(HTTP.getAddress().getPort(), EVERY_SECOND));
        supplier("sftp-supplier", "DS-SFTP", null, """
                  url: sftp://127.0.0.1:%d/outgoing
                  username: %s
                  password: %s
                  hostKey: "%s"
                  schedule: "%s"
                  minFileAge: 0s
                """.formatted(SFTP.port(), InProcessSftpServer.USER, InProcessSftpServer.PASSWORD,
                SFTP.hostKeyFingerprint(), EVERY_SECOND));
        // polled by the test itself only: its schedule does not fire
        supplier("locked-supplier", "DS-LOCK", null, """
                  directory: %s
                  schedule: "0 0 0 1 1 ? 2099"
                  minFileAge: 0s
                """.formatted(LOCKED_FEED));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("inventory-sync.dispatch.enabled", () -> "false");
        AppUnderTest.register(registry, SCHEMA, RUN, CONNECTORS.dir());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SupplierFeedPoller poller;

    @Autowired
    MeterRegistry meters;

    final ObjectMapper json = new ObjectMapper();
    WebhookClient client;

    @BeforeEach
    void setUp() {
        client = new WebhookClient(port);
    }

    @AfterAll
    static void stopFeeds() {
        HTTP.stop(0);
        SFTP.close();
    }

    @Test
    void snapshotSetsPositionsAndTheNextOnePublishesOnlyTheChangedCounts() throws Exception {
        drop(DIR_FEED, "sku,quantity\nD-1,10\nD-2,20\nD-3,30\nD-4,abc\nD-X,5\nD-5,50\n");

        awaitPosition("DIR-1", "DS-DIR", 10);
        awaitPosition("DIR-2", "DS-DIR", 20);
        awaitPosition("DIR-3", "DS-DIR", 30);
        awaitPosition("DIR-5", "DS-DIR", 50);
        await().untilAsserted(() -> assertThat(eventsApplied("dir-supplier")).isEqualTo(4));
        assertThat(position("DIR-4", "DS-DIR")).as("its row was bad").isNull();

        drop(DIR_FEED, "sku,quantity\nD-1,10\nD-2,21\nD-3,30\nD-4,abc\nD-X,5\nD-5,49\n");

        awaitPosition("DIR-2", "DS-DIR", 21);
        awaitPosition("DIR-5", "DS-DIR", 49);
        JsonNode latest = snapshots("supplier=dir-supplier&status=applied").get(0);
        assertThat(latest.path("events_emitted").asInt()).isEqualTo(2);
        assertThat(latest.path("rows_total").asInt()).isEqualTo(6);
        assertThat(latest.path("rows_rejected").asInt()).isEqualTo(2);
        await().untilAsserted(() -> assertThat(eventsApplied("dir-supplier")).isEqualTo(6));
        double unchanged = meters.counter("inventory.supplier.snapshots", "supplier", "dir-supplier", "outcome", "unchanged").count();
        await().untilAsserted(() -> assertThat(meters.counter("inventory.supplier.snapshots", "supplier", "dir-supplier",
                "outcome", "unchanged").count()).as("the same file polled again").isGreaterThan(unchanged));
        assertThat(eventsApplied("dir-supplier")).isEqualTo(6);
        assertThat(position("DIR-1", "DS-DIR")).isEqualTo(10);
    }

    @Test
    void badRowAndUnmappedSkuAreDeadLetteredWhileTheOtherRowsApply() throws Exception {
        drop(ROWS_FEED, "sku,quantity\nR-1,1\nR-2,-4\nR-UNKNOWN,5\nR-3,3\n");

        JsonNode letters = await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters("stage=supplier-feed"),
                list -> key(list, "R-2") != null && key(list, "R-UNKNOWN") != null);

        JsonNode invalid = key(letters, "R-2");
        assertThat(invalid.path("reason").asText()).isEqualTo("row-invalid");
        assertThat(invalid.path("exception").asText()).contains("rows-supplier", "row 2", "negative");
        assertThat(json.readTree(invalid.path("payload").asText()).path("text").asText()).isEqualTo("R-2,-4");
        JsonNode unmapped = key(letters, "R-UNKNOWN");
        assertThat(unmapped.path("reason").asText()).isEqualTo("sku-unmapped");
        assertThat(json.readTree(unmapped.path("payload").asText()).path("supplier").asText()).isEqualTo("rows-supplier");
        awaitPosition("ROW-1", "DS-ROWS", 1);
        awaitPosition("ROW-3", "DS-ROWS", 3);
        assertThat(position("ROW-2", "DS-ROWS")).isNull();
        assertThat(meters.counter("inventory.supplier.rows.rejected", "supplier", "rows-supplier", "reason", "sku-unmapped")
                .count()).isEqualTo(1);
    }

    @Test
    void brokenFilesAreQuarantinedWithoutTouchingStockAndApprovalAppliesThem() throws Exception {
        drop(GUARDED_FEED, "sku,quantity\nG-1,10\nG-2,10\nG-3,10\nG-4,10\nEOF;4\n");
        awaitPosition("G-4", "DS-GUARD", 10);

        drop(GUARDED_FEED, "");
        JsonNode empty = awaitQuarantined("empty-file");
        drop(GUARDED_FEED, "sku,quantity\nG-1,10\nG-2,10\nG-3,1");
        awaitQuarantined("trailer-missing");
        drop(GUARDED_FEED, "sku,quantity\nG-1,10\nG-2,10\nEOF;2\n");
        awaitQuarantined("too-few-rows");
        drop(GUARDED_FEED, "sku,quantity\nG-1,0\nG-2,0\nG-3,0\nG-4,10\nEOF;4\n");
        JsonNode zeroing = awaitQuarantined("mass-zeroing");

        for (String sku : List.of("G-1", "G-2", "G-3", "G-4")) {
            assertThat(position(sku, "DS-GUARD")).as(sku).isEqualTo(10);
        }
        JsonNode letter = await().until(() -> key(deadLetters("reason=mass-zeroing"), "guarded-supplier"), l -> l != null);
        JsonNode payload = json.readTree(letter.path("payload").asText());
        assertThat(payload.path("snapshot_id").asLong()).isEqualTo(zeroing.path("id").asLong());
        assertThat(payload.path("file").asText()).contains("G-1,0");
        HttpResponse<String> file = client.admin("GET", "/api/v1/supplier-snapshots/" + zeroing.path("id").asLong() + "/file",
                null, ADMIN_TOKEN);
        assertThat(file.body()).contains("G-3,0");

        HttpResponse<String> approved = client.admin("POST",
                "/api/v1/supplier-snapshots/" + zeroing.path("id").asLong() + "/approve", null, ADMIN_TOKEN);

        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(json.readTree(approved.body()).path("events").asInt()).isEqualTo(3);
        assertThat(json.readTree(approved.body()).path("snapshot").path("status").asText()).isEqualTo("applied");
        awaitPosition("G-1", "DS-GUARD", 0);
        awaitPosition("G-3", "DS-GUARD", 0);
        assertThat(position("G-4", "DS-GUARD")).isEqualTo(10);
        HttpResponse<String> older = client.admin("POST",
                "/api/v1/supplier-snapshots/" + empty.path("id").asLong() + "/approve", null, ADMIN_TOKEN);
        assertThat(older.statusCode()).as(older.body()).isEqualTo(409);
        assertThat(older.body()).contains("before the accepted snapshot");
    }

    @Test
    void supplierAddedByConfigurationAloneFeedsTheLedger() {
        HTTP_FILE.set("x;H-1;5\nx;H-2;6\n".getBytes(StandardCharsets.UTF_8));

        awaitPosition("H-1", "DS-HTTP", 5);
        awaitPosition("H-2", "DS-HTTP", 6);
        HTTP_FILE.set("x;H-1;4\nx;H-2;6\n".getBytes(StandardCharsets.UTF_8));
        awaitPosition("H-1", "DS-HTTP", 4);
    }

    @Test
    void sftpSupplierFeedsTheLedger() throws IOException {
        drop(SFTP_OUTGOING, "sku,quantity\nS-1,11\nS-2,12\n");

        awaitPosition("S-1", "DS-SFTP", 11);
        awaitPosition("S-2", "DS-SFTP", 12);
        assertThat(snapshots("supplier=sftp-supplier").get(0).path("origin").asText())
                .startsWith("sftp://127.0.0.1:").endsWith("/outgoing/stock.csv");
    }

    @Test
    void anotherInstanceHoldingTheSuppliersLockMakesThePollSkip() throws Exception {
        drop(LOCKED_FEED, "sku,quantity\nL-1,3\n");
        try (Connection other = DriverManager.getConnection(TestStack.postgresUrl(SCHEMA), "postgres", "")) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("SELECT pg_try_advisory_xact_lock(?, hashtext(?))")) {
                lock.setInt(1, SupplierSnapshotStore.LOCK_SPACE);
                lock.setString(2, "locked-supplier");
                try (ResultSet rs = lock.executeQuery()) {
                    assertThat(rs.next() && rs.getBoolean(1)).isTrue();
                }
            }

            assertThat(poller.poll("locked-supplier")).isEqualTo(PollOutcome.BUSY);

            other.rollback();
        }
        assertThat(poller.poll("locked-supplier")).isEqualTo(PollOutcome.APPLIED);
        assertThat(poller.poll("locked-supplier")).isEqualTo(PollOutcome.UNCHANGED);
        awaitPosition("L-1", "DS-LOCK", 3);
    }

    @Test
    void supplierSnapshotApiRequiresTheAdminToken() {
        assertThat(client.admin("GET", "/api/v1/supplier-snapshots", null, null).statusCode()).isEqualTo(401);
        assertThat(client.admin("POST", "/api/v1/supplier-snapshots/1/approve", null, "wrong").statusCode()).isEqualTo(401);
    }

    private JsonNode awaitQuarantined(String reason) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode s : snapshots("supplier=guarded-supplier&status=quarantined")) {
                if (reason.equals(s.path("reason").asText())) {
                    return s;
                }
            }
            return null;
        }, s -> s != null);
    }

    private JsonNode snapshots(String query) throws IOException {
        HttpResponse<String> response = client.admin("GET", "/api/v1/supplier-snapshots?" + query, null, ADMIN_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).path("snapshots");
    }

    private JsonNode deadLetters(String query) throws IOException {
        return json.readTree(client.admin("GET", "/api/v1/dead-letters?" + query, null, ADMIN_TOKEN).body()).path("dead_letters");
    }

    private static JsonNode key(JsonNode letters, String key) {
        for (JsonNode letter : letters) {
            if (key.equals(letter.path("key").asText())) {
                return letter;
            }
        }
        return null;
    }

    private long eventsApplied(String supplier) {
        return jdbc.queryForObject("SELECT count(*) FROM applied_event WHERE event_id LIKE ?", Long.class, supplier + "/%");
    }

    private Long position(String sku, String location) {
        return jdbc.query("SELECT on_hand FROM stock_position WHERE sku = ? AND location_id = ?",
                (rs, i) -> rs.getLong(1), sku, location).stream().findFirst().orElse(null);
    }

    private void awaitPosition(String sku, String location, long expected) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(position(sku, location)).isEqualTo(expected));
    }

    /** Replaces the supplier's file atomically, as a supplier's upload that renames when complete would. */
    private static void drop(Path dir, String content) {
        try {
            Path temp = dir.resolve(".stock.csv.part");
            Files.writeString(temp, content);
            Files.move(temp, dir.resolve("stock.csv"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void supplier(String name, String location, String mapping, String settings) {
        write(CONNECTORS.dir().resolve(name + ".yaml"), """
                kind: source
                name: %s
                type: supplier-feed
                locations: [%s]
                %s
                settings:
                %s""".formatted(name, location, mapping == null ? "" : "mapping: " + mapping, settings));
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path dir(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpServer httpFeed() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/feeds/stock.csv", exchange -> {
                byte[] body = HTTP_FILE.get();
                if (body.length == 0) {
                    exchange.sendResponseHeaders(204, -1);
                } else {
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
