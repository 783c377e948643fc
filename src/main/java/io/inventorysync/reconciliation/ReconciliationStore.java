package io.inventorysync.reconciliation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

import io.inventorysync.channel.ListingStore;

/** The {@code reconciliation_run} and {@code reconciliation_difference} tables, and the listing pages a run reads. */
public class ReconciliationStore {

    private static final int LARGEST = 5;

    private final JdbcTemplate jdbc;
    private final ListingStore listings;

    public ReconciliationStore(JdbcTemplate jdbc, ListingStore listings) {
        this.jdbc = jdbc;
        this.listings = listings;
    }

    /**
     * Starts a run unless one is already running for the channel; a run that has been "running" for longer than
     * {@code staleAfter} is taken to have died with its instance and does not block.
     */
    public Optional<Long> begin(String channel, String trigger, double maxDifferenceShare, Duration staleAfter) {
        List<Long> id = jdbc.queryForList("""
                INSERT INTO reconciliation_run (channel, status, trigger, max_difference_share)
                SELECT ?, 'running', ?, ? WHERE NOT EXISTS (SELECT 1 FROM reconciliation_run
                    WHERE channel = ? AND status = 'running' AND started_at > now() - make_interval(secs => ?))
                RETURNING id""", Long.class, channel, trigger, maxDifferenceShare, channel, staleAfter.toSeconds());
        return id.stream().findFirst();
    }

    /** Listings whose last push succeeded and that have nothing pending, in SKU order after {@code sku}. */
    public List<ReconciledListing> pushedListings(String channel, String sku, int limit) {
        return jdbc.query("""
                SELECT sku, pushed_quantity, pushed_version FROM channel_listing
                WHERE channel = ? AND sku > ? AND pushed_version > 0 AND desired_version = pushed_version
                  AND pushed_quantity IS NOT NULL AND last_error_code IS NULL
                ORDER BY sku LIMIT ?""",
                (rs, i) -> new ReconciledListing(rs.getString(1), rs.getInt(2), rs.getLong(3)), channel, sku, limit);
    }

    public void recordDifferences(long runId, List<ListingDifference> differences) {
        jdbc.batchUpdate("""
                INSERT INTO reconciliation_difference (run_id, sku, expected_quantity, channel_quantity, pushed_version)
                VALUES (?, ?, ?, ?, ?)""", differences, differences.size(), (ps, d) -> {
            ps.setLong(1, runId);
            ps.setString(2, d.sku());
            ps.setInt(3, d.expectedQuantity());
            ps.setInt(4, d.channelQuantity());
            ps.setLong(5, d.pushedVersion());
        });
    }

    public void finish(long runId, String status, ComparisonResult result) {
        jdbc.update("""
                UPDATE reconciliation_run SET status = ?, finished_at = now(), listings_compared = ?,
                    listings_unreadable = ?, differences = ? WHERE id = ?""",
                status, result.compared(), result.unreadable(), result.differences(), runId);
    }

    public void fail(long runId, String error) {
        jdbc.update("UPDATE reconciliation_run SET status = 'failed', finished_at = now(), error = ? WHERE id = ?",
                error, runId);
    }

    /** Marks a held run as applied (once: false if it is not held) and returns its channel. */
    public Optional<String> release(long runId) {
        return jdbc.queryForList("""
                UPDATE reconciliation_run SET status = 'done', applied_at = now() WHERE id = ? AND status = 'held'
                RETURNING channel""", String.class, runId).stream().findFirst();
    }

    /**
     * Corrects the run's differences through the normal dispatch path: the listing's pushed quantity becomes what the
     * channel really shows (so the next compare-and-set starts from it) and a re-push is requested. A listing that
     * moved on since the run (pushed again, or a new quantity pending) is left to the dispatcher.
     *
     * @return corrections requested
     */
    public int applyCorrections(long runId, String channel, int chunkSize) {
        int requested = 0;
        String after = "";
        while (true) {
            List<ListingDifference> chunk = jdbc.query("""
                    SELECT sku, expected_quantity, channel_quantity, pushed_version FROM reconciliation_difference
                    WHERE run_id = ? AND sku > ? AND NOT corrected ORDER BY sku LIMIT ?""",
                    (rs, i) -> new ListingDifference(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getLong(4)),
                    runId, after, chunkSize);
            for (ListingDifference d : chunk) {
                int updated = jdbc.update("""
                        UPDATE channel_listing SET pushed_quantity = ?
                        WHERE channel = ? AND sku = ? AND pushed_version = ? AND desired_version = pushed_version""",
                        d.channelQuantity(), channel, d.sku(), d.pushedVersion());
                if (updated > 0 && listings.requestRepush(channel, d.sku())) {
                    requested++;
                    jdbc.update("UPDATE reconciliation_difference SET corrected = true WHERE run_id = ? AND sku = ?",
                            runId, d.sku());
                }
            }
            if (chunk.size() < chunkSize) {
                break;
            }
            after = chunk.get(chunk.size() - 1).sku();
        }
        jdbc.update("UPDATE reconciliation_run SET corrections_requested = corrections_requested + ? WHERE id = ?",
                requested, runId);
        return requested;
    }

    public List<ReconciliationRun> list(String channel, int limit) {
        return jdbc.query("""
                SELECT * FROM reconciliation_run WHERE (CAST(? AS text) IS NULL OR channel = ?) ORDER BY id DESC LIMIT ?""",
                (rs, i) -> run(rs), channel, channel, limit);
    }

    public Optional<ReconciliationRun> find(long id) {
        return jdbc.query("SELECT * FROM reconciliation_run WHERE id = ?", (rs, i) -> run(rs), id).stream().findFirst();
    }

    private ReconciliationRun run(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        Instant started = rs.getTimestamp("started_at").toInstant();
        Instant finished = instant(rs.getTimestamp("finished_at"));
        int compared = rs.getInt("listings_compared");
        int differences = rs.getInt("differences");
        List<ReconciliationRun.Difference> largest = jdbc.query("""
                SELECT sku, expected_quantity, channel_quantity, corrected FROM reconciliation_difference WHERE run_id = ?
                ORDER BY abs(channel_quantity - expected_quantity) DESC, sku LIMIT ?""",
                (d, i) -> new ReconciliationRun.Difference(d.getString(1), d.getInt(2), d.getInt(3),
                        d.getInt(3) - d.getInt(2), d.getBoolean(4)), id, LARGEST);
        return new ReconciliationRun(id, rs.getString("channel"), rs.getString("status"), rs.getString("trigger"),
                started, finished, finished == null ? null : Duration.between(started, finished).toMillis(),
                compared, rs.getInt("listings_unreadable"), differences,
                compared == 0 ? 0 : (double) differences / compared, rs.getDouble("max_difference_share"),
                rs.getInt("corrections_requested"), instant(rs.getTimestamp("applied_at")), rs.getString("error"),
                largest);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
