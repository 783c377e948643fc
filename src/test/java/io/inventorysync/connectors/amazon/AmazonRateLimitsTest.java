package io.inventorysync.connectors.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.TimeMeter;
import io.inventorysync.channel.ratelimit.CostRateLimiter;
import io.inventorysync.channel.ratelimit.RateLimiterRegistry;
import org.junit.jupiter.api.Test;

/** The client's pacing against Amazon's published limits, on a clock that only moves when the limiter waits. */
class AmazonRateLimitsTest {

    /** Time that passes only while a limiter waits: waiting is instant and exact. */
    static final class WaitingClock implements TimeMeter, BlockingStrategy {
        final AtomicLong nanos = new AtomicLong(1_000_000_000L);

        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        @Override
        public void park(long nanosToPark) {
            nanos.addAndGet(nanosToPark);
        }
    }

    final WaitingClock clock = new WaitingClock();
    final RateLimiterRegistry registry = new RateLimiterRegistry(clock, clock);

    @Test
    void greedyFeedSubmissionsNeverExceedFivePerFiveMinutesInAnyWindow() throws InterruptedException {
        CostRateLimiter feeds = AmazonRateLimits.amazonDefaults().feedSubmissionLimiter(registry, "A2SELLER");
        List<Long> submissions = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            feeds.acquire(1);
            submissions.add(clock.currentTimeNanos());
        }

        long window = Duration.ofMinutes(5).toNanos();
        for (int i = 5; i < submissions.size(); i++) {
            assertThat(submissions.get(i) - submissions.get(i - 5)).as("six submissions span more than 5 minutes")
                    .isGreaterThan(window);
        }
        long spacing = submissions.get(1) - submissions.get(0);
        assertThat(Duration.ofNanos(spacing)).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(64));
    }

    @Test
    void eachOperationKeepsToAmazonsRateAndBurst() throws InterruptedException {
        CostRateLimiter createFeed = AmazonRateLimits.amazonDefaults().limiter(registry, "A2SELLER", SpApiOperation.CREATE_FEED);
        long start = clock.currentTimeNanos();
        for (int i = 0; i < 14; i++) {
            createFeed.acquire(1);
        }
        assertThat(clock.currentTimeNanos()).as("the burst of 15, less one for a request delayed on its way, goes at once")
                .isEqualTo(start);

        createFeed.acquire(1);

        assertThat(Duration.ofNanos(clock.currentTimeNanos() - start)).as("then one per 1/0.0083 s, with headroom")
                .isGreaterThan(Duration.ofSeconds(120)).isLessThan(Duration.ofSeconds(130));
    }

    @Test
    void theScaleMultipliesEveryRateAndKeepsTheBurstsLessOne() {
        AmazonRateLimits fast = new AmazonRateLimits(100);

        assertThat(fast.restorePerSecond(SpApiOperation.GET_FEED_DOCUMENT)).isEqualTo(0.0222 * 100 * AmazonRateLimits.HEADROOM);
        assertThat(fast.capacity(SpApiOperation.GET_FEED_DOCUMENT)).isEqualTo(9);
        assertThat(fast.feedSubmissionRestorePerSecond()).isEqualTo(5.0 / 300 * 100 * AmazonRateLimits.HEADROOM);
    }

    @Test
    void limitersAreSharedPerSellerUnderDocumentedKeys() {
        AmazonRateLimits limits = AmazonRateLimits.amazonDefaults();

        assertThat(limits.feedSubmissionLimiter(registry, "A")).isSameAs(limits.feedSubmissionLimiter(registry, "A"))
                .isNotSameAs(limits.feedSubmissionLimiter(registry, "B"));
        assertThat(registry.find("amazon:A:JSON_LISTINGS_FEED")).isPresent();
        limits.limiter(registry, "A", SpApiOperation.GET_FEED);
        assertThat(registry.find("amazon:A:getFeed")).isPresent();
    }
}
