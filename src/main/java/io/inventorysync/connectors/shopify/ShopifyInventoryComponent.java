package io.inventorysync.connectors.shopify;

import java.util.Map;

import io.inventorysync.channel.ratelimit.RateLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code shopify-inventory:shopName?accessToken=...}: sets inventory quantities on a Shopify shop. The component
 * holds one {@link RateLimiterRegistry}, so every endpoint for the same shop in a CamelContext spends one budget.
 */
@Component("shopify-inventory")
public class ShopifyInventoryComponent extends DefaultComponent {

    @Metadata(label = "advanced", description = "Defaults for every endpoint; endpoint URI options override them.")
    private ShopifyInventoryConfiguration configuration = new ShopifyInventoryConfiguration();

    @Metadata(label = "advanced", autowired = true, description = "Where the per-shop rate limiters live. Share one "
            + "instance with any other code calling the same shops (key shopify:<shopName>:graphql).")
    private RateLimiterRegistry rateLimiterRegistry = new RateLimiterRegistry();

    @Metadata(label = "advanced", description = "Where API calls are counted (inventory.channel.api.calls, "
            + "inventory.channel.api.throttled). When not set, the CamelContext's only MeterRegistry if it has one.")
    private MeterRegistry meterRegistry;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("shopify-inventory needs a shop name: shopify-inventory:<shopName>");
        }
        ShopifyInventoryConfiguration endpointConfiguration = configuration.copy();
        setProperties(endpointConfiguration, parameters); // binds and removes the options it knows
        endpointConfiguration.toClientSettings(remaining); // fail at startup on a missing token or a bad option value
        ShopifyInventoryEndpoint endpoint = new ShopifyInventoryEndpoint(uri, this, remaining, endpointConfiguration);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public ShopifyInventoryConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ShopifyInventoryConfiguration configuration) {
        this.configuration = configuration;
    }

    public MeterRegistry getMeterRegistry() {
        return meterRegistry;
    }

    public void setMeterRegistry(MeterRegistry meterRegistry) {
        this.meterRegistry = meterRegistry;
    }

    public RateLimiterRegistry getRateLimiterRegistry() {
        return rateLimiterRegistry;
    }

    public void setRateLimiterRegistry(RateLimiterRegistry rateLimiterRegistry) {
        this.rateLimiterRegistry = rateLimiterRegistry;
    }
}
