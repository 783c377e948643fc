package io.inventorysync.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;

import io.inventorysync.connectors.shopify.sandbox.ShopifySandbox;

/**
 * What a Shopify sandbox shows for a SKU of the {@link TestConnectors} channel: the available quantity of the SKU's
 * inventory item at the channel's location, as a merchant would read it back.
 */
public final class ShownOnShop {

    /** Long enough for a push that waits out a throttle or a retry back-off on a busy machine. */
    private static final Duration PUSH_WAIT = Duration.ofSeconds(60);

    private ShownOnShop() {
    }

    public static Optional<Integer> shown(ShopifySandbox shop, String sku) {
        return shop.available(TestConnectors.itemGid(sku), TestConnectors.LOCATION_GID);
    }

    public static void awaitShown(ShopifySandbox shop, String sku, int quantity) {
        await().atMost(PUSH_WAIT).untilAsserted(() -> assertThat(shown(shop, sku)).as(sku).contains(quantity));
    }
}
