package io.inventorysync.channel.control;

import static io.inventorysync.support.Events.array;
import static io.inventorysync.support.Events.delta;
import static io.inventorysync.support.ShownOnShop.awaitShown;
import static io.inventorysync.support.ShownOnShop.shown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

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

import io.inventorysync.InventorySyncApplication;
import io.inventorysync.connectors.shopify.sandbox.SandboxFaults;
import io.inventorysync.connectors.shopify.sandbox.SandboxLevel;
import io.inventorysync.connectors.shopify.sandbox.ShopifySandbox;
import io.inventorysync.support.AppUnderTest;
import io.inventorysync.support.TestConnectors;
import io.inventorysync.support.TestStack;
import io.inventorysync.support.WebhookClient;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The operator's controls on real parts: events through Kafka and the ledger, pushes to the Shopify sandbox, the
 * admin API. A second channel file ({@code shopify-shadow}, {@code settings.shadow: true}) is the migration's phase 1:
 * it never receives a push while its reconciliation reports what the pipeline would change.
 */
@SpringBootTest(classes = InventorySyncApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "inventory-sync.embedded.enabled=false", "inventory-sync.demo.enabled=false" })
class ChannelControlsIT {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String SCHEMA = TestStack.freshSchema("controls");
    static final String TOKEN = AppUnderTest.ADMIN_TOKEN;
    static final String CHANNEL = TestConnectors.CHANNEL;
    static final String SHADOW_CHANNEL = "shopify-shadow";
    static final String SHADOW_LOCATION_GID = "gid://shopify/Location/78";
    static final List<String> PAUSE = skus("PAUSE", 2);
    static final List<String> SKU_PAUSE = skus("SKUPAUSE", 2);
    static final List<String> BUFFER = skus("BUFFER", 2);
    static final List<String> LIMITED = skus("LIMITED", 3);
    static final List<String> BACKOFF = skus("BACKOFF", 1);
    static final List<String> SHADOW = skus("SHADOW", 8);
    static final TestConnectors CONNECTORS;

    static {
        List<String> mapped = new ArrayList<>();
        List.of(PAUSE, SKU_PAUSE, BUFFER, LIMITED, BACKOFF).forEach(mapped::addAll);
        CONNECTORS = TestConnectors.onSharedShopify("0", mapped);
        ShopifySandbox sandbox = TestStack.shopify();
        try {
            Files.writeString(CONNECTORS.dir().resolve("shopify-shadow.yaml"), """
                    kind: channel
                    name: %s
                    type: shopify
                    locations: [WH-1]
                    mapping: mappings/shopify-shadow.csv
                    settings:
                      shopUrl: %s
                      accessToken: %s
                      apiVersion: 2026-10
                      shadow: true
                    """.formatted(SHADOW_CHANNEL, sandbox.baseUrl(), sandbox.accessToken()));
            StringBuilder csv = new StringBuilder("sku,inventoryItemId,locationId\n");
            SHADOW.forEach(sku -> csv.append(sku).append(',').append(TestConnectors.itemGid(sku)).append(',')
                    .append(SHADOW_LOCATION_GID).append('\n'));
            Files.writeString(CONNECTORS.dir().resolve("mappings/shopify-shadow.csv"), csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> skus(String prefix, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "CTL-%s-%s-%02d".formatted(RUN, prefix, i)).toList();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        AppUnderTest.register(registry, SCHEMA, RUN, CONNECTORS.dir());
        // a listing that fails goes into a long back-off: only "sync now" brings it back within the test
        registry.add("inventory-sync.dispatch.initial-backoff", () -> "5m");
        registry.add("inventory-sync.dispatch.max-backoff", () -> "10m");
        registry.add("inventory-sync.reconciliation.chunk-size", () -> "3");
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LimitedAvailability limitedAvailability;

    final ObjectMapper json = new ObjectMapper();
    WebhookClient client;
    ShopifySandbox sandbox;

    @BeforeEach
    void setUp() {
        client = new WebhookClient(port);
        sandbox = TestStack.calmShopify();
    }

    @Test
    void pausedChannelReceivesNothingUntilResumedThenCatchesUpToTheLatestQuantity() throws IOException {
        receive(PAUSE, 10);
        PAUSE.forEach(sku -> awaitShown(sandbox, sku, 10));

        JsonNode paused = admin("POST", "/api/v1/channels/" + CHANNEL + "/pause?reason=shop%20migration", null, 200);
        assertThat(paused.path("paused").asBoolean()).isTrue();
        assertThat(gauge("inventory.channel.paused", CHANNEL)).isEqualTo(1.0);
        receive(PAUSE, 5);
        receive(PAUSE, 3);

        await().atMost(Duration.ofSeconds(20)).until(() -> desired(CHANNEL, PAUSE.get(0)) == 18);
        // the dispatcher had every chance to push: it has not, and the backlog stays visible
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                PAUSE.forEach(sku -> assertThat(shown(sandbox, sku)).contains(10)));
        assertThat(gauge("inventory.channel.backlog", CHANNEL)).isGreaterThanOrEqualTo(PAUSE.size());

        HttpResponse<String> resumed = client.admin("POST", "/api/v1/channels/" + CHANNEL + "/resume", null, TOKEN);
        assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);

        PAUSE.forEach(sku -> awaitShown(sandbox, sku, 18));
        assertThat(gauge("inventory.channel.paused", CHANNEL)).isZero();
        JsonNode history = admin("GET", "/api/v1/channels/" + CHANNEL + "/controls", null, 200).path("history");
        assertThat(history).extracting(h -> h.path("action").asText()).startsWith("resume", "pause");
        assertThat(history.get(1).path("reason").asText()).isEqualTo("shop migration");
        assertThat(history.get(1).path("actor").asText()).isEqualTo("admin");
    }

    @Test
    void pausedSkuKeepsItsLastQuantityWhileTheOthersMoveAndCatchesUpWhenResumed() throws IOException {
        receive(SKU_PAUSE, 20);
        SKU_PAUSE.forEach(sku -> awaitShown(sandbox, sku, 20));
        String held = SKU_PAUSE.get(0);
        String moving = SKU_PAUSE.get(1);

        JsonNode state = admin("PUT", "/api/v1/channels/" + CHANNEL + "/skus/" + held + "/pause", null, 200);
        assertThat(state.path("skus")).extracting(s -> s.path("sku").asText() + ":" + s.path("paused").asBoolean())
                .contains(held + ":true");
        receive(SKU_PAUSE, -6);

        awaitShown(sandbox, moving, 14);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(shown(sandbox, held)).contains(20));

        admin("DELETE", "/api/v1/channels/" + CHANNEL + "/skus/" + held + "/pause", null, 200);
        awaitShown(sandbox, held, 14);
    }

    @Test
    void skuBufferHoldsUnitsBackFromTheChannelAndRemovingItRestoresTheLedgerQuantity() throws IOException {
        receive(BUFFER, 20);
        BUFFER.forEach(sku -> awaitShown(sandbox, sku, 20));
        String buffered = BUFFER.get(0);

        admin("PUT", "/api/v1/channels/" + CHANNEL + "/skus/" + buffered + "/buffer", "{\"units\": 5}", 200);
        awaitShown(sandbox, buffered, 15);
        admin("PUT", "/api/v1/channels/" + CHANNEL + "/skus/" + buffered + "/buffer", "{\"units\": 50}", 200);
        awaitShown(sandbox, buffered, 0);
        assertThat(shown(sandbox, BUFFER.get(1))).contains(20);
        assertThat(desired(CHANNEL, buffered)).as("the ledger's quantity is untouched").isEqualTo(20);

        admin("DELETE", "/api/v1/channels/" + CHANNEL + "/skus/" + buffered + "/buffer", null, 200);
        awaitShown(sandbox, buffered, 20);
        assertThat(admin("GET", "/api/v1/channels/" + CHANNEL + "/controls", null, 200).path("skus"))
                .noneMatch(s -> s.path("sku").asText().equals(buffered));
    }

    @Test
    void limitedAvailabilityPublishesZeroBelowTheThresholdAndLiftingRestoresTheTrueQuantities() throws IOException {
        int[] quantities = { 2, 4, 30 };
        List<String> events = new ArrayList<>();
        for (int i = 0; i < LIMITED.size(); i++) {
            events.add(delta("receiving", LIMITED.get(i), "WH-1", quantities[i], null, 1));
        }
        assertThat(client.postSigned(array(events)).statusCode()).isEqualTo(202);
        for (int i = 0; i < LIMITED.size(); i++) {
            awaitShown(sandbox, LIMITED.get(i), quantities[i]);
        }

        try {
            limitedAvailability.engage(CHANNEL, 5, "sync broken for 10 minutes");

            assertThat(limitedAvailability.engaged(CHANNEL)).contains(5);
            assertThat(gauge("inventory.channel.limited.availability", CHANNEL)).isEqualTo(1.0);
            awaitShown(sandbox, LIMITED.get(0), 0);
            awaitShown(sandbox, LIMITED.get(1), 0);
            assertThat(shown(sandbox, LIMITED.get(2))).contains(30);
            // a sale that takes a plentiful SKU below the threshold publishes 0 too
            assertThat(client.postSigned(delta("sale", LIMITED.get(2), "WH-1", -27, null, 2)).statusCode()).isEqualTo(202);
            awaitShown(sandbox, LIMITED.get(2), 0);
            JsonNode state = admin("GET", "/api/v1/channels/" + CHANNEL + "/controls", null, 200);
            assertThat(state.path("limited_availability_below").asInt()).isEqualTo(5);
            assertThat(state.at("/history/0/actor").asText()).isEqualTo(ChannelControls.PROTECTIVE_ACTION);
        } finally {
            admin("DELETE", "/api/v1/channels/" + CHANNEL + "/limited-availability?reason=sync%20healthy", null, 200);
        }

        awaitShown(sandbox, LIMITED.get(0), 2);
        awaitShown(sandbox, LIMITED.get(1), 4);
        awaitShown(sandbox, LIMITED.get(2), 3);
        assertThat(limitedAvailability.engaged(CHANNEL)).isEmpty();
        assertThat(gauge("inventory.channel.limited.availability", CHANNEL)).isZero();
    }

    @Test
    void syncNowClearsTheRetryBackOffOfTheChannelsBacklog() throws IOException {
        String sku = BACKOFF.get(0);
        receive(BACKOFF, 10);
        awaitShown(sandbox, sku, 10);

        sandbox.injectFaults(SandboxFaults.serverError(10_000));
        receive(BACKOFF, 5);
        // the push failed through its in-call retries: the listing now waits out a back-off of minutes
        await().atMost(Duration.ofSeconds(90)).until(() -> Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT attempts > 0 AND next_attempt_at > now() + interval '1 minute' FROM channel_listing
                WHERE channel = ? AND sku = ?""", Boolean.class, CHANNEL, sku)));
        sandbox = TestStack.calmShopify();

        JsonNode synced = admin("POST", "/api/v1/channels/" + CHANNEL + "/sync", null, 202);

        assertThat(synced.path("listings_due").asInt()).isGreaterThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(shown(sandbox, sku)).contains(15));

        // full sync pushes even a converged listing again: a level changed behind our back is put right
        sandbox.setLevel(TestConnectors.itemGid(sku), TestConnectors.LOCATION_GID, 99);
        JsonNode full = admin("POST", "/api/v1/channels/" + CHANNEL + "/sync?full=true", null, 202);
        assertThat(full.path("listings_due").asInt()).isGreaterThanOrEqualTo(1);
        awaitShown(sandbox, sku, 15);
    }

    @Test
    void shadowChannelNeverReceivesPushesAndItsReconciliationReportsWhatThePipelineWouldChange() throws IOException {
        // the live shop, as another system keeps it before the migration
        List<SandboxLevel> before = new ArrayList<>();
        for (int i = 0; i < SHADOW.size(); i++) {
            before.add(sandbox.setLevel(TestConnectors.itemGid(SHADOW.get(i)), SHADOW_LOCATION_GID, 12));
        }
        List<String> events = new ArrayList<>();
        for (int i = 0; i < SHADOW.size(); i++) {
            events.add(delta("receiving", SHADOW.get(i), "WH-1", 10 + 3 * i, null, 1)); // SKU 0 and 1 differ by 2 and 1
        }
        assertThat(client.postSigned(array(events)).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> desired(SHADOW_CHANNEL, SHADOW.get(7)) == 31);
        // an operator control counts in what would be published: 22 - 10 = 12, as the shop shows
        admin("PUT", "/api/v1/channels/" + SHADOW_CHANNEL + "/skus/" + SHADOW.get(4) + "/buffer", "{\"units\": 10}", 200);
        assertThat(gauge("inventory.channel.shadow", SHADOW_CHANNEL)).isEqualTo(1.0);
        assertThat(admin("GET", "/api/v1/channels/" + SHADOW_CHANNEL + "/controls", null, 200).path("shadow_source")
                .asText()).isEqualTo("file");

        // slow reads, so the run is seen part-way
        sandbox.injectFaults(SandboxFaults.latency(1500));
        long id = startReconciliation(SHADOW_CHANNEL);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode running = admin("GET", "/api/v1/reconciliations/" + id, null, 200);
            assertThat(running.path("status").asText()).isEqualTo("running");
            assertThat(running.path("listings_compared").asInt()).isBetween(1, SHADOW.size() - 1);
            assertThat(running.path("progress_at").isNull()).isFalse();
        });
        JsonNode run = awaitFinished(id);
        sandbox = TestStack.calmShopify();

        assertThat(run.path("mode").asText()).isEqualTo("shadow");
        assertThat(run.path("status").asText()).isEqualTo("done");
        assertThat(run.path("listings_total").asInt()).isEqualTo(SHADOW.size());
        assertThat(run.path("listings_compared").asInt()).isEqualTo(SHADOW.size());
        // every SKU but the buffered one would change: 7 of 8, far over the guard rail, which shadow mode ignores
        assertThat(run.path("would_change").asInt()).isEqualTo(SHADOW.size() - 1);
        assertThat(run.path("differences").asInt()).isEqualTo(SHADOW.size() - 1);
        assertThat(run.path("corrections_requested").asInt()).isZero();
        assertThat(run.path("discrepancy_rate").asDouble()).isEqualTo(7.0 / 8);
        assertThat(run.path("duration_ms").asLong()).isPositive();
        assertThat(run.path("largest_differences")).hasSize(7);

        JsonNode top = admin("GET", "/api/v1/reconciliations/" + id + "?top=2", null, 200);
        assertThat(top.path("largest_differences")).extracting(d -> d.path("sku").asText() + ":"
                + d.path("expected_quantity").asInt() + "->" + d.path("channel_quantity").asInt() + ":"
                + d.path("corrected").asBoolean())
                .containsExactly(SHADOW.get(7) + ":31->12:false", SHADOW.get(6) + ":28->12:false");
        assertThat(client.admin("GET", "/api/v1/reconciliations/" + id + "?top=0", null, TOKEN).statusCode()).isEqualTo(400);
        assertThat(client.admin("GET", "/api/v1/reconciliations/987654321", null, TOKEN).statusCode()).isEqualTo(404);

        // nothing was pushed to the shadow channel, then or since
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            for (int i = 0; i < SHADOW.size(); i++) {
                assertThat(sandbox.level(TestConnectors.itemGid(SHADOW.get(i)), SHADOW_LOCATION_GID)).contains(before.get(i));
            }
        });

        // phase 2: the operator switches the channel live; it converges to what the report said
        JsonNode live = admin("PUT", "/api/v1/channels/" + SHADOW_CHANNEL + "/shadow", "{\"enabled\": false}", 200);
        assertThat(live.path("shadow").asBoolean()).isFalse();
        assertThat(live.path("shadow_source").asText()).isEqualTo("admin");
        for (int i = 0; i < SHADOW.size(); i++) {
            int expected = i == 4 ? 12 : 10 + 3 * i;
            String sku = SHADOW.get(i);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(sandbox.available(TestConnectors.itemGid(sku), SHADOW_LOCATION_GID)).contains(expected));
        }
        assertThat(gauge("inventory.channel.shadow", SHADOW_CHANNEL)).isZero();
    }

    @Test
    void controlsAnswer404ForAnUnknownChannelOrSku400ForBadInputAnd401WithoutTheToken() {
        String base = "/api/v1/channels/" + CHANNEL;
        assertThat(client.admin("GET", base + "/controls", null, null).statusCode()).isEqualTo(401);
        assertThat(client.admin("POST", "/api/v1/channels/no-such-channel/pause", null, TOKEN).statusCode()).isEqualTo(404);
        assertThat(client.admin("GET", "/api/v1/channels/no-such-channel/controls", null, TOKEN).statusCode()).isEqualTo(404);
        assertThat(client.admin("PUT", base + "/skus/NOT-MAPPED/pause", null, TOKEN).statusCode()).isEqualTo(404);
        assertThat(client.admin("PUT", base + "/skus/" + BUFFER.get(1) + "/buffer", "{\"units\": -1}", TOKEN).statusCode())
                .isEqualTo(400);
        assertThat(client.admin("PUT", base + "/skus/" + BUFFER.get(1) + "/buffer", "{\"units\": \"many\"}", TOKEN)
                .statusCode()).isEqualTo(400);
        assertThat(client.admin("PUT", base + "/skus/" + BUFFER.get(1) + "/buffer", "{units", TOKEN).statusCode())
                .isEqualTo(400);
        assertThat(client.admin("POST", base + "/limited-availability", "{\"below\": 0}", TOKEN).statusCode()).isEqualTo(400);
        assertThat(client.admin("POST", base + "/limited-availability", null, TOKEN).statusCode()).isEqualTo(400);
        assertThat(client.admin("PUT", base + "/shadow", "{\"enabled\": \"yes\"}", TOKEN).statusCode()).isEqualTo(400);
        HttpResponse<String> bad = client.admin("PUT", base + "/shadow", "{}", TOKEN);
        assertThat(bad.body()).contains("enabled");
    }

    private void receive(List<String> skus, int change) {
        List<String> events = new ArrayList<>();
        String type = change >= 0 ? "receiving" : "sale";
        skus.forEach(sku -> events.add(delta(type, sku, "WH-1", change, null, 1)));
        HttpResponse<String> response = client.postSigned(array(events));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    private int desired(String channel, String sku) {
        return jdbc.queryForList("SELECT desired_quantity FROM channel_listing WHERE channel = ? AND sku = ?",
                Integer.class, channel, sku).stream().findFirst().orElse(-1);
    }

    private double gauge(String name, String channel) {
        return meters.get(name).tag("channel", channel).gauge().value();
    }

    private JsonNode admin(String method, String path, String body, int status) throws IOException {
        HttpResponse<String> response = client.admin(method, path, body, TOKEN);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }

    private long startReconciliation(String channel) throws IOException {
        return admin("POST", "/api/v1/reconciliations?channel=" + channel, null, 202).path("id").asLong();
    }

    private JsonNode awaitFinished(long id) {
        JsonNode[] run = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            run[0] = admin("GET", "/api/v1/reconciliations/" + id, null, 200);
            assertThat(run[0].path("status").asText()).isNotEqualTo("running");
        });
        assertThat(run[0].path("error").isNull()).as(run[0].toString()).isTrue();
        return run[0];
    }
}
