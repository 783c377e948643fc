package io.inventorysync.oversell;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scheduled sync of the seed's "monitored inventory sync job": every {@code interval} a run reads the source's
 * stock levels once, then walks the SKUs one by one — read the channel's level (one call), and if it differs,
 * update it (a second call) to the value read at the start of the run — at {@code callsPerSecond}, the channel's
 * rate limit. An update shows {@code visibleAfter} after its call. A run still going when the next is due makes
 * that one skip (cron with a lock), so the next run starts at the first due time after it ends.
 */
public final class CronSync implements SyncPolicy {

    private final long intervalMillis;
    private final long firstRunMillis;
    private final double callsPerSecond;
    private final long visibleAfterMillis;

    /** @param firstRun offset of the first run from the trace's start (the cron's phase) */
    public CronSync(Duration interval, Duration firstRun, double callsPerSecond, Duration visibleAfter) {
        if (!(callsPerSecond > 0) || interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("a cron sync needs a positive interval and call rate");
        }
        this.intervalMillis = interval.toMillis();
        this.firstRunMillis = firstRun.toMillis();
        this.callsPerSecond = callsPerSecond;
        this.visibleAfterMillis = visibleAfter.toMillis();
    }

    @Override
    public void start(Simulation sim, String channel) {
        long first = sim.nowMillis() + firstRunMillis;
        if (first <= sim.endMillis()) {
            sim.at(first, () -> run(sim, channel, first));
        }
    }

    private void run(Simulation sim, String channel, long dueAt) {
        Map<String, Integer> snapshot = new HashMap<>();
        List<String> skus = sim.skus();
        skus.forEach(sku -> snapshot.put(sku, sim.stock(sku)));
        step(sim, channel, skus, snapshot, 0, dueAt);
    }

    private void step(Simulation sim, String channel, List<String> skus, Map<String, Integer> snapshot, int index, long dueAt) {
        long now = sim.nowMillis();
        if (index == skus.size()) {
            long next = dueAt + intervalMillis;
            while (next < now) {
                next += intervalMillis;
            }
            long nextDue = next;
            if (nextDue <= sim.endMillis()) {
                sim.at(nextDue, () -> run(sim, channel, nextDue));
            }
            return;
        }
        String sku = skus.get(index);
        int target = snapshot.get(sku);
        long afterRead = now + callMillis(1);
        long nextStep = afterRead;
        if (sim.shown(channel, sku) != target) {
            nextStep = afterRead + callMillis(1);
            sim.at(nextStep + visibleAfterMillis, () -> sim.show(channel, sku, target));
        }
        sim.at(nextStep, () -> step(sim, channel, skus, snapshot, index + 1, dueAt));
    }

    private long callMillis(int calls) {
        return Math.round(calls * 1000.0 / callsPerSecond);
    }
}
