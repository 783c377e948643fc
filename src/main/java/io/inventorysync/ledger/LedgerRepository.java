package io.inventorysync.ledger;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/** SQL for the stock ledger. Every method takes whole batches: one round trip per statement, not per event. */
public class LedgerRepository {

    private final JdbcTemplate jdbc;

    public LedgerRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates the positions a batch touches when they do not exist yet, so that {@link #lockPositions} has a row to
     * lock: two appliers of a new SKU (a consumer rebalance) then wait for each other instead of both inserting
     * and the later one overwriting the earlier one's effect. Sorted, so concurrent appliers lock in one order.
     */
    public void ensurePositions(Collection<List<String>> skuAndLocation) {
        List<List<String>> sorted = skuAndLocation.stream().distinct()
                .sorted(Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1))).toList();
        jdbc.update("""
                INSERT INTO stock_position (sku, location_id)
                SELECT s, l FROM unnest(?, ?) AS t(s, l) ORDER BY s, l
                ON CONFLICT (sku, location_id) DO NOTHING""",
                ps -> {
                    ps.setArray(1, textArray(ps, sorted.stream().map(k -> k.get(0)).toList()));
                    ps.setArray(2, textArray(ps, sorted.stream().map(k -> k.get(1)).toList()));
                });
    }

    /** Loads every location of these SKUs and locks the rows until commit (serialises concurrent appliers). */
    public List<StockPosition> lockPositions(Collection<String> skus) {
        return jdbc.query("""
                SELECT sku, location_id, on_hand, reserved, last_absolute_at, negative_since
                FROM stock_position WHERE sku = ANY(?) ORDER BY sku, location_id FOR UPDATE""",
                ps -> ps.setArray(1, textArray(ps, skus)),
                (rs, i) -> new StockPosition(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))));
    }

    public void loadReservations(Collection<String> skus, Collection<String> orderIds, Reservations into) {
        if (orderIds.isEmpty()) {
            return;
        }
        jdbc.query("""
                SELECT sku, location_id, order_id, quantity, expires_at FROM reservation
                WHERE sku = ANY(?) AND order_id = ANY(?)""",
                ps -> {
                    ps.setArray(1, textArray(ps, skus));
                    ps.setArray(2, textArray(ps, orderIds));
                },
                rs -> {
                    into.load(new Reservations.Key(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getLong(4),
                            instant(rs.getTimestamp(5)));
                });
    }

    public Set<String> alreadyApplied(Collection<String> eventIds) {
        return new HashSet<>(jdbc.query("SELECT event_id FROM applied_event WHERE event_id = ANY(?)",
                ps -> ps.setArray(1, textArray(ps, eventIds)), (rs, i) -> rs.getString(1)));
    }

    public void savePositions(Collection<StockPosition> positions) {
        List<StockPosition> changed = positions.stream().filter(StockPosition::isChanged).toList();
        jdbc.batchUpdate("""
                INSERT INTO stock_position (sku, location_id, on_hand, reserved, last_absolute_at, negative_since, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, now())
                ON CONFLICT (sku, location_id) DO UPDATE SET on_hand = EXCLUDED.on_hand, reserved = EXCLUDED.reserved,
                    last_absolute_at = EXCLUDED.last_absolute_at, negative_since = EXCLUDED.negative_since, updated_at = now()""",
                changed, 500, (ps, p) -> {
                    ps.setString(1, p.sku());
                    ps.setString(2, p.locationId());
                    ps.setLong(3, p.onHand());
                    ps.setLong(4, p.reserved());
                    ps.setTimestamp(5, timestamp(p.lastAbsoluteAt()));
                    ps.setTimestamp(6, timestamp(p.negativeSince()));
                });
    }

    public void saveReservations(Map<Reservations.Key, Reservations.Hold> changed) {
        List<Map.Entry<Reservations.Key, Reservations.Hold>> kept = new ArrayList<>();
        List<Reservations.Key> gone = new ArrayList<>();
        changed.forEach((key, hold) -> {
            if (hold.quantity() > 0) {
                kept.add(Map.entry(key, hold));
            } else {
                gone.add(key);
            }
        });
        jdbc.batchUpdate("""
                INSERT INTO reservation (sku, location_id, order_id, quantity, expires_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (sku, location_id, order_id)
                DO UPDATE SET quantity = EXCLUDED.quantity, expires_at = EXCLUDED.expires_at""",
                kept, 500, (ps, e) -> {
                    ps.setString(1, e.getKey().sku());
                    ps.setString(2, e.getKey().locationId());
                    ps.setString(3, e.getKey().orderId());
                    ps.setLong(4, e.getValue().quantity());
                    ps.setTimestamp(5, timestamp(e.getValue().expiresAt()));
                });
        jdbc.batchUpdate("DELETE FROM reservation WHERE sku = ? AND location_id = ? AND order_id = ?", gone, 500,
                (ps, k) -> {
                    ps.setString(1, k.sku());
                    ps.setString(2, k.locationId());
                    ps.setString(3, k.orderId());
                });
    }

    public void recordApplied(List<AppliedEvent> applied) {
        jdbc.batchUpdate("""
                INSERT INTO applied_event (event_id, sku, event_type, outcome, event_timestamp)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""",
                applied, 500, (ps, a) -> {
                    ps.setString(1, a.eventId());
                    ps.setString(2, a.sku());
                    ps.setString(3, a.eventType());
                    ps.setString(4, a.outcome().name());
                    ps.setTimestamp(5, timestamp(a.timestamp()));
                });
    }

    public void recordNegative(List<NegativePosition> negatives) {
        jdbc.batchUpdate("INSERT INTO negative_position_log (sku, location_id, available, event_id) VALUES (?, ?, ?, ?)",
                negatives, 500, (ps, n) -> {
                    ps.setString(1, n.sku());
                    ps.setString(2, n.locationId());
                    ps.setLong(3, n.available());
                    ps.setString(4, n.eventId());
                });
    }

    public long countNegativePositions() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM stock_position WHERE negative_since IS NOT NULL", Long.class);
        return count == null ? 0 : count;
    }

    static Array textArray(PreparedStatement ps, Collection<String> values) throws SQLException {
        return ps.getConnection().createArrayOf("text", values.toArray());
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    public record AppliedEvent(String eventId, String sku, String eventType, ApplyOutcome outcome, Instant timestamp) {
    }

    public record NegativePosition(String sku, String locationId, long available, String eventId) {
    }
}
