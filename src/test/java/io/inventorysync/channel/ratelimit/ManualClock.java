package io.inventorysync.channel.ratelimit;

import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.TimeMeter;

/** A clock that only moves when a limiter waits on it, so waiting is instant and exactly measurable. */
final class ManualClock implements TimeMeter, BlockingStrategy {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicLong parkedNanos = new AtomicLong();

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
        parkedNanos.addAndGet(nanosToPark);
        nanos.addAndGet(nanosToPark);
    }

    void advance(java.time.Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    long parkedNanos() {
        return parkedNanos.get();
    }
}
