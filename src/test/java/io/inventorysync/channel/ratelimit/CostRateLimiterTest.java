package io.inventorysync.channel.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CostRateLimiterTest {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42, 2024, 99_991})
    void acquisitionsNeverExceedCapacityPlusRestoredPoints(long seed) throws InterruptedException {
        ManualClock clock = new ManualClock();
        Random random = new Random(seed);
        long capacity = 1000;
        double rate = 50;
        CostRateLimiter limiter = new CostRateLimiter(capacity, rate, clock, clock);
        long start = clock.currentTimeNanos();
        long spent = 0;
        for (int i = 0; i < 2_000; i++) {
            long cost = 1 + random.nextInt(600);
            long parkedBefore = clock.parkedNanos();
            limiter.acquire(cost);
            spent += cost;
            double elapsedSeconds = (clock.currentTimeNanos() - start) / NANOS_PER_SECOND;
            assertThat((double) spent).as("after %d acquisitions", i + 1).isLessThanOrEqualTo(capacity + rate * elapsedSeconds + 1e-6);
            if (clock.parkedNanos() > parkedBefore) {
                // it waited only as long as needed: the bucket is spent to (within a point of) empty
                assertThat((double) spent).isGreaterThan(capacity + rate * elapsedSeconds - 1);
            }
        }
    }

    @Test
    void fractionalRestoreRateIsNotExceeded() throws InterruptedException {
        ManualClock clock = new ManualClock();
        CostRateLimiter limiter = new CostRateLimiter(10, 2.5, clock, clock);
        long start = clock.currentTimeNanos();
        for (int i = 0; i < 100; i++) {
            limiter.acquire(3);
        }
        double elapsed = (clock.currentTimeNanos() - start) / NANOS_PER_SECOND;
        assertThat(300d).isLessThanOrEqualTo(10 + 2.5 * elapsed + 1e-6);
        assertThat(elapsed).isCloseTo((300 - 10) / 2.5, org.assertj.core.data.Offset.offset(1.5));
    }

    @Test
    void fullBucketIsSpentWithoutWaiting() throws InterruptedException {
        ManualClock clock = new ManualClock();
        CostRateLimiter limiter = new CostRateLimiter(1000, 50, clock, clock);
        for (int i = 0; i < 100; i++) {
            limiter.acquire(10);
        }
        assertThat(clock.parkedNanos()).isZero();
        assertThat(limiter.tryAcquire(10)).isFalse();
    }

    @Test
    void syncConsumesTheDifferenceWhenThePlatformReportsFewerPoints() throws InterruptedException {
        ManualClock clock = new ManualClock();
        CostRateLimiter limiter = new CostRateLimiter(1000, 50, clock, clock);
        limiter.syncAvailable(100, 1000, 50);
        assertThat(limiter.availableTokens()).isEqualTo(100);

        limiter.acquire(300); // lacks 200 points = 4 s at 50/s
        assertThat(clock.parkedNanos()).isEqualTo(Duration.ofSeconds(4).toNanos());
    }

    @Test
    void syncNeverRaisesTheLocalBalance() {
        ManualClock clock = new ManualClock();
        CostRateLimiter limiter = new CostRateLimiter(1000, 50, clock, clock);
        limiter.tryAcquire(900);
        limiter.syncAvailable(1000, 1000, 50);
        assertThat(limiter.availableTokens()).isEqualTo(100);
    }

    @Test
    void syncAdoptsThePlatformsCapacityAndRestoreRate() throws InterruptedException {
        ManualClock clock = new ManualClock();
        CostRateLimiter limiter = new CostRateLimiter(1000, 50, clock, clock);
        limiter.syncAvailable(0, 2000, 100);
        assertThat(limiter.capacity()).isEqualTo(2000);
        assertThat(limiter.restorePerSecond()).isEqualTo(100);

        limiter.acquire(1500); // allowed now (was above the old capacity), 15 s at the new rate
        assertThat(clock.parkedNanos()).isEqualTo(Duration.ofSeconds(15).toNanos());
    }

    @Test
    void penaltyBlocksForItsDurationThenTheBucketRestartsFromEmpty() throws InterruptedException {
        ManualClock clock = new ManualClock();
        CostRateLimiter limiter = new CostRateLimiter(1000, 50, clock, clock);
        limiter.penalize(Duration.ofSeconds(2));
        assertThat(limiter.tryAcquire(1)).isFalse();

        limiter.acquire(100); // 2 s penalty restores exactly 100 points
        assertThat(clock.parkedNanos()).isEqualTo(Duration.ofSeconds(2).toNanos());
        assertThat(limiter.availableTokens()).isZero();
    }

    @Test
    void costAboveCapacityIsRefusedInsteadOfWaitingForever() {
        CostRateLimiter limiter = CostRateLimiter.create(1000, 50);
        assertThatThrownBy(() -> limiter.acquire(1001)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void waitingIsInterruptibleAndTakesNothing() throws InterruptedException {
        CostRateLimiter limiter = new CostRateLimiter(10, 0.001, TimeMeter.SYSTEM_NANOTIME, BlockingStrategy.PARKING);
        limiter.tryAcquire(10);
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        Thread waiter = new Thread(() -> {
            started.countDown();
            try {
                limiter.acquire(5);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        waiter.start();
        started.await();
        waiter.interrupt();
        waiter.join(TimeUnit.SECONDS.toMillis(5));
        assertThat(interrupted).isTrue();
        assertThat(limiter.availableTokens()).isZero();
    }

    @Test
    void realClockWaitMatchesTheRestoreRate() throws InterruptedException {
        CostRateLimiter limiter = CostRateLimiter.create(20, 100);
        long start = System.nanoTime();
        limiter.acquire(20);
        limiter.acquire(20); // 0.2 s at 100/s
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(elapsedMs).isBetween(190L, 2_000L);
    }

    @Test
    void capacityAndRateMustBePositive() {
        assertThatThrownBy(() -> CostRateLimiter.create(0, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CostRateLimiter.create(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
