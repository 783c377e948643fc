package io.inventorysync.connectors.amazon;

import java.util.Map;

import io.inventorysync.channel.ratelimit.RateLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code amazon-listings:sellerId?marketplaceIds=...&lwaClientId=...}: sets MFN quantities of a selling partner's
 * Amazon listings with JSON_LISTINGS_FEEDs. The component holds one {@link RateLimiterRegistry} and one
 * {@link LwaTokenProviders}, so every endpoint for the same seller in a CamelContext spends one budget and shares its
 * access tokens.
 */
@Component("amazon-listings")
public class AmazonListingsComponent extends DefaultComponent {

    @Metadata(label = "advanced", description = "Defaults for every endpoint; endpoint URI options override them.")
    private AmazonListingsConfiguration configuration = new AmazonListingsConfiguration();

    @Metadata(label = "advanced", autowired = true, description = "Where the per-seller rate limiters live (keys "
            + "amazon:<sellerId>:<operationId> and amazon:<sellerId>:JSON_LISTINGS_FEED). Share one instance with any "
            + "other code calling SP-API for the same sellers, e.g. a dispatcher waiting for a feed submission slot.")
    private RateLimiterRegistry rateLimiterRegistry = new RateLimiterRegistry();

    @Metadata(label = "advanced", description = "Where API calls are counted (inventory.channel.api.calls, "
            + "inventory.channel.api.throttled). When not set, the CamelContext's only MeterRegistry if it has one.")
    private MeterRegistry meterRegistry;

    private final LwaTokenProviders tokenProviders = new LwaTokenProviders();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("amazon-listings needs a seller id: amazon-listings:<sellerId>");
        }
        AmazonListingsConfiguration endpointConfiguration = configuration.copy();
        setProperties(endpointConfiguration, parameters); // binds and removes the options it knows
        endpointConfiguration.toClientSettings(remaining); // fail at startup on a missing credential or a bad option value
        AmazonListingsEndpoint endpoint = new AmazonListingsEndpoint(uri, this, remaining, endpointConfiguration);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public AmazonListingsConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(AmazonListingsConfiguration configuration) {
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

    LwaTokenProviders tokenProviders() {
        return tokenProviders;
    }
}
