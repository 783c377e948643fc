package io.inventorysync.connectors.shopify;

import io.inventorysync.channel.ChannelApiMeters;
import io.inventorysync.channel.ratelimit.CostRateLimiter;
import io.inventorysync.channel.ratelimit.RateLimiterRegistry;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Sets inventory quantities on one Shopify shop. Body in: a JSON array (String/bytes) or a List of
 * {@code ListingQuantity} (or maps of the same shape); body out: a List of {@code PushOutcome}, one per item, in order.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "shopify-inventory", title = "Shopify Inventory",
        syntax = "shopify-inventory:shopName", producerOnly = true, category = {Category.SAAS},
        headersClass = ShopifyInventoryConstants.class)
public class ShopifyInventoryEndpoint extends DefaultEndpoint {

    @UriPath(description = "The shop's handle (the <shop> of <shop>.myshopify.com). It names the shop's shared rate "
            + "limit and, when shopUrl is not set, the URL.")
    @Metadata(required = true)
    private final String shopName;

    @UriParam
    private final ShopifyInventoryConfiguration configuration;

    public ShopifyInventoryEndpoint(String uri, ShopifyInventoryComponent component, String shopName,
                                    ShopifyInventoryConfiguration configuration) {
        super(uri, component);
        this.shopName = shopName;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        ShopifyClientSettings settings = configuration.toClientSettings(shopName);
        CostRateLimiter limiter = getComponent().getRateLimiterRegistry().limiter(
                RateLimiterRegistry.shopifyGraphqlKey(shopName), configuration.getInitialBucketSize(),
                configuration.getInitialRestoreRate());
        // the dispatcher names the shop after its channel, so the meters' channel tag matches the dispatch meters'
        return new ShopifyInventoryProducer(this, new ShopifyInventoryClient(settings, limiter,
                ChannelApiMeters.of(getComponent().getMeterRegistry(), getCamelContext(), shopName)));
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("shopify-inventory only sends (producer)");
    }

    @Override
    public ShopifyInventoryComponent getComponent() {
        return (ShopifyInventoryComponent) super.getComponent();
    }

    public String getShopName() {
        return shopName;
    }

    public ShopifyInventoryConfiguration getConfiguration() {
        return configuration;
    }
}
