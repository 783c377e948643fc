package io.inventorysync.monitor;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** The {@code sync_monitor} table. */
public class MonitorStore {

    private static final String COLUMNS = "id, kind, channel, schedule, period_ms, grace_ms, timeout_ms, registered_at,"
            + " state, state_reason, state_changed_at, version, last_run_id, last_start_at, last_success_at,"
            + " last_failure_at, last_error, last_heartbeat_at, last_duration_ms, last_processed, last_failed,"
            + " recent_durations_ms, anomalies, anomaly_detail, anomaly_at";

    private final JdbcTemplate jdbc;

    public MonitorStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the monitor or updates what it expects; its runs and state are kept. */
    public void register(MonitorDefinition d, Instant now) {
        jdbc.update("""
                INSERT INTO sync_monitor (id, kind, channel, schedule, period_ms, grace_ms, timeout_ms, registered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, channel = EXCLUDED.channel,
                    schedule = EXCLUDED.schedule, period_ms = EXCLUDED.period_ms, grace_ms = EXCLUDED.grace_ms,
                    timeout_ms = EXCLUDED.timeout_ms
                """, d.id(), d.kind().name(), d.channel(), d.schedule(), d.period() == null ? null : d.period().toMillis(),
                d.grace().toMillis(), d.timeout().toMillis(), Timestamp.from(now));
    }

    public Optional<MonitorRecord> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM sync_monitor WHERE id = ?", MAPPER, id).stream().findFirst();
    }

    /** The row, locked until the surrounding transaction ends. */
    public Optional<MonitorRecord> lock(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM sync_monitor WHERE id = ? FOR UPDATE", MAPPER, id).stream().findFirst();
    }

    public List<MonitorRecord> findAll(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM sync_monitor WHERE id = ANY (?::text[]) ORDER BY id", MAPPER,
                textArray(ids));
    }

    /** Records a run's start. */
    public void started(String id, UUID runId, Instant at) {
        jdbc.update("UPDATE sync_monitor SET last_run_id = ?, last_start_at = ?, version = version + 1 WHERE id = ?",
                runId, Timestamp.from(at), id);
    }

    /** Writes what a run (or heartbeat) changed; null fields are kept as they are. The caller holds the row's lock. */
    public void finished(String id, RunUpdate u) {
        jdbc.update("""
                UPDATE sync_monitor SET version = version + 1, state = ?, state_reason = ?,
                    state_changed_at = COALESCE(?, state_changed_at),
                    last_run_id = COALESCE(?, last_run_id), last_success_at = COALESCE(?, last_success_at),
                    last_failure_at = COALESCE(?, last_failure_at), last_error = COALESCE(?, last_error),
                    last_heartbeat_at = COALESCE(?, last_heartbeat_at), last_duration_ms = COALESCE(?, last_duration_ms),
                    last_processed = CASE WHEN ? THEN ? ELSE last_processed END,
                    last_failed = CASE WHEN ? THEN ? ELSE last_failed END,
                    recent_durations_ms = COALESCE(?::bigint[], recent_durations_ms),
                    anomalies = COALESCE(?::text[], anomalies), anomaly_detail = COALESCE(?, anomaly_detail),
                    anomaly_at = COALESCE(?, anomaly_at)
                WHERE id = ?
                """, u.state().name(), u.stateReason(), ts(u.stateChangedAt()), u.runId(), ts(u.successAt()),
                ts(u.failureAt()), u.error(), ts(u.heartbeatAt()), u.durationMs(), u.countsKnown(), u.processed(),
                u.countsKnown(), u.failed(), u.durations() == null ? null : longArray(u.durations()),
                u.anomalies() == null ? null : textArray(u.anomalies()), u.anomalyDetail(), ts(u.anomalyAt()), id);
    }

    /**
     * @param countsKnown whether {@code processed}/{@code failed} are to be written (a run), or kept (a heartbeat)
     */
    public record RunUpdate(MonitorState state, String stateReason, Instant stateChangedAt, UUID runId,
            Instant successAt, Instant failureAt, String error, Instant heartbeatAt, Long durationMs,
            boolean countsKnown, Long processed, Long failed, List<Long> durations, List<String> anomalies,
            String anomalyDetail, Instant anomalyAt) {
    }

    /**
     * Moves the monitor to {@code state} only if it is still as the caller read it (same version): of several
     * instances that see the same lateness, exactly one makes the change.
     */
    public boolean transition(MonitorRecord seen, MonitorState state, String reason, Instant at) {
        return jdbc.update("""
                UPDATE sync_monitor SET state = ?, state_reason = ?, state_changed_at = ?, version = version + 1
                WHERE id = ? AND version = ? AND state = ?
                """, state.name(), reason, Timestamp.from(at), seen.id(), seen.version(), seen.state().name()) == 1;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String longArray(List<Long> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    private static String textArray(List<String> values) {
        return values.stream().map(v -> '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static List<Object> array(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((Object[]) array.getArray());
    }

    private static final RowMapper<MonitorRecord> MAPPER = (rs, n) -> new MonitorRecord(rs.getString("id"),
            rs.getString("kind"), rs.getString("channel"), rs.getString("schedule"), nullableLong(rs, "period_ms"),
            rs.getLong("grace_ms"), rs.getLong("timeout_ms"), instant(rs, "registered_at"),
            MonitorState.valueOf(rs.getString("state")), rs.getString("state_reason"), instant(rs, "state_changed_at"),
            rs.getLong("version"), rs.getObject("last_run_id", UUID.class), instant(rs, "last_start_at"),
            instant(rs, "last_success_at"), instant(rs, "last_failure_at"), rs.getString("last_error"),
            instant(rs, "last_heartbeat_at"), nullableLong(rs, "last_duration_ms"), nullableLong(rs, "last_processed"),
            nullableLong(rs, "last_failed"), array(rs, "recent_durations_ms").stream().map(o -> ((Number) o).longValue()).toList(),
            array(rs, "anomalies").stream().map(String::valueOf).toList(), rs.getString("anomaly_detail"),
            instant(rs, "anomaly_at"));
}
