package io.inventorysync.oversell;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * This pack's model: every change is pushed, carrying the latest stock, and shows on the channel {@code delay}
 * later (the measured end-to-end latency, or the platform's processing time). With a {@code flushInterval}
 * (a channel whose submissions are rate limited, like Amazon's 5 feeds per 5 minutes) changes wait for the next
 * free submission, at most one per interval, and each submission carries every SKU that changed since the last.
 */
public final class PipelineSync implements SyncPolicy {

    private final long delayMillis;
    private final long flushIntervalMillis;
    private final Set<String> dirty = new LinkedHashSet<>();
    private long lastFlush = Long.MIN_VALUE;
    private boolean flushScheduled;

    public PipelineSync(Duration delay, Duration flushInterval) {
        this.delayMillis = delay.toMillis();
        this.flushIntervalMillis = flushInterval.toMillis();
    }

    @Override
    public void stockChanged(Simulation sim, String channel, String sku) {
        if (flushIntervalMillis <= 0) {
            int value = sim.stock(sku);
            sim.at(sim.nowMillis() + delayMillis, () -> sim.show(channel, sku, value));
            return;
        }
        dirty.add(sku);
        if (!flushScheduled) {
            flushScheduled = true;
            long next = lastFlush == Long.MIN_VALUE ? sim.nowMillis() : Math.max(sim.nowMillis(), lastFlush + flushIntervalMillis);
            sim.at(next, () -> flush(sim, channel));
        }
    }

    private void flush(Simulation sim, String channel) {
        flushScheduled = false;
        lastFlush = sim.nowMillis();
        for (String sku : dirty) {
            int value = sim.stock(sku);
            sim.at(sim.nowMillis() + delayMillis, () -> sim.show(channel, sku, value));
        }
        dirty.clear();
    }
}
