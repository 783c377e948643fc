package io.inventorysync.monitor;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A monitor's row as stored: what its job did last and the state that follows from it.
 *
 * @param recentDurationsMs durations of the last runs that did work, oldest first
 * @param anomalies         duration flags of the last run that did work ({@code increase}, {@code decrease},
 *                          {@code near-timeout}); empty when it was normal
 */
public record MonitorRecord(String id, String kind, String channel, String schedule, Long periodMs, long graceMs,
        long timeoutMs, Instant registeredAt, MonitorState state, String stateReason, Instant stateChangedAt,
        long version, UUID lastRunId, Instant lastStartAt, Instant lastSuccessAt, Instant lastFailureAt,
        String lastError, Instant lastHeartbeatAt, Long lastDurationMs, Long lastProcessed, Long lastFailed,
        List<Long> recentDurationsMs, List<String> anomalies, String anomalyDetail, Instant anomalyAt) {

    /** The last run failed and no run succeeded since (a heartbeat does not count: it did no work). */
    public boolean failedLast() {
        return lastFailureAt != null && (lastSuccessAt == null || lastFailureAt.isAfter(lastSuccessAt));
    }

    /** Latest end of a run or heartbeat, or null. */
    public Instant lastFinishAt() {
        Instant latest = null;
        for (Instant t : new Instant[] { lastSuccessAt, lastFailureAt, lastHeartbeatAt }) {
            if (t != null && (latest == null || t.isAfter(latest))) {
                latest = t;
            }
        }
        return latest;
    }

    /** A run started after the last one ended. */
    public boolean running() {
        Instant finish = lastFinishAt();
        return lastStartAt != null && (finish == null || lastStartAt.isAfter(finish));
    }
}
