package io.inventorysync.connectors.shopify.sandbox;

import java.util.function.LongSupplier;

/**
 * The shop's GraphQL cost budget as a leaky bucket. Deliberately independent of the client-side limiter in
 * {@code io.inventorysync.channel.ratelimit}, so tests of that limiter are checked against a separate implementation.
 */
final class CostBucket {

    private final LongSupplier nanoClock;
    private long maximumAvailable;
    private double restoreRate;
    private double available;
    private long lastNanos;

    CostBucket(long maximumAvailable, double restoreRate, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        reconfigure(maximumAvailable, restoreRate);
        this.available = maximumAvailable;
        this.lastNanos = nanoClock.getAsLong();
    }

    /** Spends {@code cost} if the bucket covers it entirely; Shopify checks the requested cost up front. */
    synchronized boolean tryConsume(long cost) {
        restore();
        if (available < cost) {
            return false;
        }
        available -= cost;
        return true;
    }

    /** Someone else (another app on the same shop, in the story a fault tells) spent everything. */
    synchronized void drain() {
        restore();
        available = 0;
    }

    synchronized void refill() {
        available = maximumAvailable;
        lastNanos = nanoClock.getAsLong();
    }

    synchronized void reconfigure(long maximum, double restorePerSecond) {
        if (maximum <= 0 || !(restorePerSecond > 0)) {
            throw new IllegalArgumentException("maximumAvailable and restoreRate must be positive");
        }
        if (lastNanos != 0) {
            restore();
        }
        this.maximumAvailable = maximum;
        this.restoreRate = restorePerSecond;
        this.available = Math.min(available, maximum);
    }

    synchronized ThrottleStatus status() {
        restore();
        return new ThrottleStatus(maximumAvailable, (long) Math.floor(available), restoreRate);
    }

    private void restore() {
        long now = nanoClock.getAsLong();
        available = Math.min(maximumAvailable, available + (now - lastNanos) / 1e9 * restoreRate);
        lastNanos = now;
    }

    /** What Shopify reports as {@code extensions.cost.throttleStatus}. */
    record ThrottleStatus(long maximumAvailable, long currentlyAvailable, double restoreRate) {
    }
}
