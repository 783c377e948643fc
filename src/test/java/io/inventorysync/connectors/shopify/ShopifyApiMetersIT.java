package io.inventorysync.connectors.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.inventorysync.channel.ChannelApiMeters;
import io.inventorysync.channel.PushOutcome;
import io.inventorysync.channel.RetryableChannelException;
import io.inventorysync.channel.ratelimit.RateLimiterRegistry;
import io.inventorysync.connectors.shopify.sandbox.SandboxFaults;
import io.inventorysync.connectors.shopify.sandbox.ShopifySandbox;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Every GraphQL call the Shopify client makes is counted per operation and outcome, throttled ones separately. */
class ShopifyApiMetersIT {

    static final String CHANNEL = "shopify-meters-it";
    static ShopifySandbox sandbox;
    SimpleMeterRegistry meters;

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
        meters = new SimpleMeterRegistry();
    }

    private ShopifyInventoryClient client(String token) {
        return ShopifyInventoryClient.create(ShopifyClientSettings.builder(sandbox.baseUrl(), token).build(),
                new RateLimiterRegistry(), CHANNEL, ChannelApiMeters.of(meters, CHANNEL));
    }

    private double calls(String operation, String outcome) {
        var counter = meters.find(ChannelApiMeters.CALLS).tag("channel", CHANNEL).tag("operation", operation)
                .tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private double throttled() {
        return meters.get(ChannelApiMeters.THROTTLED_CALLS).tag("channel", CHANNEL).counter().count();
    }

    @Test
    void aFirstPushReadsThenSetsAndBothCallsCountAsSuccess() throws Exception {
        ShopifyInventoryClient client = client(sandbox.accessToken());
        assertThat(throttled()).as("registered at zero before any call").isZero();

        client.push(List.of(ShopifyInventoryProducerIT.listing(1, 4, null)));

        assertThat(calls("inventoryLevels", ChannelApiMeters.SUCCESS)).isEqualTo(1);
        assertThat(calls("inventorySetQuantities", ChannelApiMeters.SUCCESS)).isEqualTo(1);
        assertThat(throttled()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 429})
    void aThrottledCallCountsAsThrottledWhicheverWayShopifySaysIt(int statusCode) {
        sandbox.injectFaults(new SandboxFaults(1, null, null, statusCode, null));

        assertThatThrownBy(() -> client(sandbox.accessToken()).push(List.of(ShopifyInventoryProducerIT.listing(1, 1, 0))))
                .isInstanceOf(RetryableChannelException.class);

        assertThat(calls("inventorySetQuantities", ChannelApiMeters.THROTTLED)).isEqualTo(1);
        assertThat(throttled()).isEqualTo(1);
    }

    @Test
    void aServerErrorCountsAsTransientAndARefusedTokenAsRejected() throws Exception {
        sandbox.injectFaults(SandboxFaults.serverError(1));
        assertThatThrownBy(() -> client(sandbox.accessToken()).push(List.of(ShopifyInventoryProducerIT.listing(1, 1, 0))))
                .isInstanceOf(RetryableChannelException.class);
        assertThat(calls("inventorySetQuantities", ChannelApiMeters.TRANSIENT)).isEqualTo(1);

        List<PushOutcome> outcomes = client("not-the-token").push(List.of(ShopifyInventoryProducerIT.listing(2, 1, 0)));
        assertThat(outcomes).extracting(PushOutcome::code).containsExactly("UNAUTHORIZED");
        assertThat(calls("inventorySetQuantities", ChannelApiMeters.REJECTED)).isEqualTo(1);
        assertThat(throttled()).isZero();
    }
}
