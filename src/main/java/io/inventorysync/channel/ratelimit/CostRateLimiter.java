package io.inventorysync.channel.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;

/**
 * A local mirror of a platform's cost bucket (a leaky bucket of {@code capacity} points restored at
 * {@code restorePerSecond}), so that we wait here instead of being throttled there.
 *
 * <p>The platform is authoritative: {@link #syncAvailable} lowers the local balance to what the platform
 * reports (other clients of the same account spend the same points) and adopts its capacity and restore
 * rate; it never raises the balance, because calls of ours may be in flight that the platform has not
 * counted yet. {@link #penalize} honours an explicit "retry after" from the platform.
 *
 * <p>Thread-safe. Acquisition re-checks the bucket after every wait, so a sync that lowers the balance while
 * a thread waits makes that thread wait longer instead of overrunning the platform.
 */
public final class CostRateLimiter {

    private final Bucket bucket;
    private final TimeMeter clock;
    private final BlockingStrategy waiter;
    private final AtomicLong blockedUntilNanos;
    private volatile long capacity;
    private volatile double restorePerSecond;

    /** A limiter on the system clock that waits by parking the calling thread. */
    public static CostRateLimiter create(long capacity, double restorePerSecond) {
        return new CostRateLimiter(capacity, restorePerSecond, TimeMeter.SYSTEM_NANOTIME, BlockingStrategy.PARKING);
    }

    /**
     * @param clock  time source (tests pass a manual clock)
     * @param waiter how to wait a number of nanoseconds (tests pass one that advances the manual clock)
     */
    public CostRateLimiter(long capacity, double restorePerSecond, TimeMeter clock, BlockingStrategy waiter) {
        requireValid(capacity, restorePerSecond);
        this.clock = clock;
        this.waiter = waiter;
        this.capacity = capacity;
        this.restorePerSecond = restorePerSecond;
        this.blockedUntilNanos = new AtomicLong(clock.currentTimeNanos());
        this.bucket = Bucket.builder()
                .addLimit(bandwidth(capacity, restorePerSecond))
                .withCustomTimePrecision(clock)
                .build();
    }

    /**
     * Takes {@code cost} points, waiting until they are available.
     *
     * @throws IllegalArgumentException if the cost can never fit (more than the bucket's capacity)
     * @throws InterruptedException     if interrupted while waiting; nothing is taken then
     */
    public void acquire(long cost) throws InterruptedException {
        if (cost <= 0) {
            return;
        }
        if (cost > capacity) {
            throw new IllegalArgumentException("cost " + cost + " exceeds the bucket capacity " + capacity);
        }
        while (true) {
            long gate = blockedUntilNanos.get() - clock.currentTimeNanos();
            if (gate > 0) {
                waiter.park(gate);
                continue;
            }
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(cost);
            if (probe.isConsumed()) {
                return;
            }
            waiter.park(Math.max(1, probe.getNanosToWaitForRefill()));
        }
    }

    /**
     * Waits until {@code cost} points are available, without taking them: a dispatcher waits here for a
     * submission slot before it claims work, so the call that follows carries the latest values.
     *
     * @return true when the points are available, false when {@code maxWait} passed first
     */
    public boolean awaitAvailable(long cost, Duration maxWait) throws InterruptedException {
        long deadline = clock.currentTimeNanos() + maxWait.toNanos();
        while (true) {
            long now = clock.currentTimeNanos();
            long gate = blockedUntilNanos.get() - now;
            long wait = gate > 0 ? gate : bucket.estimateAbilityToConsume(Math.min(cost, capacity)).getNanosToWaitForRefill();
            if (wait <= 0) {
                return true;
            }
            if (now + wait > deadline) {
                return false;
            }
            waiter.park(Math.max(1, wait));
        }
    }

    /** Takes {@code cost} points if available right now. */
    public boolean tryAcquire(long cost) {
        if (cost <= 0) {
            return true;
        }
        return blockedUntilNanos.get() <= clock.currentTimeNanos() && bucket.tryConsume(cost);
    }

    /**
     * Re-aligns to the platform's report ({@code throttleStatus} in Shopify's {@code extensions.cost}): adopts
     * its capacity and restore rate, and consumes the difference when it says fewer points remain than we think.
     */
    public synchronized void syncAvailable(long currentlyAvailable, long maximum, double restorePerSecond) {
        if (maximum > 0 && restorePerSecond > 0
                && (maximum != this.capacity || Double.compare(restorePerSecond, this.restorePerSecond) != 0)) {
            bucket.replaceConfiguration(new BucketConfiguration(java.util.List.of(bandwidth(maximum, restorePerSecond))),
                    TokensInheritanceStrategy.AS_IS);
            this.capacity = maximum;
            this.restorePerSecond = restorePerSecond;
        }
        long local = bucket.getAvailableTokens();
        long platform = Math.max(0, currentlyAvailable);
        if (local > platform) {
            bucket.consumeIgnoringRateLimits(local - platform);
        }
    }

    /**
     * The platform said to come back after {@code wait} (e.g. a Retry-After header): nothing is acquired before
     * then, and the bucket restarts from empty, so it only holds what it restores during the wait.
     */
    public synchronized void penalize(Duration wait) {
        long until = clock.currentTimeNanos() + Math.max(0, wait.toNanos());
        blockedUntilNanos.accumulateAndGet(until, Math::max);
        long local = bucket.getAvailableTokens();
        if (local > 0) {
            bucket.consumeIgnoringRateLimits(local);
        }
    }

    /** Points available right now (negative while a penalty is being paid off). */
    public long availableTokens() {
        return bucket.getAvailableTokens();
    }

    public long capacity() {
        return capacity;
    }

    public double restorePerSecond() {
        return restorePerSecond;
    }

    private static Bandwidth bandwidth(long capacity, double restorePerSecond) {
        requireValid(capacity, restorePerSecond);
        // "capacity points per (capacity / rate) seconds", rounded up so the local rate never exceeds the real one.
        long periodNanos = (long) Math.ceil(capacity * 1_000_000_000d / restorePerSecond);
        return Bandwidth.builder()
                .capacity(capacity)
                .refillGreedy(capacity, Duration.ofNanos(Math.max(1, periodNanos)))
                .initialTokens(capacity)
                .build();
    }

    private static void requireValid(long capacity, double restorePerSecond) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        if (!(restorePerSecond > 0) || Double.isInfinite(restorePerSecond)) {
            throw new IllegalArgumentException("restorePerSecond must be positive and finite: " + restorePerSecond);
        }
    }
}
