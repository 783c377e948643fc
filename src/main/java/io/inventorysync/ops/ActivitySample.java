package io.inventorysync.ops;

import java.time.Instant;

/**
 * One reading of a channel's cumulative dispatch meters; the dashboard derives rates from consecutive readings.
 *
 * @param pushed         listings the channel accepted, since start
 * @param failed         push attempts retried or rejected, since start
 * @param latencyCount   pushes timed by the sync latency timer, since start
 * @param latencySeconds their total latency, since start
 */
record ActivitySample(Instant at, double pushed, double failed, long latencyCount, double latencySeconds) {
}
