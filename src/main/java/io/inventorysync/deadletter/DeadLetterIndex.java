package io.inventorysync.deadletter;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Keeps a queryable index of the dead-letter topic in {@code dead_letter}. The topic stays the record; the
 * row id is topic-partition-offset, so indexing a redelivered record again changes nothing.
 */
public class DeadLetterIndex implements Processor {

    /** Reads the columns in the order both queries select them. */
    private static final RowMapper<StoredDeadLetter> ROW = (rs, i) -> new StoredDeadLetter(rs.getString(1),
            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
            rs.getString(8), rs.getTimestamp(9).toInstant(),
            rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant(), rs.getInt(11));

    private final JdbcTemplate jdbc;

    public DeadLetterIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void process(Exchange exchange) {
        Message m = exchange.getMessage();
        String id = m.getHeader(KafkaConstants.TOPIC) + "-" + m.getHeader(KafkaConstants.PARTITION) + "-"
                + m.getHeader(KafkaConstants.OFFSET);
        Object key = m.getHeader(KafkaConstants.KEY);
        jdbc.update("""
                INSERT INTO dead_letter (id, stage, reason, exception, origin_topic, message_key, payload, channel, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                id, header(m, DeadLetterHeaders.STAGE), header(m, DeadLetterHeaders.REASON),
                header(m, DeadLetterHeaders.EXCEPTION), emptyToNull(header(m, DeadLetterHeaders.ORIGIN_TOPIC)),
                key == null ? null : key.toString(), m.getBody(String.class),
                emptyToNull(header(m, DeadLetterHeaders.CHANNEL)),
                new Timestamp(m.getHeader(KafkaConstants.TIMESTAMP, Long.class)));
    }

    /** @param oldestFirst true for replay (keeps per-SKU order), false for listing (newest first) */
    public List<StoredDeadLetter> list(String stage, String reason, boolean includeReplayed, int limit, boolean oldestFirst) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, stage, reason, exception, origin_topic, message_key, channel, payload, created_at,
                       replayed_at, replay_count FROM dead_letter WHERE true""");
        List<Object> args = new ArrayList<>();
        if (stage != null) {
            sql.append(" AND stage = ?");
            args.add(stage);
        }
        if (reason != null) {
            sql.append(" AND reason = ?");
            args.add(reason);
        }
        if (!includeReplayed) {
            sql.append(" AND replayed_at IS NULL");
        }
        sql.append(oldestFirst ? " ORDER BY created_at, id LIMIT ?" : " ORDER BY created_at DESC, id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    /** Unreplayed dead letters grouped by stage and reason, largest group first (the dashboard's replay list). */
    public List<DeadLetterGroup> unreplayedByReason() {
        return jdbc.query("""
                SELECT stage, reason, count(*), min(created_at), max(created_at) FROM dead_letter
                WHERE replayed_at IS NULL GROUP BY stage, reason ORDER BY count(*) DESC, stage, reason""",
                (rs, i) -> new DeadLetterGroup(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()));
    }

    public List<StoredDeadLetter> byIds(List<String> ids) {
        return jdbc.query("""
                SELECT id, stage, reason, exception, origin_topic, message_key, channel, payload, created_at,
                       replayed_at, replay_count FROM dead_letter WHERE id = ANY(?) ORDER BY created_at, id""",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", ids.toArray())), ROW);
    }

    public void markReplayed(String id) {
        jdbc.update("UPDATE dead_letter SET replayed_at = now(), replay_count = replay_count + 1 WHERE id = ?", id);
    }

    private static String header(Message m, String name) {
        Object value = m.getHeader(name);
        if (value == null) {
            return null;
        }
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
