package io.inventorysync.monitor;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A monitor as the admin API shows it (durations in ms, times in ISO-8601). The ping URL is a secret: not shown. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MonitorView(String id, String kind, String channel, MonitorState state,
        @JsonProperty("state_reason") String stateReason, @JsonProperty("state_changed_at") Instant stateChangedAt,
        String schedule, @JsonProperty("period_ms") Long periodMs, @JsonProperty("grace_ms") long graceMs,
        @JsonProperty("timeout_ms") long timeoutMs, @JsonProperty("ping_configured") boolean pingConfigured,
        @JsonProperty("last_run_id") UUID lastRunId, @JsonProperty("last_start_at") Instant lastStartAt,
        @JsonProperty("last_success_at") Instant lastSuccessAt, @JsonProperty("last_failure_at") Instant lastFailureAt,
        @JsonProperty("last_error") String lastError, @JsonProperty("last_heartbeat_at") Instant lastHeartbeatAt,
        @JsonProperty("last_duration_ms") Long lastDurationMs, @JsonProperty("last_processed") Long lastProcessed,
        @JsonProperty("last_failed") Long lastFailed, @JsonProperty("recent_durations_ms") List<Long> recentDurationsMs,
        List<String> anomalies, @JsonProperty("anomaly_detail") String anomalyDetail,
        @JsonProperty("anomaly_at") Instant anomalyAt) {

    static MonitorView of(MonitorRecord r, MonitorDefinition d) {
        return new MonitorView(r.id(), r.kind().toLowerCase(), r.channel(), r.state(), r.stateReason(),
                r.stateChangedAt(), r.schedule(), r.periodMs(), r.graceMs(), r.timeoutMs(), d.ping() != null,
                r.lastRunId(), r.lastStartAt(), r.lastSuccessAt(), r.lastFailureAt(), r.lastError(),
                r.lastHeartbeatAt(), r.lastDurationMs(), r.lastProcessed(), r.lastFailed(), r.recentDurationsMs(),
                r.anomalies(), r.anomalyDetail(), r.anomalyAt());
    }
}
