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
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

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

    /**
     * Loads every location of these SKUs and locks the rows until commit (serialises concurrent appliers). A join on
     * the unnested SKUs, not {@code sku = ANY(?)}: with a parameter array the planner may pick a scan that compares
     * every row with every SKU of the batch, which cost several milliseconds per batch once the table had its stats.
     */
    public List<StockPosition> lockPositions(Collection<String> skus) {
        return jdbc.query("""
                SELECT p.sku, p.location_id, p.on_hand, p.reserved, p.last_absolute_at, p.negative_since
                FROM stock_position p JOIN unnest(?::text[]) AS k(s) ON p.sku = k.s
                ORDER BY p.sku, p.location_id FOR UPDATE OF p""",
                ps -> ps.setArray(1, textArray(ps, skus)),
                (rs, i) -> new StockPosition(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))));
    }

    /**
     * Loads the holds of these (SKU, order) pairs, at any location: the rules look a hold up only by an event's own
     * SKU and order. Pairs rather than {@code sku = ANY(?) AND order_id = ANY(?)}: against array parameters that
     * filter compares every row with every element (the plan cannot hash a parameter), milliseconds per batch.
     */
    public void loadReservations(Collection<List<String>> skuAndOrder, Reservations into) {
        if (skuAndOrder.isEmpty()) {
            return;
        }
        List<List<String>> pairs = List.copyOf(skuAndOrder);
        jdbc.query("""
                SELECT r.sku, r.location_id, r.order_id, r.quantity, r.expires_at
                FROM reservation r JOIN unnest(?::text[], ?::text[]) AS k(s, o) ON r.sku = k.s AND r.order_id = k.o""",
                ps -> {
                    ps.setArray(1, textArray(ps, pairs, k -> k.get(0)));
                    ps.setArray(2, textArray(ps, pairs, k -> k.get(1)));
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

    /*
     * The writes below send each column as one array and expand it with unnest: one statement per table and batch.
     * A JDBC batch of per-row statements costs PostgreSQL one execution per row (parse, plan, index look-ups, a
     * speculative insert for ON CONFLICT), which was the larger half of the ledger's write time (docs/benchmarks.md).
     */

    public void savePositions(Collection<StockPosition> positions) {
        List<StockPosition> changed = positions.stream().filter(StockPosition::isChanged).toList();
        if (changed.isEmpty()) {
            return;
        }
        jdbc.update("""
                INSERT INTO stock_position (sku, location_id, on_hand, reserved, last_absolute_at, negative_since, updated_at)
                SELECT s, l, h, r, a, n, now()
                FROM unnest(?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::timestamptz[], ?::timestamptz[]) AS t(s, l, h, r, a, n)
                ON CONFLICT (sku, location_id) DO UPDATE SET on_hand = EXCLUDED.on_hand, reserved = EXCLUDED.reserved,
                    last_absolute_at = EXCLUDED.last_absolute_at, negative_since = EXCLUDED.negative_since, updated_at = now()""",
                ps -> {
                    ps.setArray(1, textArray(ps, changed, StockPosition::sku));
                    ps.setArray(2, textArray(ps, changed, StockPosition::locationId));
                    ps.setArray(3, bigintArray(ps, changed, StockPosition::onHand));
                    ps.setArray(4, bigintArray(ps, changed, StockPosition::reserved));
                    ps.setArray(5, instantArray(ps, changed, StockPosition::lastAbsoluteAt));
                    ps.setArray(6, instantArray(ps, changed, StockPosition::negativeSince));
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
        if (!kept.isEmpty()) {
            jdbc.update("""
                    INSERT INTO reservation (sku, location_id, order_id, quantity, expires_at)
                    SELECT s, l, o, q, e FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::timestamptz[]) AS t(s, l, o, q, e)
                    ON CONFLICT (sku, location_id, order_id)
                    DO UPDATE SET quantity = EXCLUDED.quantity, expires_at = EXCLUDED.expires_at""",
                    ps -> {
                        ps.setArray(1, textArray(ps, kept, e -> e.getKey().sku()));
                        ps.setArray(2, textArray(ps, kept, e -> e.getKey().locationId()));
                        ps.setArray(3, textArray(ps, kept, e -> e.getKey().orderId()));
                        ps.setArray(4, bigintArray(ps, kept, e -> e.getValue().quantity()));
                        ps.setArray(5, instantArray(ps, kept, e -> e.getValue().expiresAt()));
                    });
        }
        if (!gone.isEmpty()) {
            jdbc.update("""
                    DELETE FROM reservation r USING unnest(?::text[], ?::text[], ?::text[]) AS t(s, l, o)
                    WHERE r.sku = t.s AND r.location_id = t.l AND r.order_id = t.o""",
                    ps -> {
                        ps.setArray(1, textArray(ps, gone, Reservations.Key::sku));
                        ps.setArray(2, textArray(ps, gone, Reservations.Key::locationId));
                        ps.setArray(3, textArray(ps, gone, Reservations.Key::orderId));
                    });
        }
    }

    /**
     * Records applied ids with a plain INSERT, not ON CONFLICT DO NOTHING (a speculative insertion per row, about three
     * times the work): the ids were looked up after the batch's SKUs were locked, so a conflict means a concurrent
     * applier of the same id under another SKU. The unique key then fails this batch, which is polled again and finds
     * the id applied, so the event still counts once.
     */
    public void recordApplied(List<AppliedEvent> applied) {
        if (applied.isEmpty()) {
            return;
        }
        jdbc.update("""
                INSERT INTO applied_event (event_id, sku, event_type, outcome, event_timestamp)
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])""",
                ps -> {
                    ps.setArray(1, textArray(ps, applied, AppliedEvent::eventId));
                    ps.setArray(2, textArray(ps, applied, AppliedEvent::sku));
                    ps.setArray(3, textArray(ps, applied, AppliedEvent::eventType));
                    ps.setArray(4, textArray(ps, applied, a -> a.outcome().name()));
                    ps.setArray(5, instantArray(ps, applied, AppliedEvent::timestamp));
                });
    }

    public void recordNegative(List<NegativePosition> negatives) {
        if (negatives.isEmpty()) {
            return;
        }
        jdbc.update("""
                INSERT INTO negative_position_log (sku, location_id, available, event_id)
                SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[], ?::text[])""",
                ps -> {
                    ps.setArray(1, textArray(ps, negatives, NegativePosition::sku));
                    ps.setArray(2, textArray(ps, negatives, NegativePosition::locationId));
                    ps.setArray(3, bigintArray(ps, negatives, NegativePosition::available));
                    ps.setArray(4, textArray(ps, negatives, NegativePosition::eventId));
                });
    }

    public long countNegativePositions() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM stock_position WHERE negative_since IS NOT NULL", Long.class);
        return count == null ? 0 : count;
    }

    static Array textArray(PreparedStatement ps, Collection<String> values) throws SQLException {
        return ps.getConnection().createArrayOf("text", values.toArray());
    }

    static <T> Array textArray(PreparedStatement ps, List<T> rows, Function<T, String> column) throws SQLException {
        return ps.getConnection().createArrayOf("text", rows.stream().map(column).toArray());
    }

    static <T> Array bigintArray(PreparedStatement ps, List<T> rows, ToLongFunction<T> column) throws SQLException {
        return ps.getConnection().createArrayOf("int8", rows.stream().map(r -> column.applyAsLong(r)).toArray());
    }

    /** As ISO-8601 text ({@code 2026-03-15T14:22:03.412Z}), which the statement casts to timestamptz; null stays null. */
    static <T> Array instantArray(PreparedStatement ps, List<T> rows, Function<T, Instant> column) throws SQLException {
        return ps.getConnection().createArrayOf("text",
                rows.stream().map(r -> Objects.toString(column.apply(r), null)).toArray());
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    public record AppliedEvent(String eventId, String sku, String eventType, ApplyOutcome outcome, Instant timestamp) {
    }

    public record NegativePosition(String sku, String locationId, long available, String eventId) {
    }
}
