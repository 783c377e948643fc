package io.inventorysync.connectors.amazon;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything an {@link AmazonListingsClient} needs to know about one selling partner. Build with
 * {@link #builder(String, List, LwaCredentials)}; every other value has a default.
 *
 * @param sellerId         the selling partner id (merchant token), used in feed headers and limiter keys
 * @param endpointUrl      the SP-API regional endpoint ({@code https://sellingpartnerapi-na.amazon.com}) or a sandbox's
 * @param marketplaceIds   marketplaces the feeds apply to (1..25)
 * @param lwa              LWA credentials
 * @param batchSize        messages per feed, 1..25,000 (Amazon's JSON_LISTINGS_FEED cap)
 * @param feedPollInterval wait between getFeed calls while a feed is processed
 * @param maxFeedWait      how long to wait for a feed to end before answering its items RETRY
 * @param issueLocale      locale of the messages in processing reports
 * @param productType      the productType of every PATCH message (Amazon takes {@code PRODUCT} for offer-only patches)
 * @param connectTimeout   HTTP connect timeout
 * @param requestTimeout   HTTP timeout per call
 * @param rateLimits       how fast to call (Amazon's plans by default)
 */
public record AmazonClientSettings(String sellerId, URI endpointUrl, List<String> marketplaceIds, LwaCredentials lwa,
                                   int batchSize, Duration feedPollInterval, Duration maxFeedWait, String issueLocale,
                                   String productType, Duration connectTimeout, Duration requestTimeout,
                                   AmazonRateLimits rateLimits) {

    public static final int MAX_BATCH_SIZE = 25_000;
    public static final String DEFAULT_ENDPOINT = "https://sellingpartnerapi-na.amazon.com";
    /** The content type of the feed documents; the upload must use the same. */
    public static final String FEED_CONTENT_TYPE = "application/json; charset=UTF-8";

    public AmazonClientSettings {
        if (sellerId == null || sellerId.isBlank()) {
            throw new IllegalArgumentException("sellerId is required");
        }
        Objects.requireNonNull(endpointUrl, "endpointUrl");
        Objects.requireNonNull(lwa, "lwa credentials");
        Objects.requireNonNull(rateLimits, "rateLimits");
        marketplaceIds = marketplaceIds == null ? List.of() : marketplaceIds.stream().map(String::trim)
                .filter(id -> !id.isEmpty()).toList();
        if (marketplaceIds.isEmpty() || marketplaceIds.size() > 25) {
            throw new IllegalArgumentException("marketplaceIds must name 1 to 25 marketplaces: " + marketplaceIds);
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("batchSize must be 1.." + MAX_BATCH_SIZE + ": " + batchSize);
        }
        if (feedPollInterval.isNegative() || feedPollInterval.isZero()) {
            throw new IllegalArgumentException("feedPollInterval must be positive: " + feedPollInterval);
        }
        if (maxFeedWait.compareTo(feedPollInterval) < 0) {
            throw new IllegalArgumentException("maxFeedWait must be at least feedPollInterval: " + maxFeedWait);
        }
        if (productType == null || productType.isBlank() || issueLocale == null || issueLocale.isBlank()) {
            throw new IllegalArgumentException("productType and issueLocale are required");
        }
    }

    public static Builder builder(String sellerId, List<String> marketplaceIds, LwaCredentials lwa) {
        return new Builder(sellerId, marketplaceIds, lwa);
    }

    /** {@code <endpointUrl><path>}. */
    URI resolve(String pathAndQuery) {
        return URI.create(endpointUrl.toString().replaceAll("/+$", "") + pathAndQuery);
    }

    public static final class Builder {
        private final String sellerId;
        private final List<String> marketplaceIds;
        private final LwaCredentials lwa;
        private String endpointUrl = DEFAULT_ENDPOINT;
        private int batchSize = MAX_BATCH_SIZE;
        private Duration feedPollInterval = Duration.ofSeconds(30);
        private Duration maxFeedWait = Duration.ofMinutes(15);
        private String issueLocale = "en_US";
        private String productType = "PRODUCT";
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private AmazonRateLimits rateLimits = AmazonRateLimits.amazonDefaults();

        private Builder(String sellerId, List<String> marketplaceIds, LwaCredentials lwa) {
            this.sellerId = sellerId;
            this.marketplaceIds = marketplaceIds;
            this.lwa = lwa;
        }

        public Builder endpointUrl(String value) { this.endpointUrl = value; return this; }
        public Builder batchSize(int value) { this.batchSize = value; return this; }
        public Builder feedPollInterval(Duration value) { this.feedPollInterval = value; return this; }
        public Builder maxFeedWait(Duration value) { this.maxFeedWait = value; return this; }
        public Builder issueLocale(String value) { this.issueLocale = value; return this; }
        public Builder productType(String value) { this.productType = value; return this; }
        public Builder connectTimeout(Duration value) { this.connectTimeout = value; return this; }
        public Builder requestTimeout(Duration value) { this.requestTimeout = value; return this; }
        public Builder rateLimits(AmazonRateLimits value) { this.rateLimits = value; return this; }

        public AmazonClientSettings build() {
            Objects.requireNonNull(endpointUrl, "endpointUrl");
            String url = endpointUrl.contains("://") ? endpointUrl : "https://" + endpointUrl;
            return new AmazonClientSettings(sellerId, URI.create(url), marketplaceIds, lwa, batchSize, feedPollInterval,
                    maxFeedWait, issueLocale, productType, connectTimeout, requestTimeout, rateLimits);
        }
    }
}
