package io.inventorysync.ops;

import java.util.List;

/**
 * One channel as the dashboard shows it.
 *
 * @param freshnessSeconds  age of the oldest change not yet on the channel (0 when converged)
 * @param pushesPerMinute   listings pushed per minute over the throughput window
 * @param failureRate       failed push attempts / all attempts over the failure window
 * @param latencyMillis     mean ledger-to-channel latency per sample interval, oldest first (null: nothing pushed)
 */
public record ChannelOverview(String channel, String type, long backlog, double freshnessSeconds,
        double pushesPerMinute, double failureRate, List<Double> latencyMillis) {
}
