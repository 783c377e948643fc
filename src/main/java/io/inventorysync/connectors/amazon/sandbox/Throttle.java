package io.inventorysync.connectors.amazon.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The sandbox's gateway throttling: one bucket per operation and the JSON_LISTINGS_FEED submission window. Every
 * refusal is a violation, counted per limit: a well-behaved client never causes one.
 */
final class Throttle {

    private final LongSupplier nanoClock;
    private volatile SandboxRateLimits limits;
    private volatile Map<String, OperationBucket> buckets;
    private volatile SubmissionWindow feedWindow;
    private final ConcurrentMap<String, AtomicLong> violations = new ConcurrentHashMap<>();

    Throttle(SandboxRateLimits limits, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        configure(limits);
    }

    /** New limits, all buckets full again. */
    synchronized void configure(SandboxRateLimits newLimits) {
        Map<String, OperationBucket> fresh = new ConcurrentHashMap<>();
        newLimits.operations().forEach((operation, quota) -> fresh.put(operation, new OperationBucket(quota, nanoClock)));
        this.limits = newLimits;
        this.buckets = fresh;
        this.feedWindow = new SubmissionWindow(newLimits.feedSubmissions(), newLimits.feedSubmissionWindow(), nanoClock);
    }

    SandboxRateLimits limits() {
        return limits;
    }

    boolean tryCall(String operationId) {
        OperationBucket bucket = buckets.get(operationId);
        if (bucket == null) {
            throw new IllegalStateException("no usage plan for " + operationId);
        }
        if (bucket.tryTake()) {
            return true;
        }
        violation(operationId);
        return false;
    }

    /** A JSON_LISTINGS_FEED submission on top of the createFeed call already admitted. */
    boolean tryFeedSubmission() {
        if (feedWindow.tryRecord()) {
            return true;
        }
        violation(SandboxRateLimits.JSON_LISTINGS_FEED_SUBMISSIONS);
        return false;
    }

    /** The rate Amazon reports in {@code x-amzn-RateLimit-Limit}. */
    double rate(String operationId) {
        return limits.quota(operationId).ratePerSecond();
    }

    Map<String, Long> violations() {
        Map<String, Long> copy = new TreeMap<>();
        violations.forEach((limit, count) -> copy.put(limit, count.get()));
        return copy;
    }

    void resetViolations() {
        violations.clear();
    }

    private void violation(String limit) {
        violations.computeIfAbsent(limit, k -> new AtomicLong()).incrementAndGet();
    }
}
