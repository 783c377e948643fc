package io.inventorysync.channel;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The level-triggered channel state ({@code channel_listing}): the ledger writes what each listing should show;
 * dispatchers lease the listings whose desired version is ahead of the pushed one, push, and record the result.
 * Leases (not long-held row locks) let several instances share a channel and let the ledger keep writing while
 * a push is in flight; an expired lease is simply taken again, so a crash costs at most one duplicate push.
 */
public class ListingStore {

    /** PostgreSQL NOTIFY channel; the payload is the sales channel name. Delivered only when the writer commits. */
    public static final String NOTIFY_CHANNEL = "inventory_listing_changed";

    private final JdbcTemplate jdbc;

    public ListingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records desired quantities; a listing's version moves only when its quantity changes. Must run inside the
     * ledger's transaction. Wakes the dispatchers of the channels that changed (on commit). A listing that moves
     * away from what its channel shows takes the change's event time; one already ahead keeps the earliest
     * ({@code event_at}, the start of the end-to-end latency).
     *
     * @return the channels whose desired state changed
     */
    public Set<String> writeDesired(Collection<DesiredListing> desired) {
        if (desired.isEmpty()) {
            return Set.of();
        }
        // one row per listing (the last value wins), or ON CONFLICT would touch a row twice
        // ... in (channel, SKU) order, the order every multi-row writer locks them in, so writers never deadlock
        Map<List<String>, DesiredListing> unique = new TreeMap<>(
                Comparator.<List<String>, String>comparing(k -> k.get(0)).thenComparing(k -> k.get(1)));
        desired.forEach(d -> unique.put(List.of(d.channel(), d.sku()), d));
        Set<String> changedChannels = new TreeSet<>(jdbc.query("""
                INSERT INTO channel_listing (channel, sku, desired_quantity, desired_version, desired_at, event_at)
                SELECT c, s, q, 1, now(), e FROM unnest(?, ?, ?, ?) AS t(c, s, q, e)
                ON CONFLICT (channel, sku) DO UPDATE SET desired_quantity = EXCLUDED.desired_quantity,
                    desired_version = channel_listing.desired_version + 1, desired_at = now(),
                    event_at = CASE WHEN channel_listing.desired_version > channel_listing.pushed_version
                        THEN LEAST(channel_listing.event_at, EXCLUDED.event_at) ELSE EXCLUDED.event_at END
                WHERE channel_listing.desired_quantity <> EXCLUDED.desired_quantity
                RETURNING channel""",
                ps -> {
                    var c = ps.getConnection();
                    ps.setArray(1, c.createArrayOf("text", unique.values().stream().map(DesiredListing::channel).toArray()));
                    ps.setArray(2, c.createArrayOf("text", unique.values().stream().map(DesiredListing::sku).toArray()));
                    ps.setArray(3, c.createArrayOf("int4", unique.values().stream().map(DesiredListing::quantity).toArray()));
                    ps.setArray(4, c.createArrayOf("timestamptz", unique.values().stream()
                            .map(d -> d.eventAt() == null ? null : Timestamp.from(d.eventAt())).toArray()));
                },
                (rs, i) -> rs.getString(1)));
        changedChannels.forEach(this::notifyChanged);
        return changedChannels;
    }

    /** Forces a listing to be pushed again (dead-letter replay of a rejected push), even if its value is unchanged. */
    public boolean requestRepush(String channel, String sku) {
        int rows = jdbc.update("""
                UPDATE channel_listing SET desired_version = desired_version + 1, desired_at = now(), event_at = NULL,
                    next_attempt_at = '-infinity', attempts = 0 WHERE channel = ? AND sku = ?""", channel, sku);
        if (rows > 0) {
            notifyChanged(channel);
        }
        return rows > 0;
    }

    /**
     * After a control change: requests a push of every listing of the channel (or of one SKU) whose channel shows
     * something else than it should now, so the channel catches up in both directions. A listing under lease is
     * requested again too: its push in flight carries the quantity of the controls it was claimed under. A
     * rejected listing waits for its dead letter's replay, as before. Wakes the channel's dispatchers on commit.
     *
     * @param sku one SKU, or null for the whole channel
     * @return listings requested
     */
    public int requestRepushWhereStale(String channel, String sku) {
        int rows = jdbc.update("""
                UPDATE channel_listing SET desired_version = desired_version + 1,
                    desired_at = CASE WHEN desired_version = pushed_version THEN now() ELSE desired_at END
                WHERE channel = ? AND (CAST(? AS text) IS NULL OR sku = ?)
                  AND (lease_until > now()
                       OR (desired_version = pushed_version AND last_error_code IS NULL
                           AND pushed_quantity IS DISTINCT FROM published_quantity(channel, sku, desired_quantity)))""",
                channel, sku, sku);
        notifyChanged(channel);
        return rows;
    }

    /** Requests a push of every listing of the channel ("full sync"), clearing retry back-off. */
    public int requestRepushAll(String channel) {
        int rows = jdbc.update("""
                UPDATE channel_listing SET desired_version = desired_version + 1,
                    desired_at = CASE WHEN desired_version = pushed_version THEN now() ELSE desired_at END,
                    next_attempt_at = '-infinity', attempts = 0 WHERE channel = ?""", channel);
        notifyChanged(channel);
        return rows;
    }

    /** Makes the channel's listings waiting out a retry back-off due now, and wakes its dispatchers. */
    public int clearBackoff(String channel) {
        int rows = jdbc.update("""
                UPDATE channel_listing SET next_attempt_at = '-infinity', attempts = 0
                WHERE channel = ? AND desired_version > pushed_version AND next_attempt_at > now()""", channel);
        notifyChanged(channel);
        return rows;
    }

    public void notifyChanged(String channel) {
        jdbc.queryForObject("SELECT pg_notify(?, ?)", Object.class, NOTIFY_CHANNEL, channel);
    }

    /**
     * Leases up to {@code limit} listings that need a push, oldest change first, skipping rows other instances hold.
     * The operator controls ({@code io.inventorysync.channel.control}) apply here: nothing is claimed on a paused or
     * shadow channel, a paused SKU is not claimed, and the claimed quantity is the one to publish
     * ({@code published_quantity}: the SKU's extra buffer and limited availability applied to the ledger's quantity).
     */
    public List<ClaimedListing> claim(String channel, String owner, int limit, Duration lease) {
        return jdbc.query("""
                UPDATE channel_listing l SET lease_owner = ?, lease_until = now() + make_interval(secs => ?)
                FROM (SELECT p.channel, p.sku FROM channel_listing p
                      WHERE p.channel = ? AND p.desired_version > p.pushed_version AND p.next_attempt_at <= now()
                        AND (p.lease_until IS NULL OR p.lease_until < now())
                        AND NOT EXISTS (SELECT 1 FROM channel_control cc WHERE cc.channel = p.channel
                                        AND (cc.paused OR COALESCE(cc.shadow_admin, cc.shadow_file)))
                        AND NOT EXISTS (SELECT 1 FROM channel_sku_control sc WHERE sc.channel = p.channel
                                        AND sc.sku = p.sku AND sc.paused)
                      ORDER BY p.desired_at LIMIT ? FOR UPDATE SKIP LOCKED) c
                WHERE l.channel = c.channel AND l.sku = c.sku
                RETURNING l.channel, l.sku, published_quantity(l.channel, l.sku, l.desired_quantity), l.desired_version,
                    l.pushed_quantity, l.attempts, l.desired_at""",
                (rs, i) -> new ClaimedListing(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4),
                        (Integer) rs.getObject(5), rs.getInt(6), rs.getTimestamp(7).toInstant(), owner),
                owner, lease.toMillis() / 1000.0, channel, limit);
    }

    /*
     * The record* methods change a listing only while the claim still holds its lease: an answer that arrives
     * after the lease expired (and another dispatcher took the listing) must neither overwrite that dispatcher's
     * result nor release its lease. They return false when the answer was dropped for that reason.
     */

    public boolean recordPushed(ClaimedListing listing, int quantity) {
        return recordPushed(listing.channel(), List.of(new Pushed(listing, quantity))).containsKey(listing.sku());
    }

    /** A listing the channel accepted, and the quantity it now shows. */
    public record Pushed(ClaimedListing listing, int quantity) {
    }

    /**
     * Records a round's accepted pushes of one channel in one statement (one commit, not one per listing: at a
     * few thousand listings a second the per-row commits were most of a round). Rows are locked in SKU order, the
     * order the ledger writes them in, so the two never deadlock.
     *
     * @return the SKUs recorded, each with the event time its pushed change started from (empty when no event
     *         caused it; the update leaves it as it was, so it is the pending period's start, for the end-to-end
     *         latency); a listing missing from it had lost its lease (see above)
     */
    public Map<String, Optional<Instant>> recordPushed(String channel, Collection<Pushed> pushed) {
        Map<String, Optional<Instant>> recorded = new HashMap<>();
        if (pushed.isEmpty()) {
            return recorded;
        }
        List<Pushed> rows = List.copyOf(pushed);
        jdbc.query("""
                WITH p AS (SELECT * FROM unnest(?, ?, ?, ?) AS t(sku, version, quantity, owner)),
                locked AS MATERIALIZED (
                    SELECT l.sku, p.version, p.quantity FROM channel_listing l JOIN p ON l.sku = p.sku AND l.lease_owner = p.owner
                    WHERE l.channel = ? ORDER BY l.sku FOR UPDATE OF l)
                UPDATE channel_listing l SET
                    pushed_quantity = CASE WHEN l.pushed_version < k.version THEN k.quantity ELSE l.pushed_quantity END,
                    pushed_version = GREATEST(l.pushed_version, k.version), pushed_at = now(), attempts = 0,
                    next_attempt_at = '-infinity', last_error_code = NULL, last_error_message = NULL,
                    lease_owner = NULL, lease_until = NULL
                FROM locked k WHERE l.channel = ? AND l.sku = k.sku
                RETURNING l.sku, l.event_at""",
                ps -> {
                    var c = ps.getConnection();
                    ps.setArray(1, c.createArrayOf("text", rows.stream().map(r -> r.listing().sku()).toArray()));
                    ps.setArray(2, c.createArrayOf("int8", rows.stream().map(r -> r.listing().version()).toArray()));
                    ps.setArray(3, c.createArrayOf("int4", rows.stream().map(Pushed::quantity).toArray()));
                    ps.setArray(4, c.createArrayOf("text", rows.stream().map(r -> r.listing().leaseOwner()).toArray()));
                    ps.setString(5, channel);
                    ps.setString(6, channel);
                },
                (RowCallbackHandler) rs -> recorded.put(rs.getString(1),
                        Optional.ofNullable(rs.getTimestamp(2)).map(Timestamp::toInstant)));
        return recorded;
    }

    public boolean recordRetry(ClaimedListing listing, String code, String message, Instant notBefore) {
        return jdbc.update("""
                UPDATE channel_listing SET attempts = attempts + 1, next_attempt_at = ?, last_error_code = ?,
                    last_error_message = ?, lease_owner = NULL, lease_until = NULL
                WHERE channel = ? AND sku = ? AND lease_owner = ?""",
                Timestamp.from(notBefore), code, message, listing.channel(), listing.sku(), listing.leaseOwner()) > 0;
    }

    /** A rejected value is not retried until the desired quantity changes or the dead letter is replayed. */
    public boolean recordRejected(ClaimedListing listing, String code, String message) {
        return jdbc.update("""
                UPDATE channel_listing SET pushed_version = GREATEST(pushed_version, ?), attempts = 0,
                    last_error_code = ?, last_error_message = ?, lease_owner = NULL, lease_until = NULL
                WHERE channel = ? AND sku = ? AND lease_owner = ?""",
                listing.version(), code, message, listing.channel(), listing.sku(), listing.leaseOwner()) > 0;
    }

    public long backlog(String channel) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM channel_listing WHERE channel = ? AND desired_version > pushed_version",
                Long.class, channel);
        return n == null ? 0 : n;
    }

    /** Age in seconds of the oldest change not yet pushed (freshness), 0 when converged. */
    public double oldestPendingSeconds(String channel) {
        Double age = jdbc.queryForObject("""
                SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(desired_at)), 0) FROM channel_listing
                WHERE channel = ? AND desired_version > pushed_version""", Double.class, channel);
        return age == null ? 0 : age;
    }
}
