package io.inventorysync.pipeline;

import static io.inventorysync.support.Events.array;
import static io.inventorysync.support.Events.count;
import static io.inventorysync.support.Events.delta;
import static io.inventorysync.support.Events.deltaAt;
import static io.inventorysync.support.Events.transfer;
import static io.inventorysync.support.ShownOnShop.awaitShown;
import static io.inventorysync.support.ShownOnShop.shown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
import io.inventorysync.connectors.shopify.sandbox.ShopifySandbox;
import io.inventorysync.support.TestConnectors;
import io.inventorysync.support.AppUnderTest;
import io.inventorysync.support.TestStack;
import io.inventorysync.support.WebhookClient;

/**
 * The whole pipeline on real parts: signed webhook → Kafka (in-process KRaft broker) → ledger (PostgreSQL)
 * → channel state → Shopify dispatcher → Shopify sandbox over HTTP.
 */
// embedded infrastructure is decided before @DynamicPropertySource applies, so it is switched off here
@SpringBootTest(classes = InventorySyncApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "inventory-sync.embedded.enabled=false", "inventory-sync.demo.enabled=false" })
class PipelineIT {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String SCHEMA = TestStack.freshSchema("pipeline");
    static final String ADMIN_TOKEN = AppUnderTest.ADMIN_TOKEN;
    static final Duration HOLD_TTL = Duration.ofMinutes(10);
    static final List<String> BULK = IntStream.rangeClosed(1, 600).mapToObj(i -> "BULK-%04d".formatted(i)).toList();
    static final TestConnectors CONNECTORS;

    static {
        List<String> mapped = new ArrayList<>(List.of("MIX-1", "DUP-1", "ABS-1", "CAS-1", "HOLD-1"));
        mapped.addAll(BULK);
        CONNECTORS = TestConnectors.onSharedShopify("2", mapped);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        AppUnderTest.register(registry, SCHEMA, RUN, CONNECTORS.dir());
        registry.add("inventory-sync.dispatch.initial-backoff", () -> "200ms");
        registry.add("inventory-sync.dispatch.max-backoff", () -> "2s");
        registry.add("inventory-sync.reservations.hold-ttl", () -> HOLD_TTL.toSeconds() + "s");
        registry.add("inventory-sync.reservations.expiry-cron", () -> "0/1 * * * * ?");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    final ObjectMapper json = new ObjectMapper();
    WebhookClient client;
    ShopifySandbox sandbox;

    @BeforeEach
    void setUp() {
        client = new WebhookClient(port);
        sandbox = TestStack.calmShopify();
    }

    private void accepted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    @Test
    void mixedStreamOfAllSevenEventTypesConvergesTheShopToTheLedger() {
        accepted(client.postSigned(array(List.of(
                delta("receiving", "MIX-1", "WH-1", 50, null, 1),
                delta("receiving", "MIX-1", "STORE-1", 20, null, 2),
                delta("receiving", "MIX-1", "DROPSHIP-9", 100, null, 2), // not a location of this channel
                delta("sale", "MIX-1", "WH-1", -3, "O1", 3),
                delta("return", "MIX-1", "WH-1", 1, "O1", 4),
                delta("reserve", "MIX-1", "STORE-1", -4, "O2", 5),
                delta("release", "MIX-1", "STORE-1", 1, "O2", 6),
                transfer("MIX-1", "WH-1", "STORE-1", 10, 7),
                delta("adjustment", "MIX-1", "WH-1", -2, null, 8),
                count("MIX-1", "STORE-1", 25, 9),
                delta("sale", "MIX-1", "STORE-1", -2, "O2", 10)))));

        // WH-1: 50 - 3 + 1 - 10 - 2 = 36; STORE-1: counted 25, sold 2 of the 3 held → on hand 23, reserved 1 → 22
        // the channel shows 36 + 22 minus its buffer of 2
        awaitShown(sandbox, "MIX-1", 56);
        assertThat(jdbc.queryForObject("SELECT reserved FROM stock_position WHERE sku = 'MIX-1' AND location_id = 'STORE-1'",
                Long.class)).isEqualTo(1);
    }

    @Test
    void duplicateEventIsAppliedOnce() {
        String receiving = delta("receiving", "DUP-1", "WH-1", 10, null, 1);
        accepted(client.postSigned(receiving));
        accepted(client.postSigned(receiving));
        accepted(client.postSigned(array(List.of(receiving, delta("sale", "DUP-1", "WH-1", -1, null, 2)))));

        awaitShown(sandbox, "DUP-1", 10 - 1 - 2);
        await().untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM applied_event WHERE sku = 'DUP-1'", Long.class)).isEqualTo(2));
        assertThat(jdbc.queryForObject("SELECT on_hand FROM stock_position WHERE sku = 'DUP-1'", Long.class)).isEqualTo(9);
    }

    @Test
    void olderAbsoluteCountIsIgnoredAndOlderDeltaIsNotAppliedAgain() {
        accepted(client.postSigned(count("ABS-1", "WH-1", 40, 100)));
        accepted(client.postSigned(array(List.of(
                count("ABS-1", "WH-1", 99, 50),
                delta("sale", "ABS-1", "WH-1", -5, null, 70),
                delta("sale", "ABS-1", "WH-1", -1, null, 101)))));

        awaitShown(sandbox, "ABS-1", 40 - 1 - 2);
        assertThat(jdbc.queryForList("SELECT outcome FROM applied_event WHERE sku = 'ABS-1' ORDER BY event_timestamp",
                String.class)).containsExactly("STALE_ABSOLUTE", "SUPERSEDED", "APPLIED", "APPLIED");
    }

    @Test
    void unmappedSkuIsDeadLetteredAndReplayableAfterTheMappingIsAdded() throws Exception {
        String sku = "LATE-" + RUN;
        accepted(client.postSigned(delta("receiving", sku, "WH-1", 12, null, 1)));

        JsonNode letters = await().atMost(Duration.ofSeconds(30)).until(
                () -> json.readTree(client.admin("GET", "/api/v1/dead-letters?reason=sku-unmapped", null, ADMIN_TOKEN).body())
                        .path("dead_letters"),
                node -> node.isArray() && node.size() > 0 && containsKey(node, sku));
        JsonNode letter = find(letters, sku);
        assertThat(letter.path("stage").asText()).isEqualTo("mapping");
        assertThat(json.readTree(letter.path("payload").asText()).path("sku").asText()).isEqualTo(sku);
        assertThat(shown(sandbox, sku)).isEmpty();

        CONNECTORS.map(sku);
        assertThat(client.admin("POST", "/api/v1/mappings/reload", null, ADMIN_TOKEN).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = client.admin("POST", "/api/v1/dead-letters/replay",
                "{\"ids\":[\"" + letter.path("id").asText() + "\"]}", ADMIN_TOKEN);
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);

        awaitShown(sandbox, sku, 10);
        assertThat(jdbc.queryForObject("SELECT on_hand FROM stock_position WHERE sku = ?", Long.class, sku)).isEqualTo(12);
    }

    @Test
    void runningPackServesItsOpenApiDocumentAndEventSchema() {
        HttpResponse<String> api = client.admin("GET", "/api/v1/openapi.yaml", null, null);
        HttpResponse<String> schema = client.admin("GET", "/api/v1/schemas/inventory-event.schema.json", null, null);

        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("/api/v1/events:").contains("/api/v1/dead-letters/replay:");
        assertThat(schema.statusCode()).isEqualTo(200);
        assertThat(schema.body()).contains("\"inventory.transfer\"");
    }

    @Test
    void deadLetterApiRequiresTheAdminToken() {
        assertThat(client.admin("GET", "/api/v1/dead-letters", null, null).statusCode()).isEqualTo(401);
        assertThat(client.admin("GET", "/api/v1/dead-letters", null, "wrong").statusCode()).isEqualTo(401);
        assertThat(client.admin("POST", "/api/v1/dead-letters/replay", "{\"ids\":[]}", "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void invalidPayloadIsRejectedWithFieldErrors() throws Exception {
        HttpResponse<String> response = client.postSigned(array(List.of(
                delta("receiving", "MIX-1", "WH-1", 1, null, 1),
                delta("sale", "MIX-1", "WH-1", 3, null, 2))));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("errors").toString()).contains("[1]").contains("quantity_change");
    }

    @Test
    void missingOrWrongSignatureIsRejectedWith401() {
        byte[] body = delta("receiving", "MIX-1", "WH-1", 1, null, 1).getBytes(StandardCharsets.UTF_8);

        assertThat(client.post(body, null).statusCode()).isEqualTo(401);
        assertThat(client.post(body, "sha256=" + "0".repeat(64)).statusCode()).isEqualTo(401);
    }

    @Test
    void oversizedBodyIsRejectedWith413() {
        String padding = " ".repeat(1024 * 1024 + 10);
        assertThat(client.postSigned("[" + delta("receiving", "MIX-1", "WH-1", 1, null, 1) + padding + "]").statusCode())
                .isEqualTo(413);
    }

    @Test
    void throttlingShopLosesNothingAndNoMutationExceeds250Items() {
        sandbox.reset();
        sandbox.configureBucket(200, 100);
        sandbox.injectFaults(new SandboxFaults(2, 1, 0L, 429, null));
        List<String> events = BULK.stream().map(sku -> delta("receiving", sku, "WH-1", 7, null, 1)).toList();

        accepted(client.postSigned(array(events)));

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(BULK.stream().filter(sku -> shown(sandbox, sku).orElse(-1) == 5).count()).isEqualTo(BULK.size()));
        assertThat(sandbox.stats().maxQuantitiesInOneMutation()).isBetween(1, 250);
        assertThat(sandbox.stats().throttled()).isPositive();
        assertThat(sandbox.stats().http5xx()).isPositive();
    }

    @Test
    void staleCompareAndSetIsReReadAndRetried() {
        accepted(client.postSigned(delta("receiving", "CAS-1", "WH-1", 30, null, 1)));
        awaitShown(sandbox, "CAS-1", 28);
        // a merchant edits the quantity in the Shopify admin behind our back
        sandbox.setLevel(TestConnectors.itemGid("CAS-1"), TestConnectors.LOCATION_GID, 5);

        accepted(client.postSigned(delta("sale", "CAS-1", "WH-1", -1, null, 2)));

        awaitShown(sandbox, "CAS-1", 27);
        assertThat(sandbox.stats().mutationsWithUserErrors()).isPositive();
    }

    @Test
    void lapsedReservationIsReleasedAutomaticallyAndTheChannelSeesIt() {
        // a checkout that started (almost) a hold's lifetime ago and was never completed
        accepted(client.postSigned(array(List.of(
                delta("receiving", "HOLD-1", "WH-1", 20, null, 1),
                deltaAt("reserve", "HOLD-1", "WH-1", -5, "CHECKOUT-1", Instant.now().minus(HOLD_TTL).plusSeconds(3))))));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM applied_event WHERE sku = 'HOLD-1' AND event_type = 'inventory.reserve'", Long.class) == 1);

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM applied_event WHERE sku = 'HOLD-1' AND event_type = 'inventory.release' AND outcome = 'APPLIED'",
                Long.class) == 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM reservation WHERE sku = 'HOLD-1'", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT reserved FROM stock_position WHERE sku = 'HOLD-1'", Long.class)).isZero();
        awaitShown(sandbox, "HOLD-1", 20 - 2);
    }

    private static boolean containsKey(JsonNode letters, String sku) {
        return find(letters, sku) != null;
    }

    private static JsonNode find(JsonNode letters, String sku) {
        for (JsonNode letter : letters) {
            if (sku.equals(letter.path("key").asText())) {
                return letter;
            }
        }
        return null;
    }
}
