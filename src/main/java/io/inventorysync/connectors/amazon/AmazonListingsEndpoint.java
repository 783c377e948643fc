package io.inventorysync.connectors.amazon;

import java.net.http.HttpClient;

import io.inventorysync.channel.ChannelApiMeters;
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
 * Sets MFN quantities of one selling partner's Amazon listings. Body in: a JSON array (String/bytes) or a List of
 * {@code ListingQuantity} (or maps of the same shape) whose {@code listing} holds the {@code sellerSku}; body out: a
 * List of {@code PushOutcome}, one per item, in order.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "amazon-listings", title = "Amazon Listings",
        syntax = "amazon-listings:sellerId", producerOnly = true, category = {Category.SAAS},
        headersClass = AmazonListingsConstants.class)
public class AmazonListingsEndpoint extends DefaultEndpoint {

    @UriPath(description = "The selling partner id (merchant token, e.g. A2EXAMPLE0SELLER). It goes into every feed "
            + "header and names the seller's shared rate limiters.")
    @Metadata(required = true)
    private final String sellerId;

    @UriParam
    private final AmazonListingsConfiguration configuration;

    public AmazonListingsEndpoint(String uri, AmazonListingsComponent component, String sellerId,
                                  AmazonListingsConfiguration configuration) {
        super(uri, component);
        this.sellerId = sellerId;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return new AmazonListingsProducer(this, createClient());
    }

    /** A client on the component's shared limiters and LWA tokens; creating it registers the seller's limiters. */
    public AmazonListingsClient createClient() {
        AmazonClientSettings settings = configuration.toClientSettings(sellerId);
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
        LwaTokenProvider lwa = getComponent().tokenProviders().provider(settings.lwa(), http, settings.requestTimeout());
        String channel = configuration.getChannelName() == null || configuration.getChannelName().isBlank()
                ? sellerId : configuration.getChannelName();
        return new AmazonListingsClient(settings, getComponent().getRateLimiterRegistry(), lwa, http,
                ChannelApiMeters.of(getComponent().getMeterRegistry(), getCamelContext(), channel));
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("amazon-listings only sends (producer)");
    }

    @Override
    public AmazonListingsComponent getComponent() {
        return (AmazonListingsComponent) super.getComponent();
    }

    public String getSellerId() {
        return sellerId;
    }

    public AmazonListingsConfiguration getConfiguration() {
        return configuration;
    }
}
