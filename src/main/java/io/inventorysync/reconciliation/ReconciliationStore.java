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

    /** Largest differences shown per run in the list. */
    private static final int LARGEST = 5;
    /** Live mode compares the listings whose last push succeeded and that have nothing pending. */
    private static final String PUSHED_LISTINGS = """
            l.pushed_version > 0 AND l.desired_version = l.pushed_version AND l.pushed_quantity IS NOT NULL
            AND l.last_error_code IS NULL""";
    private static final String SHADOW_LISTINGS = """
            NOT EXISTS (SELECT 1 FROM channel_sku_control s WHERE s.channel = l.channel AND s.sku = l.sku AND s.paused)""";

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
        return begin(channel, trigger, maxDifferenceShare, staleAfter, ReconciliationRun.LIVE);
    }

    /** @param mode {@link ReconciliationRun#LIVE} or {@link ReconciliationRun#SHADOW}; fixes which listings it compares */
    public Optional<Long> begin(String channel, String trigger, double maxDifferenceShare, Duration staleAfter, String mode) {
        String eligible = ReconciliationRun.SHADOW.equals(mode) ? SHADOW_LISTINGS : PUSHED_LISTINGS;
        List<Long> id = jdbc.queryForList("""
                INSERT INTO reconciliation_run (channel, status, trigger, max_difference_share, mode, listings_total)
                SELECT ?, 'running', ?, ?, ?, (SELECT count(*) FROM channel_listing l WHERE l.channel = ? AND %s)
                WHERE NOT EXISTS (SELECT 1 FROM reconciliation_run
                    WHERE channel = ? AND status = 'running' AND started_at > now() - make_interval(secs => ?))
                RETURNING id""".formatted(eligible), Long.class, channel, trigger, maxDifferenceShare, mode, channel,
                channel, staleAfter.toSeconds());
        return id.stream().findFirst();
    }

    public String mode(long runId) {
        return jdbc.queryForObject("SELECT mode FROM reconciliation_run WHERE id = ?", String.class, runId);
    }

    /** The totals of the chunks compared so far, while the run goes on. */
    public void progress(long runId, ComparisonResult soFar) {
        jdbc.update("""
                UPDATE reconciliation_run SET listings_compared = ?, listings_unreadable = ?, differences = ?,
                    progress_at = now() WHERE id = ? AND status = 'running'""",
                soFar.compared(), soFar.unreadable(), soFar.differences(), runId);
    }

    /**
     * Shadow mode: every listing of the channel an operator has not paused, with the quantity the pipeline would
     * publish now (the ledger's, under the channel controls), whether or not it was ever pushed.
     */
    public List<ReconciledListing> wouldPublishListings(String channel, String sku, int limit) {
        return jdbc.query("""
                SELECT l.sku, published_quantity(l.channel, l.sku, l.desired_quantity), l.desired_version
                FROM channel_listing l WHERE l.channel = ? AND l.sku > ? AND %s ORDER BY l.sku LIMIT ?"""
                .formatted(SHADOW_LISTINGS),
                (rs, i) -> new ReconciledListing(rs.getString(1), rs.getInt(2), rs.getLong(3)), channel, sku, limit);
    }

    /** Listings whose last push succeeded and that have nothing pending, in SKU order after {@code sku}. */
    public List<ReconciledListing> pushedListings(String channel, String sku, int limit) {
        return jdbc.query("""
                SELECT l.sku, l.pushed_quantity, l.pushed_version FROM channel_listing l
                WHERE l.channel = ? AND l.sku > ? AND %s ORDER BY l.sku LIMIT ?""".formatted(PUSHED_LISTINGS),
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
                SELECT *, now() AS read_at FROM reconciliation_run WHERE (CAST(? AS text) IS NULL OR channel = ?)
                ORDER BY id DESC LIMIT ?""",
                (rs, i) -> run(rs, LARGEST), channel, channel, limit);
    }

    public Optional<ReconciliationRun> find(long id) {
        return find(id, LARGEST);
    }

    /** @param top how many of the largest differences (by absolute difference) to include */
    public Optional<ReconciliationRun> find(long id, int top) {
        return jdbc.query("SELECT *, now() AS read_at FROM reconciliation_run WHERE id = ?", (rs, i) -> run(rs, top), id)
                .stream().findFirst();
    }

    private ReconciliationRun run(ResultSet rs, int top) throws SQLException {
        long id = rs.getLong("id");
        Instant started = rs.getTimestamp("started_at").toInstant();
        Instant finished = instant(rs.getTimestamp("finished_at"));
        // a running run reports the time taken so far, on the database's clock like started_at
        Instant end = finished != null ? finished : rs.getTimestamp("read_at").toInstant();
        int compared = rs.getInt("listings_compared");
        int differences = rs.getInt("differences");
        String mode = rs.getString("mode");
        List<ReconciliationRun.Difference> largest = jdbc.query("""
                SELECT sku, expected_quantity, channel_quantity, corrected FROM reconciliation_difference WHERE run_id = ?
                ORDER BY abs(channel_quantity - expected_quantity) DESC, sku LIMIT ?""",
                (d, i) -> new ReconciliationRun.Difference(d.getString(1), d.getInt(2), d.getInt(3),
                        d.getInt(3) - d.getInt(2), d.getBoolean(4)), id, top);
        return new ReconciliationRun(id, rs.getString("channel"), rs.getString("status"), rs.getString("trigger"), mode,
                started, finished, Duration.between(started, end).toMillis(), (Integer) rs.getObject("listings_total"),
                compared, rs.getInt("listings_unreadable"), differences,
                ReconciliationRun.SHADOW.equals(mode) ? differences : null,
                compared == 0 ? 0 : (double) differences / compared, rs.getDouble("max_difference_share"),
                rs.getInt("corrections_requested"), instant(rs.getTimestamp("applied_at")),
                instant(rs.getTimestamp("progress_at")), rs.getString("error"), largest);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
