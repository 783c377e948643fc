package io.inventorysync.reconciliation;

import static io.inventorysync.support.Events.array;
import static io.inventorysync.support.Events.delta;
import static io.inventorysync.support.ShownOnShop.shown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzEndpoint;
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
import io.inventorysync.connectors.shopify.sandbox.ShopifySandbox;
import io.inventorysync.support.AppUnderTest;
import io.inventorysync.support.ReconciliationRuns;
import io.inventorysync.support.TestConnectors;
import io.inventorysync.support.TestStack;
import io.inventorysync.support.WebhookClient;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The 4-hour safety net on real parts: quantities pushed through the whole pipeline to the Shopify sandbox, then
 * changed on the "shop" behind our back, then found by a reconciliation and corrected through the dispatcher.
 */
@SpringBootTest(classes = InventorySyncApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "inventory-sync.embedded.enabled=false", "inventory-sync.demo.enabled=false" })
class ReconciliationIT {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String SCHEMA = TestStack.freshSchema("reconciliation");
    static final String ADMIN_TOKEN = AppUnderTest.ADMIN_TOKEN;
    static final List<String> DRIFT = skus("DRIFT", 12);
    static final List<String> MASS = skus("MASS", 10);
    static final List<String> SETTLE = skus("SETTLE", 12);
    /*
     * The template's default. Not overridden here: the Quartz scheduler is shared by every application context in
     * the test JVM, and another context with the same channel name and another cron would claim the same trigger.
     */
    static final String DEFAULT_CRON = "0 0 0/4 * * ?";
    static final TestConnectors CONNECTORS;

    static {
        List<String> mapped = new ArrayList<>(DRIFT);
        mapped.addAll(MASS);
        mapped.addAll(SETTLE);
        CONNECTORS = TestConnectors.onSharedShopify("0", mapped);
    }

    static List<String> skus(String prefix, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "REC-%s-%s-%02d".formatted(RUN, prefix, i)).toList();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        AppUnderTest.register(registry, SCHEMA, RUN, CONNECTORS.dir());
        registry.add("inventory-sync.dispatch.initial-backoff", () -> "200ms");
        registry.add("inventory-sync.dispatch.max-backoff", () -> "2s");
        // small pages, so a run of 20 listings goes through several keyed chunks
        registry.add("inventory-sync.reconciliation.chunk-size", () -> "3");
        registry.add("inventory-sync.reconciliation.settle", () -> "3s");
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    CamelContext camel;

    @Autowired
    JdbcTemplate jdbc;

    final ObjectMapper json = new ObjectMapper();
    WebhookClient client;
    ShopifySandbox sandbox;
    ReconciliationRuns runs;

    @BeforeEach
    void setUp() {
        client = new WebhookClient(port);
        sandbox = TestStack.calmShopify();
        runs = new ReconciliationRuns(client, TestConnectors.CHANNEL);
    }

    @Test
    void twoLevelsChangedBehindOurBackAreFoundAndCorrectedBackToTheLedger() throws IOException {
        pushThroughThePipeline(DRIFT);
        sandbox.setLevel(TestConnectors.itemGid(DRIFT.get(2)), TestConnectors.LOCATION_GID, 999);
        sandbox.setLevel(TestConnectors.itemGid(DRIFT.get(7)), TestConnectors.LOCATION_GID, 0);

        JsonNode run = runs.awaitFinished(runs.start());

        assertThat(run.path("status").asText()).isEqualTo("done");
        assertThat(run.path("differences").asInt()).isEqualTo(2);
        assertThat(run.path("listings_compared").asInt()).isGreaterThanOrEqualTo(DRIFT.size());
        assertThat(run.path("corrections_requested").asInt()).isEqualTo(2);
        assertThat(run.path("largest_differences")).extracting(d -> d.path("sku").asText())
                .containsExactly(DRIFT.get(2), DRIFT.get(7));
        assertThat(run.at("/largest_differences/0/expected_quantity").asInt()).isEqualTo(ledgerQuantity(DRIFT, 2));
        assertThat(run.at("/largest_differences/0/channel_quantity").asInt()).isEqualTo(999);
        awaitShownAsLedger(DRIFT);
        assertThat(meters.get(Reconciliations.DISCREPANCIES).tag("channel", TestConnectors.CHANNEL).counter().count())
                .isGreaterThanOrEqualTo(2);
        assertThat(meters.get(Reconciliations.DISCREPANCY_RATE).tag("channel", TestConnectors.CHANNEL).gauge().value())
                .isPositive();
    }

    @Test
    void runWhereMostListingsDifferIsHeldUntilAppliedByAnOperator() throws IOException {
        pushThroughThePipeline(MASS);
        MASS.forEach(sku -> sandbox.setLevel(TestConnectors.itemGid(sku), TestConnectors.LOCATION_GID, 7));

        JsonNode held = runs.awaitFinished(runs.start());

        assertThat(held.path("status").asText()).isEqualTo("held");
        assertThat(held.path("differences").asInt()).isEqualTo(MASS.size());
        assertThat(held.path("corrections_requested").asInt()).isZero();
        // nothing is corrected while held: give the dispatcher every chance to (wrongly) push, then look
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                MASS.forEach(sku -> assertThat(shown(sandbox, sku)).contains(7)));

        // the hold is an incident on the alert ladder until an operator decides
        String incident = "SELECT summary FROM alert_incident WHERE alert_key = ? AND resolved_at IS NULL";
        String key = "reconciliation-held:" + TestConnectors.CHANNEL;
        assertThat(jdbc.queryForList(incident, String.class, key)).singleElement().asString()
                .contains("is held").contains("/api/v1/reconciliations/" + held.path("id").asLong() + "/apply");

        HttpResponse<String> applied = client.admin("POST", "/api/v1/reconciliations/" + held.path("id").asLong() + "/apply",
                null, ADMIN_TOKEN);

        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        JsonNode after = json.readTree(applied.body());
        assertThat(after.path("status").asText()).isEqualTo("done");
        assertThat(after.path("corrections_requested").asInt()).isEqualTo(MASS.size());
        assertThat(after.path("applied_at").isNull()).isFalse();
        awaitShownAsLedger(MASS);
        assertThat(jdbc.queryForList(incident, String.class, key)).as("resolved once applied").isEmpty();
        assertThat(client.admin("POST", "/api/v1/reconciliations/" + held.path("id").asLong() + "/apply", null,
                ADMIN_TOKEN).statusCode()).isEqualTo(409);
    }

    @Test
    void eachChannelIsReconciledEveryFourHoursByDefault() {
        QuartzEndpoint schedule = (QuartzEndpoint) camel.getRoute("reconciliation-" + TestConnectors.CHANNEL).getEndpoint();

        assertThat(schedule.getCron()).isEqualTo(DEFAULT_CRON);
    }

    @Test
    void listingWhoseLedgerQuantityMovesWhileTheRunSettlesIsLeftToTheDispatcher() throws IOException {
        pushThroughThePipeline(SETTLE);
        String soldOnTheShop = SETTLE.get(4);
        sandbox.setLevel(TestConnectors.itemGid(soldOnTheShop), TestConnectors.LOCATION_GID, ledgerQuantity(SETTLE, 4) - 1);
        sandbox.setLevel(TestConnectors.itemGid(SETTLE.get(9)), TestConnectors.LOCATION_GID, 500);

        long id = runs.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM reconciliation_difference WHERE run_id = ?", Long.class, id) == 2);
        // the shop's sale reaches the ledger (through the ERP) while the run settles
        assertThat(client.postSigned(delta("sale", soldOnTheShop, "WH-1", -1, "SHOP-ORDER-1", 2)).statusCode())
                .isEqualTo(202);
        JsonNode run = runs.awaitFinished(id);

        assertThat(run.path("status").asText()).isEqualTo("done");
        assertThat(run.path("differences").asInt()).isEqualTo(2);
        assertThat(run.path("corrections_requested").asInt()).isEqualTo(1);
        assertThat(run.path("largest_differences")).extracting(d -> d.path("sku").asText() + ":" + d.path("corrected"))
                .containsExactly(SETTLE.get(9) + ":true", soldOnTheShop + ":false");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(shown(sandbox, soldOnTheShop)).contains(ledgerQuantity(SETTLE, 4) - 1);
            assertThat(shown(sandbox, SETTLE.get(9))).contains(ledgerQuantity(SETTLE, 9));
        });
    }

    @Test
    void adminEndpointsNeedTheTokenAndAKnownChannel() {
        assertThat(client.admin("GET", "/api/v1/reconciliations", null, null).statusCode()).isEqualTo(401);
        assertThat(client.admin("POST", "/api/v1/reconciliations?channel=" + TestConnectors.CHANNEL, null, "wrong")
                .statusCode()).isEqualTo(401);
        assertThat(client.admin("POST", "/api/v1/reconciliations?channel=no-such-channel", null, ADMIN_TOKEN)
                .statusCode()).isEqualTo(400);
        assertThat(client.admin("POST", "/api/v1/reconciliations/987654/apply", null, ADMIN_TOKEN).statusCode())
                .isEqualTo(404);
    }

    /** Receives 10 + 3·i units of each SKU at a channel location and waits until the shop shows them. */
    private void pushThroughThePipeline(List<String> skus) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < skus.size(); i++) {
            events.add(delta("receiving", skus.get(i), "WH-1", ledgerQuantity(skus, i), null, 1));
        }
        HttpResponse<String> response = client.postSigned(array(events));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        awaitShownAsLedger(skus);
        // the shop shows a value a moment before the dispatcher records it pushed; a reconciliation reads the record
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT count(*) FROM channel_listing"
                + " WHERE channel = ? AND sku = ANY (?) AND pushed_version = desired_version", Long.class,
                TestConnectors.CHANNEL, skus.toArray(String[]::new)) == skus.size());
    }

    private static int ledgerQuantity(List<String> skus, int index) {
        return 10 + 3 * index;
    }

    private void awaitShownAsLedger(List<String> skus) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (int i = 0; i < skus.size(); i++) {
                assertThat(shown(sandbox, skus.get(i))).as(skus.get(i)).contains(ledgerQuantity(skus, i));
            }
        });
    }
}
