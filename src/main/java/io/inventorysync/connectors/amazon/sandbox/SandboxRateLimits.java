package io.inventorysync.connectors.amazon.sandbox;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The usage plans the sandbox enforces: a token bucket per operation, plus the {@code JSON_LISTINGS_FEED} limit on
 * feed submissions, enforced as a sliding window (no more than {@code feedSubmissions} createFeed calls of that feed
 * type in any {@code feedSubmissionWindow}), the strictest reading of "5 per 5 minutes".
 *
 * <p>Defaults are Amazon's (the usage-plan tables of feeds_2021-06-30 and listingsItems_2021-08-01, and the
 * May 2025 JSON_LISTINGS_FEED change). Deliberately kept apart from the client's own table
 * ({@code connectors.amazon.AmazonRateLimits}), so the client is checked against an independent statement of the
 * limits. {@link #scaled(double)} makes time run faster for tests and demos: every rate times the factor, the
 * window divided by it.
 *
 * @param operations           quota per operationId (createFeedDocument, createFeed, getFeed, ...)
 * @param feedSubmissions      JSON_LISTINGS_FEED submissions allowed per window
 * @param feedSubmissionWindow the window
 */
public record SandboxRateLimits(Map<String, SandboxQuota> operations, int feedSubmissions, Duration feedSubmissionWindow) {

    public static final String CREATE_FEED_DOCUMENT = "createFeedDocument";
    public static final String GET_FEED_DOCUMENT = "getFeedDocument";
    public static final String CREATE_FEED = "createFeed";
    public static final String GET_FEED = "getFeed";
    public static final String GET_FEEDS = "getFeeds";
    public static final String CANCEL_FEED = "cancelFeed";
    public static final String GET_LISTINGS_ITEM = "getListingsItem";
    /** Key of the feed-type limit in violation statistics. */
    public static final String JSON_LISTINGS_FEED_SUBMISSIONS = "createFeed:JSON_LISTINGS_FEED";

    public SandboxRateLimits {
        operations = Map.copyOf(operations);
        if (feedSubmissions < 1 || feedSubmissionWindow.isNegative() || feedSubmissionWindow.isZero()) {
            throw new IllegalArgumentException("feed submissions need a positive count and window");
        }
    }

    public static SandboxRateLimits amazonDefaults() {
        Map<String, SandboxQuota> plans = new LinkedHashMap<>();
        plans.put(CREATE_FEED_DOCUMENT, new SandboxQuota(0.5, 15));
        plans.put(CREATE_FEED, new SandboxQuota(0.0083, 15));
        plans.put(GET_FEED, new SandboxQuota(2, 15));
        plans.put(CANCEL_FEED, new SandboxQuota(2, 15));
        plans.put(GET_FEEDS, new SandboxQuota(0.0222, 10));
        plans.put(GET_FEED_DOCUMENT, new SandboxQuota(0.0222, 10));
        plans.put(GET_LISTINGS_ITEM, new SandboxQuota(5, 10));
        return new SandboxRateLimits(plans, 5, Duration.ofMinutes(5));
    }

    /** Time {@code factor} times faster: rates multiplied, the feed window divided. Bursts stay. */
    public SandboxRateLimits scaled(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("time scale must be positive: " + factor);
        }
        Map<String, SandboxQuota> plans = new LinkedHashMap<>();
        operations.forEach((operation, quota) -> plans.put(operation, quota.scaled(factor)));
        return new SandboxRateLimits(plans, feedSubmissions,
                Duration.ofNanos(Math.max(1, (long) (feedSubmissionWindow.toNanos() / factor))));
    }

    public SandboxRateLimits withOperation(String operationId, double ratePerSecond, int burst) {
        Map<String, SandboxQuota> plans = new LinkedHashMap<>(operations);
        plans.put(operationId, new SandboxQuota(ratePerSecond, burst));
        return new SandboxRateLimits(plans, feedSubmissions, feedSubmissionWindow);
    }

    public SandboxRateLimits withFeedSubmissions(int count, Duration window) {
        return new SandboxRateLimits(operations, count, window);
    }

    SandboxQuota quota(String operationId) {
        SandboxQuota quota = operations.get(operationId);
        if (quota == null) {
            throw new IllegalStateException("no usage plan for " + operationId);
        }
        return quota;
    }
}
