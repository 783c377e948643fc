package io.inventorysync.connectors.amazon.sandbox;

import java.util.function.LongSupplier;

/** One operation's token bucket, as SP-API's gateway keeps it per account-application pair. */
final class OperationBucket {

    private final LongSupplier nanoClock;
    private final SandboxQuota quota;
    private double tokens;
    private long lastNanos;

    OperationBucket(SandboxQuota quota, LongSupplier nanoClock) {
        this.quota = quota;
        this.nanoClock = nanoClock;
        this.tokens = quota.burst();
        this.lastNanos = nanoClock.getAsLong();
    }

    synchronized boolean tryTake() {
        restore();
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    /** Puts back a token taken by a call that was then refused for another limit. */
    synchronized void giveBack() {
        tokens = Math.min(quota.burst(), tokens + 1);
    }

    synchronized double available() {
        restore();
        return tokens;
    }

    SandboxQuota quota() {
        return quota;
    }

    private void restore() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(quota.burst(), tokens + (now - lastNanos) / 1e9 * quota.ratePerSecond());
        lastNanos = now;
    }
}
