package io.inventorysync.connectors.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.inventorysync.channel.ListingQuantity;
import io.inventorysync.channel.PushOutcome;
import io.inventorysync.channel.ratelimit.RateLimiterRegistry;
import io.inventorysync.connectors.shopify.sandbox.SandboxFaults;
import io.inventorysync.connectors.shopify.sandbox.SandboxSettings;
import io.inventorysync.connectors.shopify.sandbox.ShopifySandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShopifyInventoryProducerIT {

    static final String LOCATION = "gid://shopify/Location/7";
    /** A fast shop (Plus-like restore rate) so tests that are not about throttling do not wait for the bucket. */
    static final SandboxSettings FAST_SHOP = SandboxSettings.defaults().withBucket(1000, 2000);

    static ShopifySandbox sandbox;
    CamelContext camel;
    ProducerTemplate template;

    @BeforeAll
    static void startSandbox() {
        sandbox = ShopifySandbox.start(FAST_SHOP, 0);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void startCamel() {
        sandbox.reset();
        camel = new DefaultCamelContext();
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() {
        camel.stop();
    }

    static String uri(String token, String extra) {
        return "shopify-inventory:demo?shopUrl=RAW(" + sandbox.baseUrl() + ")&accessToken=RAW(" + token + ")"
                + "&initialBackoff=10&maxBackoff=200" + extra;
    }

    static String uri() {
        return uri(sandbox.accessToken(), "");
    }

    static String item(int n) {
        return "gid://shopify/InventoryItem/" + n;
    }

    static ListingQuantity listing(int n, int quantity, Integer expected) {
        return new ListingQuantity("SKU-" + n, Map.of("inventoryItemId", item(n), "locationId", LOCATION), quantity, expected);
    }

    static List<ListingQuantity> items(int count) {
        List<ListingQuantity> items = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            items.add(listing(n, 1000 + n, null));
        }
        return items;
    }

    @SuppressWarnings("unchecked")
    List<PushOutcome> push(String uri, Object body) {
        return template.requestBody(uri, body, List.class);
    }

    void assertSandboxHolds(List<ListingQuantity> items) {
        for (ListingQuantity q : items) {
            assertThat(sandbox.available(q.listing().get("inventoryItemId"), LOCATION)).as(q.sku()).contains(q.quantity());
        }
    }

    @Test
    void sixHundredItemsGoAsThreeMutationsOfAtMost250AndAllLand() {
        List<ListingQuantity> items = items(600);

        Exchange answer = template.request(uri(), exchange -> exchange.getMessage().setBody(items));

        List<?> outcomes = answer.getMessage().getBody(List.class);
        assertThat(outcomes).hasSize(600).allSatisfy(o -> assertThat(((PushOutcome) o).status()).isEqualTo(PushOutcome.Status.PUSHED));
        assertThat(((PushOutcome) outcomes.get(599)).sku()).isEqualTo("SKU-600");
        assertThat(sandbox.stats().mutationsApplied()).isEqualTo(3);
        assertThat(sandbox.stats().mutationsReceived()).isEqualTo(3);
        assertThat(sandbox.stats().maxQuantitiesInOneMutation()).isEqualTo(250);
        assertThat(sandbox.stats().queries()).as("one level read per batch").isEqualTo(3);
        assertThat(sandbox.levels()).hasSize(600);
        assertSandboxHolds(items);
        assertThat(answer.getMessage().getHeader(ShopifyInventoryConstants.PUSHED_COUNT, Integer.class)).isEqualTo(600);
        assertThat(answer.getMessage().getHeader(ShopifyInventoryConstants.BATCH_COUNT, Integer.class)).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 429})
    void throttledCallsAreRetriedWithoutLoss(int throttleStatusCode) {
        sandbox.injectFaults(new SandboxFaults(3, null, null, throttleStatusCode, null));
        List<ListingQuantity> items = items(600);

        List<PushOutcome> outcomes = push(uri(), items);

        assertThat(outcomes).hasSize(600).allSatisfy(o -> assertThat(o.status()).isEqualTo(PushOutcome.Status.PUSHED));
        assertThat(sandbox.stats().throttled()).isEqualTo(3);
        assertThat(sandbox.stats().mutationsApplied()).isEqualTo(3);
        assertSandboxHolds(items);
    }

    @Test
    void smallBucketIsFollowedWithoutBeingThrottledAndReadsAreSplitBelowTheQueryLimit() {
        sandbox.configureBucket(50, 1000);
        List<ListingQuantity> items = items(300);

        List<PushOutcome> outcomes = push(uri(), items);

        assertThat(outcomes).allSatisfy(o -> assertThat(o.status()).isEqualTo(PushOutcome.Status.PUSHED));
        assertSandboxHolds(items);
        assertThat(sandbox.stats().throttled()).as("the synced local limiter waits instead").isZero();
        RateLimiterRegistry registry = camel.getComponent("shopify-inventory", ShopifyInventoryComponent.class).getRateLimiterRegistry();
        assertThat(registry.find("shopify:demo:graphql")).get()
                .satisfies(limiter -> assertThat(limiter.capacity()).as("synced to the shop's bucket").isEqualTo(50));
    }

    @Test
    void staleCompareAndSetIsReReadAndRetriedSoOurValueWins() {
        for (int n = 1; n <= 3; n++) {
            sandbox.setLevel(item(n), LOCATION, 5);
        }
        sandbox.setLevel(item(2), LOCATION, 9); // a merchant edit behind our back
        List<ListingQuantity> items = List.of(listing(1, 11, 5), listing(2, 12, 5), listing(3, 13, 5));

        List<PushOutcome> outcomes = push(uri(), items);

        assertThat(outcomes).extracting(PushOutcome::status).containsOnly(PushOutcome.Status.PUSHED);
        assertThat(outcomes.get(1).message()).contains("9");
        assertSandboxHolds(items);
        assertThat(sandbox.stats().mutationsWithUserErrors()).isEqualTo(1);
        assertThat(sandbox.stats().mutationsApplied()).isEqualTo(1);
    }

    @Test
    void serverErrorsAreRetried() {
        sandbox.injectFaults(SandboxFaults.serverError(2));
        List<ListingQuantity> items = items(10);

        List<PushOutcome> outcomes = push(uri(), items);

        assertThat(outcomes).allSatisfy(o -> assertThat(o.status()).isEqualTo(PushOutcome.Status.PUSHED));
        assertThat(sandbox.stats().http5xx()).isEqualTo(2);
        assertSandboxHolds(items);
    }

    @Test
    void itemsStillFailingAfterMaxRetriesAreAnsweredRetryWithTheLastCode() {
        sandbox.injectFaults(SandboxFaults.serverError(100));

        List<PushOutcome> outcomes = push(uri(sandbox.accessToken(), "&maxRetries=2"), items(5));

        assertThat(outcomes).hasSize(5).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(PushOutcome.Status.RETRY);
            assertThat(o.code()).isEqualTo("HTTP_503");
        });
        assertThat(sandbox.stats().http5xx()).as("first try + 2 retries").isEqualTo(3);
        assertThat(sandbox.levels()).isEmpty();
    }

    @Test
    void invalidItemIsRejectedWithShopifysCodeWhileTheRestOfTheBatchIsPushed() {
        List<ListingQuantity> items = new ArrayList<>(items(20));
        items.add(7, new ListingQuantity("SKU-BAD", Map.of("inventoryItemId", "gid://shopify/InventoryItem/not-a-number",
                "locationId", LOCATION), 4, null));

        List<PushOutcome> outcomes = push(uri(), items);

        assertThat(outcomes.get(7).status()).isEqualTo(PushOutcome.Status.REJECTED);
        assertThat(outcomes.get(7).code()).isEqualTo("INVALID_INVENTORY_ITEM");
        assertThat(outcomes.get(7).sku()).isEqualTo("SKU-BAD");
        List<PushOutcome> others = new ArrayList<>(outcomes);
        others.remove(7);
        assertThat(others).hasSize(20).allSatisfy(o -> assertThat(o.status()).isEqualTo(PushOutcome.Status.PUSHED));
        assertSandboxHolds(items(20));
    }

    @Test
    void unknownItemIsRejectedWhenTheShopDoesNotAutoCreate() {
        sandbox.setAutoCreateItems(false);
        sandbox.setLevel(item(1), LOCATION, 0);
        sandbox.setLevel(item(2), LOCATION, 0);

        List<PushOutcome> outcomes = push(uri(), List.of(listing(1, 3, null), listing(99, 3, null), listing(2, 4, null)));

        assertThat(outcomes).extracting(PushOutcome::status)
                .containsExactly(PushOutcome.Status.PUSHED, PushOutcome.Status.REJECTED, PushOutcome.Status.PUSHED);
        assertThat(outcomes.get(1).code()).isEqualTo("INVALID_INVENTORY_ITEM");
        assertThat(sandbox.available(item(2), LOCATION)).contains(4);
    }

    @Test
    void badTokenRejectsEveryItemAsUnauthorizedWithoutRetryingOrCallingPerBatch() {
        List<PushOutcome> outcomes = push(uri("shpat_revoked", ""), items(600));

        assertThat(outcomes).hasSize(600).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(PushOutcome.Status.REJECTED);
            assertThat(o.code()).isEqualTo("UNAUTHORIZED");
        });
        assertThat(sandbox.stats().unauthorized()).as("one refused call, no retries, no further batches").isEqualTo(1);
        assertThat(sandbox.levels()).isEmpty();
    }

    @Test
    void jsonTextBodyIsAccepted() {
        String body = """
                [{"sku":"A","listing":{"inventoryItemId":"gid://shopify/InventoryItem/1","locationId":"%s"},"quantity":3},
                 {"sku":"B","listing":{"inventoryItemId":"gid://shopify/InventoryItem/2","locationId":"%s"},"quantity":4,"expectedQuantity":0}]
                """.formatted(LOCATION, LOCATION);

        List<PushOutcome> outcomes = push(uri(), body);

        assertThat(outcomes).extracting(PushOutcome::sku).containsExactly("A", "B");
        assertThat(outcomes).extracting(PushOutcome::status).containsOnly(PushOutcome.Status.PUSHED);
        assertThat(sandbox.available(item(2), LOCATION)).contains(4);
    }

    @Test
    void endpointsOfOneShopShareOneRateLimiter() {
        push(uri(), items(1));
        push(uri(sandbox.accessToken(), "&batchSize=100"), List.of(listing(2, 1, null)));

        ShopifyInventoryComponent component = camel.getComponent("shopify-inventory", ShopifyInventoryComponent.class);
        assertThat(camel.getEndpoints()).filteredOn(e -> e instanceof ShopifyInventoryEndpoint).hasSize(2);
        assertThat(component.getRateLimiterRegistry().find("shopify:demo:graphql")).isPresent();
        assertThat(component.getRateLimiterRegistry().find("shopify:demo:graphql").get().availableTokens())
                .as("both endpoints spent from the same bucket").isLessThanOrEqualTo(sandbox.throttleStatus().currentlyAvailable());
    }
}
