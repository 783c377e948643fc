package io.inventorysync.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inventorysync.InventorySyncApplication;
import io.inventorysync.monitor.PingServer.Ping;
import io.inventorysync.support.AppUnderTest;
import io.inventorysync.support.TestConnectors;
import io.inventorysync.support.TestStack;
import io.inventorysync.support.WebhookClient;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The whole app: a supplier feed's Quartz route, the channel's dispatcher and its reconciliation are monitors
 * without any route mentioning it; a feed poll is recorded with its counts, pinged to a local healthchecks.io
 * stand-in, and visible through the admin API; the dispatcher round that pushes the feed's counts to the Shopify
 * sandbox is recorded with the sink's outcomes.
 */
@SpringBootTest(classes = InventorySyncApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "inventory-sync.embedded.enabled=false", "inventory-sync.demo.enabled=false" })
class MonitorsIT {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String SCHEMA = TestStack.freshSchema("monitorsapp");
    static final String SUPPLIER = "monitored-supplier";
    static final PingServer PINGS = PingServer.start();
    static final TestConnectors CONNECTORS;
    static final Path FEED;

    static {
        CONNECTORS = TestConnectors.onSharedShopify("0", List.of("MON-1", "MON-2"));
        try {
            FEED = Files.createTempDirectory("monitored-feed");
            Files.writeString(FEED.resolve("stock.csv"), "sku,quantity\nMON-1,5\nMON-2,7\nMON-3,0\n");
            Files.writeString(CONNECTORS.dir().resolve("supplier.yaml"), """
                    kind: source
                    name: %s
                    type: supplier-feed
                    locations: [WH-1]
                    settings:
                      directory: %s
                      schedule: "0/1 * * * * ?"
                      minFileAge: 0s
                      velocityClass: fast
                      monitorGrace: PT20M
                      monitorPingUrl: %s
                    """.formatted(SUPPLIER, FEED, PINGS.url(SUPPLIER)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        AppUnderTest.register(registry, SCHEMA, RUN, CONNECTORS.dir());
        registry.add("inventory-sync.monitors.evaluation-interval", () -> "1s");
    }

    @AfterAll
    static void stopPings() {
        PINGS.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    final ObjectMapper json = new ObjectMapper();
    WebhookClient client;

    @BeforeEach
    void setUp() {
        client = new WebhookClient(port);
    }

    @Test
    void supplierFeedPollIsRecordedWithItsCountsPingedAndListedByTheApi() throws Exception {
        String id = "supplier-feed:" + SUPPLIER;

        // the poll that applied the file: start, then success with its counts, under one run id
        Ping applied = await().atMost(Duration.ofSeconds(30)).until(() -> PINGS.pings(SUPPLIER).stream()
                .filter(p -> p.kind().equals("success") && p.body().contains("3 items, 0 failed")).findFirst(),
                java.util.Optional::isPresent).get();
        assertThat(PINGS.pings(SUPPLIER)).filteredOn(p -> applied.rid().equals(p.rid())).extracting(Ping::kind)
                .containsExactly("start", "success");

        JsonNode monitor = monitor(id);
        assertThat(monitor.path("kind").asText()).isEqualTo("scheduled");
        assertThat(monitor.path("state").asText()).isEqualTo("UP");
        assertThat(monitor.path("schedule").asText()).isEqualTo("0/1 * * * * ?");
        assertThat(monitor.path("grace_ms").asLong()).isEqualTo(Duration.ofMinutes(20).toMillis());
        assertThat(monitor.path("ping_configured").asBoolean()).isTrue();
        assertThat(monitor.path("last_success_at").isNull()).isFalse();
        assertThat(monitor.path("last_run_id").asText()).isNotBlank();
        // only the poll that did work has a duration in the history; the later polls found the file unchanged
        assertThat(monitor.path("recent_durations_ms")).hasSize(1);
        assertThat(monitor.toString()).doesNotContain(PINGS.url(SUPPLIER).toString());
        assertThat(meters.get("inventory.monitor.runs").tag("monitor", id).tag("outcome", "success").counter().count())
                .isGreaterThanOrEqualTo(1);
        assertThat(meters.get("inventory.monitor.state").tag("monitor", id).tag("state", "up").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void everyChannelJobAndTheReservationExpiryAreMonitorsAndTheDispatcherHeartbeats() throws Exception {
        // UP comes with the first round, a push or an idle poll; the heartbeat with the first idle poll
        JsonNode dispatcher = await().atMost(Duration.ofSeconds(30))
                .until(() -> monitor("dispatcher:" + TestConnectors.CHANNEL),
                        m -> m.path("state").asText().equals("UP") && !m.path("last_heartbeat_at").isNull());

        assertThat(dispatcher.path("kind").asText()).isEqualTo("dispatcher");
        assertThat(dispatcher.path("channel").asText()).isEqualTo(TestConnectors.CHANNEL);
        assertThat(dispatcher.path("period_ms").asLong()).isEqualTo(Duration.ofSeconds(10).toMillis());
        assertThat(dispatcher.path("timeout_ms").asLong()).isEqualTo(Duration.ofSeconds(60).toMillis());
        assertThat(dispatcher.path("last_heartbeat_at").isNull()).isFalse();
        // the supplier's counts (location WH-1, which the channel sells) reach the shop in a push round: a run
        JsonNode pushed = await().atMost(Duration.ofSeconds(60)).until(() -> monitor("dispatcher:" + TestConnectors.CHANNEL),
                m -> m.path("last_processed").asLong() >= 1);
        assertThat(pushed.path("last_failed").asLong()).isZero();
        assertThat(pushed.path("last_run_id").asText()).isNotBlank();
        assertThat(pushed.path("recent_durations_ms")).isNotEmpty();
        assertThat(pushed.path("state").asText()).isEqualTo("UP");

        JsonNode all = get("/api/v1/monitors", AppUnderTest.ADMIN_TOKEN);
        assertThat(all.path("monitors")).extracting(m -> m.path("id").asText()).contains(
                "dispatcher:" + TestConnectors.CHANNEL, "reconciliation:" + TestConnectors.CHANNEL,
                "supplier-feed:" + SUPPLIER, "reservation-expiry");
        JsonNode reconciliation = monitor("reconciliation:" + TestConnectors.CHANNEL);
        assertThat(reconciliation.path("schedule").asText()).isEqualTo("0 0 0/4 * * ?");
        assertThat(reconciliation.path("grace_ms").asLong()).isEqualTo(Duration.ofHours(1).toMillis());
    }

    @Test
    void unknownMonitorIs404AndTheApiNeedsTheToken() throws Exception {
        HttpResponse<String> unknown = send("/api/v1/monitors/dispatcher:nowhere", AppUnderTest.ADMIN_TOKEN);
        HttpResponse<String> anonymous = send("/api/v1/monitors", null);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknown.body()).path("error").asText()).contains("dispatcher:nowhere");
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private JsonNode monitor(String id) throws Exception {
        return get("/api/v1/monitors/" + id, AppUnderTest.ADMIN_TOKEN);
    }

    private JsonNode get(String path, String token) throws Exception {
        HttpResponse<String> response = send(path, token);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String path, String token) {
        return client.admin("GET", path, null, token);
    }
}
