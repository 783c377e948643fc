package io.inventorysync.connectors.amazon;

import io.inventorysync.channel.ratelimit.CostRateLimiter;
import io.inventorysync.channel.ratelimit.RateLimiterRegistry;

/**
 * How fast the connector lets itself call SP-API, per selling partner: one {@link CostRateLimiter} per operation with
 * Amazon's usage plan ({@link SpApiOperation}), and one for JSON_LISTINGS_FEED submissions (5 per 5 minutes).
 *
 * <p>The feed-submission limit is kept as a bucket of one submission restored every 60 s: that satisfies "5 per 5
 * minutes" whether Amazon counts it as a token bucket or as a sliding window (a bucket of 5 would allow a sixth
 * submission one minute after a burst of five, which a window refuses). Every restore rate is run at
 * {@value #HEADROOM} of Amazon's and every burst one short of Amazon's, so requests that the network delays and then
 * delivers close together still fit.
 *
 * @param scale multiplies every rate: 1 = Amazon's default plans; below 1 leaves room for other applications of the
 *              same seller; above 1 only for a sandbox whose time runs faster, or an account granted higher plans
 */
public record AmazonRateLimits(double scale) {

    /** Fraction of Amazon's restore rates the limiters use. */
    public static final double HEADROOM = 0.95;
    /** JSON_LISTINGS_FEED submissions Amazon allows per window. */
    public static final int FEED_SUBMISSIONS = 5;
    /** The window of {@link #FEED_SUBMISSIONS}, in seconds. */
    public static final int FEED_SUBMISSION_WINDOW_SECONDS = 300;

    public AmazonRateLimits {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("rate limit scale must be positive: " + scale);
        }
    }

    public static AmazonRateLimits amazonDefaults() {
        return new AmazonRateLimits(1.0);
    }

    /**
     * One less than Amazon's burst. The limiter counts a request when it lets it go; Amazon counts it when it
     * arrives. A request held up on its way (a new connection, a slow network) lets the limiter refill behind it, and
     * the next ones then reach Amazon right after it: with a full burst that is one request over. One in flight per
     * operation and seller is what the connector sends, so one token of margin is enough.
     */
    public long capacity(SpApiOperation operation) {
        return Math.max(1, operation.burst() - 1);
    }

    public double restorePerSecond(SpApiOperation operation) {
        return operation.ratePerSecond() * scale * HEADROOM;
    }

    /** One submission at a time. */
    public long feedSubmissionCapacity() {
        return 1;
    }

    /** Submissions restored per second: 5 per 300 s, scaled, with headroom. */
    public double feedSubmissionRestorePerSecond() {
        return (double) FEED_SUBMISSIONS / FEED_SUBMISSION_WINDOW_SECONDS * scale * HEADROOM;
    }

    /** The seller's shared limiter for {@code operation} in {@code registry}, created with these plans if new. */
    public CostRateLimiter limiter(RateLimiterRegistry registry, String sellerId, SpApiOperation operation) {
        return registry.limiter(AmazonListingsConstants.operationLimiterKey(sellerId, operation),
                capacity(operation), restorePerSecond(operation));
    }

    /**
     * The seller's shared JSON_LISTINGS_FEED submission limiter (key
     * {@link AmazonListingsConstants#feedSubmissionLimiterKey}). A dispatcher waits on it with
     * {@code awaitAvailable(1, maxWait)} before claiming listings; the client takes the slot right before createFeed.
     */
    public CostRateLimiter feedSubmissionLimiter(RateLimiterRegistry registry, String sellerId) {
        return registry.limiter(AmazonListingsConstants.feedSubmissionLimiterKey(sellerId), feedSubmissionCapacity(),
                feedSubmissionRestorePerSecond());
    }
}
