package io.inventorysync.connectors.amazon;

import org.apache.camel.spi.Metadata;

/** Headers the {@code amazon-listings} producer sets on its answer, and the names of the seller's rate limiters. */
public final class AmazonListingsConstants {

    @Metadata(description = "How many items Amazon accepted (status PUSHED).", javaType = "int")
    public static final String PUSHED_COUNT = "CamelAmazonListingsPushedCount";

    @Metadata(description = "How many items are answered RETRY (a feed FATAL, CANCELLED or not done within maxFeedWait, "
            + "or calls still failing after maxRetries): send them again later.", javaType = "int")
    public static final String RETRY_COUNT = "CamelAmazonListingsRetryCount";

    @Metadata(description = "How many items Amazon rejected for good (status REJECTED with Amazon's issue code, e.g. "
            + "13013 or 90000900): dead letters.", javaType = "int")
    public static final String REJECTED_COUNT = "CamelAmazonListingsRejectedCount";

    @Metadata(description = "The feedIds of the JSON_LISTINGS_FEEDs submitted for this exchange, in order.",
            javaType = "java.util.List<String>")
    public static final String FEED_IDS = "CamelAmazonListingsFeedIds";

    /** Prefix of every limiter key of the connector: {@code amazon:<sellerId>:...}. */
    public static final String LIMITER_KEY_PREFIX = "amazon:";

    private AmazonListingsConstants() {
    }

    /**
     * The {@link io.inventorysync.channel.ratelimit.RateLimiterRegistry} key of a seller's JSON_LISTINGS_FEED
     * submission limit (5 per 5 minutes): {@code amazon:<sellerId>:JSON_LISTINGS_FEED}. A dispatcher waits on this
     * limiter ({@code awaitAvailable(1, maxWait)}) before it claims listings, so a feed carries the latest values when
     * a slot opens; the endpoint creates it in the registry when its producer starts.
     */
    public static String feedSubmissionLimiterKey(String sellerId) {
        return LIMITER_KEY_PREFIX + sellerId + ":JSON_LISTINGS_FEED";
    }

    /** The key of a seller's limiter for one operation: {@code amazon:<sellerId>:<operationId>}. */
    public static String operationLimiterKey(String sellerId, SpApiOperation operation) {
        return LIMITER_KEY_PREFIX + sellerId + ":" + operation.operationId();
    }
}
