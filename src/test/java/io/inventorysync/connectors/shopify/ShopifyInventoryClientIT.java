package io.inventorysync.connectors.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import io.inventorysync.channel.ListingQuantity;
import io.inventorysync.channel.PushOutcome;
import io.inventorysync.channel.RetryableChannelException;
import io.inventorysync.channel.ratelimit.CostRateLimiter;
import io.inventorysync.channel.ratelimit.RateLimiterRegistry;
import io.inventorysync.connectors.shopify.sandbox.SandboxFaults;
import io.inventorysync.connectors.shopify.sandbox.ShopifySandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client on its own, as the lead's batching code uses it, against the sandbox with Shopify's default bucket. */
class ShopifyInventoryClientIT {

    static final String LOCATION = ShopifyInventoryProducerIT.LOCATION;
    static ShopifySandbox sandbox;
    RateLimiterRegistry registry;

    @BeforeAll
    static void start() {
        sandbox = ShopifySandbox.start(0);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
        registry = new RateLimiterRegistry();
    }

    ShopifyInventoryClient client(ShopifyClientSettings.Builder settings) {
        return ShopifyInventoryClient.create(settings.build(), registry, "client-it");
    }

    ShopifyClientSettings.Builder settings() {
        return ShopifyClientSettings.builder(sandbox.baseUrl(), sandbox.accessToken());
    }

    static ListingQuantity listing(int n, int quantity, Integer expected) {
        return ShopifyInventoryProducerIT.listing(n, quantity, expected);
    }

    static String item(int n) {
        return ShopifyInventoryProducerIT.item(n);
    }

    @Test
    void outcomesComeOnePerItemInInputOrder() throws Exception {
        List<ListingQuantity> batch = List.of(listing(3, 1, null), listing(1, 2, null), listing(2, 3, null));

        List<PushOutcome> outcomes = client(settings()).push(batch);

        assertThat(outcomes).extracting(PushOutcome::sku).containsExactly("SKU-3", "SKU-1", "SKU-2");
        assertThat(outcomes).extracting(PushOutcome::quantity).containsExactly(1, 2, 3);
    }

    @Test
    void withoutReadBeforeSetAnUnknownExpectationIsSentAsExplicitNull() throws Exception {
        sandbox.setLevel(item(1), LOCATION, 5);

        List<PushOutcome> outcomes = client(settings().readBeforeSet(false)).push(List.of(listing(1, 8, null)));

        assertThat(outcomes.get(0).status()).isEqualTo(PushOutcome.Status.PUSHED);
        assertThat(sandbox.available(item(1), LOCATION)).contains(8);
        assertThat(sandbox.stats().queries()).isZero();
    }

    @Test
    void withReadBeforeSetTheCurrentLevelIsReadFirstInOneQuery() throws Exception {
        sandbox.setLevel(item(1), LOCATION, 5);
        sandbox.setLevel(item(2), LOCATION, 6);

        client(settings()).push(List.of(listing(1, 8, null), listing(2, 9, null), listing(3, 1, 0)));

        assertThat(sandbox.stats().queries()).isEqualTo(1);
        assertThat(sandbox.stats().mutationsWithUserErrors()).as("the read values were current").isZero();
        assertThat(sandbox.available(item(2), LOCATION)).contains(9);
    }

    @Test
    void staleItemsBeyondTheCompareRoundsAreAnsweredRetry() throws Exception {
        sandbox.setLevel(item(1), LOCATION, 5);

        List<PushOutcome> outcomes = client(settings().maxCompareRounds(0)).push(List.of(listing(1, 8, 4), listing(2, 1, null)));

        assertThat(outcomes.get(0).status()).isEqualTo(PushOutcome.Status.RETRY);
        assertThat(outcomes.get(0).code()).isEqualTo("CHANGE_FROM_QUANTITY_STALE");
        assertThat(outcomes.get(1).status()).isEqualTo(PushOutcome.Status.PUSHED);
        assertThat(sandbox.available(item(1), LOCATION)).contains(5);
    }

    @Test
    void laterItemForTheSameLevelSupersedesAnEarlierOne() throws Exception {
        List<PushOutcome> outcomes = client(settings()).push(List.of(listing(1, 4, null), listing(1, 6, null)));

        assertThat(outcomes).extracting(PushOutcome::status).containsOnly(PushOutcome.Status.PUSHED);
        assertThat(outcomes.get(0).quantity()).isEqualTo(6);
        assertThat(outcomes.get(0).message()).contains("superseded");
        assertThat(sandbox.available(item(1), LOCATION)).contains(6);
        assertThat(sandbox.stats().mutationsWithUserErrors()).as("no duplicate pair sent").isZero();
    }

    @Test
    void itemWithoutListingIdsIsRejectedLocally() throws Exception {
        ListingQuantity noIds = new ListingQuantity("SKU-X", Map.of("inventoryItemId", item(5)), 1, null);

        List<PushOutcome> outcomes = client(settings()).push(List.of(noIds, listing(1, 2, null)));

        assertThat(outcomes.get(0).status()).isEqualTo(PushOutcome.Status.REJECTED);
        assertThat(outcomes.get(0).code()).isEqualTo("MISSING_LISTING_ID");
        assertThat(outcomes.get(1).status()).isEqualTo(PushOutcome.Status.PUSHED);
    }

    @Test
    void batchAboveTheCapIsRefused() {
        ShopifyInventoryClient client = client(settings().batchSize(2));

        assertThat(client.maxBatchSize()).isEqualTo(2);
        assertThatThrownBy(() -> client.push(List.of(listing(1, 1, 0), listing(2, 1, 0), listing(3, 1, 0))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 429})
    void throttledCallIsThrownAsRetryableWithTheRestoreTime(int statusCode) {
        sandbox.injectFaults(new SandboxFaults(1, null, null, statusCode, null));
        ShopifyInventoryClient client = client(settings());

        assertThatThrownBy(() -> client.push(List.of(listing(1, 1, 0))))
                .isInstanceOfSatisfying(RetryableChannelException.class, e -> {
                    assertThat(e.code()).isEqualTo("THROTTLED");
                    // the fault drained the bucket: a 10-point mutation needs 10 / 50 per s = 200 ms
                    assertThat(e.retryAfterMs()).isBetween(150L, 250L);
                });
        CostRateLimiter limiter = registry.find(RateLimiterRegistry.shopifyGraphqlKey("client-it")).orElseThrow();
        assertThat(limiter.availableTokens()).as("synced to the drained bucket").isLessThan(10);
        assertThat(sandbox.levels()).isEmpty();
    }

    @Test
    void serverErrorIsThrownAsRetryableWithTheStatusAsCode() {
        sandbox.injectFaults(SandboxFaults.serverError(1));

        assertThatThrownBy(() -> client(settings()).push(List.of(listing(1, 1, 0))))
                .isInstanceOfSatisfying(RetryableChannelException.class, e -> assertThat(e.code()).isEqualTo("HTTP_503"));
    }

    @Test
    void unreachableShopIsThrownAsRetryableIoError() {
        int freePort;
        try (ShopifySandbox closed = ShopifySandbox.start(0)) {
            freePort = closed.port();
        }
        ShopifyInventoryClient client = client(ShopifyClientSettings.builder("http://127.0.0.1:" + freePort, "t"));

        assertThatThrownBy(() -> client.push(List.of(listing(1, 1, 0))))
                .isInstanceOfSatisfying(RetryableChannelException.class, e -> assertThat(e.code()).isEqualTo("IO_ERROR"));
    }

    @Test
    void slowShopIsThrownAsRetryableTimeout() {
        sandbox.injectFaults(SandboxFaults.latency(1_000));

        assertThatThrownBy(() -> client(settings().requestTimeout(java.time.Duration.ofMillis(150))).push(List.of(listing(1, 1, 0))))
                .isInstanceOfSatisfying(RetryableChannelException.class, e -> assertThat(e.code()).isEqualTo("TIMEOUT"));
    }

    @Test
    void invalidReasonConcernsEveryItemAndRejectsThemAll() throws Exception {
        List<PushOutcome> outcomes = client(settings().reason("because")).push(List.of(listing(1, 1, 0), listing(2, 1, 0)));

        assertThat(outcomes).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(PushOutcome.Status.REJECTED);
            assertThat(o.code()).isEqualTo("INVALID_REASON");
        });
    }
}
