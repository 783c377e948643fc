package io.inventorysync.connectors.amazon;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** The options of an {@code amazon-listings} endpoint. Each is documented where it is declared. */
@UriParams
public class AmazonListingsConfiguration implements Cloneable {

    @UriParam(label = "common", defaultValue = AmazonClientSettings.DEFAULT_ENDPOINT, description = "The SP-API regional "
            + "endpoint: https://sellingpartnerapi-na.amazon.com (North America), -eu (Europe), -fe (Far East), or a "
            + "sandbox's URL.")
    private String endpointUrl = AmazonClientSettings.DEFAULT_ENDPOINT;

    @UriParam(label = "common", description = "Comma-separated marketplace ids the feeds apply to (1 to 25), e.g. "
            + "ATVPDKIKX0DER for amazon.com.")
    @Metadata(required = true)
    private String marketplaceIds;

    @UriParam(label = "security", defaultValue = LwaCredentials.DEFAULT_TOKEN_URL, description = "Login with Amazon's "
            + "token endpoint, where the refresh token is exchanged for access tokens.")
    private String lwaTokenUrl = LwaCredentials.DEFAULT_TOKEN_URL;

    @UriParam(label = "security", description = "The LWA client id of the SP-API application.")
    @Metadata(required = true)
    private String lwaClientId;

    @UriParam(label = "security", secret = true, description = "The LWA client secret of the SP-API application.")
    @Metadata(required = true)
    private String lwaClientSecret;

    @UriParam(label = "security", secret = true, description = "The LWA refresh token the selling partner's "
            + "authorisation of the application produced.")
    @Metadata(required = true)
    private String lwaRefreshToken;

    @UriParam(label = "producer", defaultValue = "25000", description = "Messages per JSON_LISTINGS_FEED, 1 to 25000 "
            + "(Amazon's cap). The body is split into feeds of this size.")
    private int batchSize = AmazonClientSettings.MAX_BATCH_SIZE;

    @UriParam(label = "producer", defaultValue = "30000", description = "Milliseconds between getFeed calls while a feed "
            + "is processed; the first call of a feed waits for the quickest of the seller's last 20 feeds instead, when that is longer.")
    private long feedPollInterval = 30_000;

    @UriParam(label = "producer", defaultValue = "900000", description = "Milliseconds to wait for a feed to end (DONE, "
            + "FATAL, CANCELLED); after that its items are answered RETRY with code FEED_TIMEOUT. A push blocks this long "
            + "at most, plus rate-limit waits.")
    private long maxFeedWait = 900_000;

    @UriParam(label = "producer", defaultValue = "3", description = "In-process retries of a feed that could not be "
            + "submitted (429 QuotaExceeded, 5xx, timeouts) before its items are answered RETRY. A submitted feed that ends "
            + "FATAL or CANCELLED is not resubmitted here: its items are answered RETRY at once.")
    private int maxRetries = 3;

    @UriParam(label = "producer", defaultValue = "1000", description = "First retry wait in milliseconds; grows "
            + "exponentially (randomised) and never undercuts the wait a rate limit needs.")
    private long initialBackoff = 1000;

    @UriParam(label = "producer,advanced", defaultValue = "2.0", description = "Growth factor of the retry wait.")
    private double backoffMultiplier = 2.0;

    @UriParam(label = "producer", defaultValue = "60000", description = "Longest retry wait in milliseconds computed by "
            + "the backoff.")
    private long maxBackoff = 60_000;

    @UriParam(label = "producer,advanced", defaultValue = "1.0", description = "Multiplies Amazon's default usage plans "
            + "(and the 5 feeds per 5 minutes) the client paces itself to: below 1 leaves room for other applications of "
            + "the same seller; above 1 for an account granted higher plans, or a sandbox whose time runs faster. Only "
            + "seeds the seller's shared limiters.")
    private double rateLimitScale = 1.0;

    @UriParam(label = "producer,advanced", defaultValue = "en_US", description = "Locale of the messages in processing "
            + "reports (feed header issueLocale).")
    private String issueLocale = "en_US";

    @UriParam(label = "producer,advanced", defaultValue = "PRODUCT", description = "productType of every PATCH message; "
            + "Amazon takes PRODUCT for offer-only patches such as quantities.")
    private String productType = "PRODUCT";

    @UriParam(label = "producer,advanced", defaultValue = "10000", description = "HTTP connect timeout in milliseconds.")
    private long connectTimeout = 10_000;

    @UriParam(label = "producer,advanced", defaultValue = "30000", description = "HTTP timeout of one call in milliseconds.")
    private long requestTimeout = 30_000;

    @UriParam(label = "producer,advanced", description = "The sales channel this seller account is, as the channel tag "
            + "of the API call meters (inventory.channel.api.calls); the seller id when not set.")
    private String channelName;

    /** The client settings for {@code sellerId}; fails on a missing or invalid option. */
    public AmazonClientSettings toClientSettings(String sellerId) {
        if (lwaTokenUrl == null || lwaTokenUrl.isBlank()) {
            throw new IllegalArgumentException("lwaTokenUrl is required");
        }
        LwaCredentials lwa = new LwaCredentials(URI.create(lwaTokenUrl), lwaClientId, lwaClientSecret, lwaRefreshToken);
        return AmazonClientSettings.builder(sellerId, marketplaceIds == null ? null
                        : Arrays.asList(marketplaceIds.split(",")), lwa)
                .endpointUrl(endpointUrl)
                .batchSize(batchSize)
                .feedPollInterval(Duration.ofMillis(feedPollInterval))
                .maxFeedWait(Duration.ofMillis(maxFeedWait))
                .issueLocale(issueLocale)
                .productType(productType)
                .connectTimeout(Duration.ofMillis(connectTimeout))
                .requestTimeout(Duration.ofMillis(requestTimeout))
                .rateLimits(new AmazonRateLimits(rateLimitScale))
                .build();
    }

    public AmazonListingsConfiguration copy() {
        try {
            return (AmazonListingsConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getChannelName() { return channelName; }
    public void setChannelName(String channelName) { this.channelName = channelName; }
    public String getEndpointUrl() { return endpointUrl; }
    public void setEndpointUrl(String endpointUrl) { this.endpointUrl = endpointUrl; }
    public String getMarketplaceIds() { return marketplaceIds; }
    public void setMarketplaceIds(String marketplaceIds) { this.marketplaceIds = marketplaceIds; }
    public String getLwaTokenUrl() { return lwaTokenUrl; }
    public void setLwaTokenUrl(String lwaTokenUrl) { this.lwaTokenUrl = lwaTokenUrl; }
    public String getLwaClientId() { return lwaClientId; }
    public void setLwaClientId(String lwaClientId) { this.lwaClientId = lwaClientId; }
    public String getLwaClientSecret() { return lwaClientSecret; }
    public void setLwaClientSecret(String lwaClientSecret) { this.lwaClientSecret = lwaClientSecret; }
    public String getLwaRefreshToken() { return lwaRefreshToken; }
    public void setLwaRefreshToken(String lwaRefreshToken) { this.lwaRefreshToken = lwaRefreshToken; }
    public int getBatchSize() { return batchSize; }
    public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
    public long getFeedPollInterval() { return feedPollInterval; }
    public void setFeedPollInterval(long feedPollInterval) { this.feedPollInterval = feedPollInterval; }
    public long getMaxFeedWait() { return maxFeedWait; }
    public void setMaxFeedWait(long maxFeedWait) { this.maxFeedWait = maxFeedWait; }
    public int getMaxRetries() { return maxRetries; }
    public void setMaxRetries(int maxRetries) { this.maxRetries = maxRetries; }
    public long getInitialBackoff() { return initialBackoff; }
    public void setInitialBackoff(long initialBackoff) { this.initialBackoff = initialBackoff; }
    public double getBackoffMultiplier() { return backoffMultiplier; }
    public void setBackoffMultiplier(double backoffMultiplier) { this.backoffMultiplier = backoffMultiplier; }
    public long getMaxBackoff() { return maxBackoff; }
    public void setMaxBackoff(long maxBackoff) { this.maxBackoff = maxBackoff; }
    public double getRateLimitScale() { return rateLimitScale; }
    public void setRateLimitScale(double rateLimitScale) { this.rateLimitScale = rateLimitScale; }
    public String getIssueLocale() { return issueLocale; }
    public void setIssueLocale(String issueLocale) { this.issueLocale = issueLocale; }
    public String getProductType() { return productType; }
    public void setProductType(String productType) { this.productType = productType; }
    public long getConnectTimeout() { return connectTimeout; }
    public void setConnectTimeout(long connectTimeout) { this.connectTimeout = connectTimeout; }
    public long getRequestTimeout() { return requestTimeout; }
    public void setRequestTimeout(long requestTimeout) { this.requestTimeout = requestTimeout; }
}
