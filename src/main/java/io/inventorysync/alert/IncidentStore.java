package io.inventorysync.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The {@code alert_incident} and {@code alert_notification} tables. Times are the database's ({@code now()}), so
 * several instances measure step delays against one clock.
 */
public class IncidentStore {

    private static final String ENGAGED = """
            EXISTS (SELECT 1 FROM alert_notification e WHERE e.incident_id = i.id AND e.kind = 'engage' AND e.outcome = 'sent')
            AND NOT EXISTS (SELECT 1 FROM alert_notification l WHERE l.incident_id = i.id AND l.kind = 'lift'
                            AND l.outcome IN ('sent', 'skipped'))""";

    private final JdbcTemplate jdbc;
    private final RowMapper<Incident> incidents = (rs, i) -> incident(rs);

    public IncidentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An incident claimed for escalation, with the database's time at the claim. */
    public record Claimed(Incident incident, Instant now) {
    }

    /** @param opened whether this call opened it (false: it was open already, perhaps LATE and now DOWN) */
    public record Raised(long id, boolean opened, boolean escalated) {
    }

    /**
     * Opens a DOWN incident for the key unless one is open; an open LATE one becomes DOWN (its ladder starts now).
     * Concurrent calls, from this or another instance, end up with the same single incident.
     */
    public Raised raise(String key, String origin, String channel, String summary) {
        List<Raised> written = jdbc.query("""
                INSERT INTO alert_incident (alert_key, origin, channel, level, summary, down_since)
                VALUES (?, ?, ?, 'down', ?, now())
                ON CONFLICT (alert_key) WHERE resolved_at IS NULL
                DO UPDATE SET level = 'down', down_since = now(), summary = EXCLUDED.summary
                    WHERE alert_incident.level = 'late'
                RETURNING id, (xmax = 0) AS inserted""",
                (rs, i) -> new Raised(rs.getLong(1), rs.getBoolean(2), !rs.getBoolean(2)), key, origin, channel, summary);
        if (!written.isEmpty()) {
            return written.get(0);
        }
        return new Raised(openId(key).orElseThrow(), false, false);
    }

    /** Opens a LATE incident (warning only) unless one is open for the key; true when this call opened it. */
    public boolean warn(String key, String origin, String channel, String summary) {
        return jdbc.update("""
                INSERT INTO alert_incident (alert_key, origin, channel, level, summary) VALUES (?, ?, ?, 'late', ?)
                ON CONFLICT (alert_key) WHERE resolved_at IS NULL DO NOTHING""", key, origin, channel, summary) > 0;
    }

    /** Resolves the open incident of the key, if any. */
    public Optional<Long> resolve(String key, String resolution) {
        return jdbc.queryForList("""
                UPDATE alert_incident SET resolved_at = now(), resolution = ? WHERE alert_key = ? AND resolved_at IS NULL
                RETURNING id""", Long.class, resolution, key).stream().findFirst();
    }

    /** Acknowledges an open incident once; false when it is resolved or acknowledged already. */
    public boolean acknowledge(long id, String by) {
        return jdbc.update("""
                UPDATE alert_incident SET acknowledged_at = now(), acknowledged_by = ?
                WHERE id = ? AND resolved_at IS NULL AND acknowledged_at IS NULL""", by, id) > 0;
    }

    /**
     * Leases unclosed incidents no other instance holds. The row locks ({@code FOR UPDATE SKIP LOCKED}) last only for
     * this statement; the lease keeps other instances off while this one sends, without a transaction held open
     * across webhook and SMTP calls.
     */
    public List<Claimed> claim(String owner, Duration lease, int limit) {
        return jdbc.query("""
                UPDATE alert_incident SET lease_owner = ?, lease_until = now() + make_interval(secs => ?)
                WHERE id IN (SELECT id FROM alert_incident
                             WHERE closed_at IS NULL AND (lease_until IS NULL OR lease_until < now())
                             ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING *, now() AS db_now""",
                (rs, i) -> new Claimed(incident(rs), rs.getTimestamp("db_now").toInstant()),
                owner, lease.toMillis() / 1000.0, limit);
    }

    public void release(long id, String owner) {
        jdbc.update("UPDATE alert_incident SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?",
                id, owner);
    }

    public void close(long id) {
        jdbc.update("UPDATE alert_incident SET closed_at = now() WHERE id = ? AND resolved_at IS NOT NULL", id);
    }

    public void record(long incidentId, NotificationKind kind, Integer step, Medium medium, Outcome outcome,
            String error, String instance) {
        jdbc.update("""
                INSERT INTO alert_notification (incident_id, kind, step, medium, outcome, error, instance_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", incidentId, kind.code(), step, medium.code(), outcome.code(), error, instance);
    }

    public List<NotificationAttempt> attempts(long incidentId) {
        return jdbc.query("SELECT * FROM alert_notification WHERE incident_id = ? ORDER BY id", (rs, i) -> attempt(rs),
                incidentId);
    }

    public Optional<Incident> find(long id) {
        return jdbc.query("SELECT * FROM alert_incident WHERE id = ?", incidents, id).stream().findFirst();
    }

    public Optional<Long> openId(String key) {
        return jdbc.queryForList("SELECT id FROM alert_incident WHERE alert_key = ? AND resolved_at IS NULL",
                Long.class, key).stream().findFirst();
    }

    /** Open incidents (newest first), then up to {@code resolvedLimit} resolved ones (most recently resolved first). */
    public List<Incident> list(int resolvedLimit) {
        List<Incident> list = new ArrayList<>(jdbc.query(
                "SELECT * FROM alert_incident WHERE resolved_at IS NULL ORDER BY opened_at DESC, id DESC", incidents));
        list.addAll(jdbc.query("""
                SELECT * FROM alert_incident WHERE resolved_at IS NOT NULL ORDER BY resolved_at DESC, id DESC LIMIT ?""",
                incidents, resolvedLimit));
        return list;
    }

    public int countOpen() {
        return jdbc.queryForObject("SELECT count(*) FROM alert_incident WHERE resolved_at IS NULL", Integer.class);
    }

    /** Channels on which an incident engaged the protective action and has not lifted it. */
    public int protectedChannels() {
        return jdbc.queryForObject("SELECT count(DISTINCT i.channel) FROM alert_incident i WHERE " + ENGAGED,
                Integer.class);
    }

    /** Other unresolved incidents that engaged the protective action on the channel and still hold it. */
    public List<Long> otherOpenIncidentsHolding(String channel, long exceptId) {
        return jdbc.queryForList("SELECT i.id FROM alert_incident i WHERE i.channel = ? AND i.id <> ? "
                + "AND i.resolved_at IS NULL AND " + ENGAGED, Long.class, channel, exceptId);
    }

    private static Incident incident(ResultSet rs) throws SQLException {
        return new Incident(rs.getLong("id"), rs.getString("alert_key"), rs.getString("origin"), rs.getString("channel"),
                rs.getString("level"), rs.getString("summary"), instant(rs.getTimestamp("opened_at")),
                instant(rs.getTimestamp("down_since")), instant(rs.getTimestamp("acknowledged_at")),
                rs.getString("acknowledged_by"), instant(rs.getTimestamp("resolved_at")), rs.getString("resolution"),
                instant(rs.getTimestamp("closed_at")));
    }

    private static NotificationAttempt attempt(ResultSet rs) throws SQLException {
        Integer step = rs.getObject("step", Integer.class);
        return new NotificationAttempt(rs.getLong("id"), rs.getLong("incident_id"), NotificationKind.of(rs.getString("kind")),
                step, Medium.of(rs.getString("medium")), Outcome.of(rs.getString("outcome")),
                rs.getString("error"), instant(rs.getTimestamp("attempted_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
