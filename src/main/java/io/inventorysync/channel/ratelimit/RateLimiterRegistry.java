package io.inventorysync.channel.ratelimit;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.TimeMeter;

/**
 * One {@link CostRateLimiter} per platform budget, keyed by a name that says whose budget it is, e.g.
 * {@code shopify:my-shop:graphql}. Everything pushing to the same account must share one registry instance
 * (a Camel component holds one per CamelContext), or the budget is spent twice.
 */
public final class RateLimiterRegistry {

    private final ConcurrentMap<String, CostRateLimiter> limiters = new ConcurrentHashMap<>();
    private final TimeMeter clock;
    private final BlockingStrategy waiter;

    public RateLimiterRegistry() {
        this(TimeMeter.SYSTEM_NANOTIME, BlockingStrategy.PARKING);
    }

    public RateLimiterRegistry(TimeMeter clock, BlockingStrategy waiter) {
        this.clock = clock;
        this.waiter = waiter;
    }

    /**
     * The limiter for {@code key}, created with the given initial assumptions if it does not exist yet. An existing
     * limiter keeps its own (possibly platform-synced) settings: the initial values only seed a new one.
     */
    public CostRateLimiter limiter(String key, long initialCapacity, double initialRestorePerSecond) {
        return limiters.computeIfAbsent(key,
                k -> new CostRateLimiter(initialCapacity, initialRestorePerSecond, clock, waiter));
    }

    public Optional<CostRateLimiter> find(String key) {
        return Optional.ofNullable(limiters.get(key));
    }

    /** The conventional key of a Shopify shop's GraphQL Admin API budget. */
    public static String shopifyGraphqlKey(String shop) {
        return "shopify:" + shop + ":graphql";
    }
}
