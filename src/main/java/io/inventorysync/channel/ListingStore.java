package io.inventorysync.channel;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;

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
     * ledger's transaction. Wakes the dispatchers of the channels that changed (on commit).
     *
     * @return the channels whose desired state changed
     */
    public Set<String> writeDesired(Collection<DesiredListing> desired) {
        if (desired.isEmpty()) {
            return Set.of();
        }
        // one row per listing (the last value wins), or ON CONFLICT would touch a row twice
        Map<List<String>, DesiredListing> unique = new LinkedHashMap<>();
        desired.forEach(d -> unique.put(List.of(d.channel(), d.sku()), d));
        Set<String> changedChannels = new TreeSet<>(jdbc.query("""
                INSERT INTO channel_listing (channel, sku, desired_quantity, desired_version, desired_at)
                SELECT c, s, q, 1, now() FROM unnest(?, ?, ?) AS t(c, s, q)
                ON CONFLICT (channel, sku) DO UPDATE SET desired_quantity = EXCLUDED.desired_quantity,
                    desired_version = channel_listing.desired_version + 1, desired_at = now()
                WHERE channel_listing.desired_quantity <> EXCLUDED.desired_quantity
                RETURNING channel""",
                ps -> {
                    var c = ps.getConnection();
                    ps.setArray(1, c.createArrayOf("text", unique.values().stream().map(DesiredListing::channel).toArray()));
                    ps.setArray(2, c.createArrayOf("text", unique.values().stream().map(DesiredListing::sku).toArray()));
                    ps.setArray(3, c.createArrayOf("int4", unique.values().stream().map(DesiredListing::quantity).toArray()));
                },
                (rs, i) -> rs.getString(1)));
        changedChannels.forEach(this::notifyChanged);
        return changedChannels;
    }

    /** Forces a listing to be pushed again (dead-letter replay of a rejected push), even if its value is unchanged. */
    public boolean requestRepush(String channel, String sku) {
        int rows = jdbc.update("""
                UPDATE channel_listing SET desired_version = desired_version + 1, desired_at = now(),
                    next_attempt_at = '-infinity', attempts = 0 WHERE channel = ? AND sku = ?""", channel, sku);
        if (rows > 0) {
            notifyChanged(channel);
        }
        return rows > 0;
    }

    public void notifyChanged(String channel) {
        jdbc.queryForObject("SELECT pg_notify(?, ?)", Object.class, NOTIFY_CHANNEL, channel);
    }

    /** Leases up to {@code limit} listings that need a push, oldest change first, skipping rows other instances hold. */
    public List<ClaimedListing> claim(String channel, String owner, int limit, Duration lease) {
        return jdbc.query("""
                UPDATE channel_listing l SET lease_owner = ?, lease_until = now() + make_interval(secs => ?)
                FROM (SELECT channel, sku FROM channel_listing
                      WHERE channel = ? AND desired_version > pushed_version AND next_attempt_at <= now()
                        AND (lease_until IS NULL OR lease_until < now())
                      ORDER BY desired_at LIMIT ? FOR UPDATE SKIP LOCKED) c
                WHERE l.channel = c.channel AND l.sku = c.sku
                RETURNING l.channel, l.sku, l.desired_quantity, l.desired_version, l.pushed_quantity, l.attempts, l.desired_at""",
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
        return jdbc.update("""
                UPDATE channel_listing SET pushed_quantity = CASE WHEN pushed_version < ? THEN ? ELSE pushed_quantity END,
                    pushed_version = GREATEST(pushed_version, ?), pushed_at = now(), attempts = 0,
                    next_attempt_at = '-infinity', last_error_code = NULL, last_error_message = NULL,
                    lease_owner = NULL, lease_until = NULL
                WHERE channel = ? AND sku = ? AND lease_owner = ?""",
                listing.version(), quantity, listing.version(), listing.channel(), listing.sku(), listing.leaseOwner()) > 0;
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
