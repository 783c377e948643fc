package io.inventorysync.supplier;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The snapshots of every supplier and each supplier's last accepted counts ({@code supplier_snapshot},
 * {@code supplier_stock}). Call it inside a transaction: {@link #tryLock} holds until that transaction ends.
 */
public class SupplierSnapshotStore {

    /** First key of the advisory lock, so that the supplier feeds' locks do not collide with anyone else's. */
    static final int LOCK_SPACE = 0x53555046; // "SUPF"

    private static final String COLUMNS = """
            id, supplier, status, reason, detail, origin, snapshot_at, effective_at, received_at, decided_at,
            content_sha256, size_bytes, content IS NOT NULL, rows_total, rows_rejected, events_emitted""";

    private static final RowMapper<StoredSnapshot> ROW = (rs, i) -> new StoredSnapshot(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), instant(rs, 7), instant(rs, 8),
            instant(rs, 9), instant(rs, 10), rs.getString(11), rs.getLong(12), rs.getBoolean(13), rs.getInt(14),
            rs.getInt(15), rs.getInt(16));

    private final JdbcTemplate jdbc;

    public SupplierSnapshotStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether this transaction now holds the supplier's lock; false when another instance is polling it. */
    public boolean tryLock(String supplier) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?, hashtext(?))",
                Boolean.class, LOCK_SPACE, supplier));
    }

    /** Content and mapping hashes of the supplier's newest recorded snapshot, whatever became of it. */
    public Optional<Fingerprint> lastFingerprint(String supplier) {
        return jdbc.query("SELECT content_sha256, mapping_sha256 FROM supplier_snapshot WHERE supplier = ? ORDER BY id DESC LIMIT 1",
                (rs, i) -> new Fingerprint(rs.getString(1), rs.getString(2)), supplier).stream().findFirst();
    }

    /** The accepted snapshot the next one is compared with: the applied one with the latest effective time. */
    public Optional<Accepted> lastAccepted(String supplier) {
        return jdbc.query("""
                SELECT id, snapshot_at, effective_at FROM supplier_snapshot WHERE supplier = ? AND status = 'applied'
                ORDER BY effective_at DESC, id DESC LIMIT 1""",
                (rs, i) -> new Accepted(rs.getLong(1), instant(rs, 2), instant(rs, 3)), supplier).stream().findFirst();
    }

    public Map<StockKey, Long> acceptedStock(String supplier) {
        Map<StockKey, Long> stock = new HashMap<>();
        jdbc.query("SELECT sku, location_id, quantity FROM supplier_stock WHERE supplier = ?",
                rs -> {
                    stock.put(new StockKey(rs.getString(1), rs.getString(2)), rs.getLong(3));
                }, supplier);
        return stock;
    }

    /** Records a snapshot; its file is stored unless {@code content} is null. */
    public long insert(NewSnapshot s) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("""
                    INSERT INTO supplier_snapshot (supplier, status, reason, detail, origin, snapshot_at, content_sha256,
                        mapping_sha256, size_bytes, content, rows_total, rows_rejected)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            ps.setString(1, s.supplier());
            ps.setString(2, s.status());
            ps.setString(3, s.reason());
            ps.setString(4, s.detail());
            ps.setString(5, s.origin());
            ps.setTimestamp(6, Timestamp.from(s.snapshotAt()));
            ps.setString(7, s.contentSha256());
            ps.setString(8, s.mappingSha256());
            ps.setLong(9, s.sizeBytes());
            ps.setBytes(10, s.content());
            ps.setInt(11, s.rowsTotal());
            ps.setInt(12, s.rowsRejected());
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    public void markApplied(long id, Instant effectiveAt, int rowsTotal, int rowsRejected, int events, boolean decided) {
        jdbc.update("""
                UPDATE supplier_snapshot SET status = 'applied', effective_at = ?, rows_total = ?, rows_rejected = ?,
                    events_emitted = ?, decided_at = CASE WHEN ? THEN now() ELSE decided_at END WHERE id = ?""",
                Timestamp.from(effectiveAt), rowsTotal, rowsRejected, events, decided, id);
    }

    /** Dismisses a quarantined snapshot; false when it is not (or no longer) quarantined. */
    public boolean markRejected(long id) {
        return jdbc.update("UPDATE supplier_snapshot SET status = 'rejected', decided_at = now() WHERE id = ? AND status = 'quarantined'",
                id) == 1;
    }

    /** Writes the changed counts as the supplier's accepted stock. */
    public void saveStock(String supplier, long snapshotId, List<StockChange> changes) {
        jdbc.batchUpdate("""
                INSERT INTO supplier_stock (supplier, sku, location_id, quantity, snapshot_id) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (supplier, sku, location_id) DO UPDATE SET quantity = EXCLUDED.quantity,
                    snapshot_id = EXCLUDED.snapshot_id""",
                changes, 500, (ps, c) -> {
                    ps.setString(1, supplier);
                    ps.setString(2, c.key().sku());
                    ps.setString(3, c.key().locationId());
                    ps.setLong(4, c.count());
                    ps.setLong(5, snapshotId);
                });
    }

    /** Drops the files of all but the newest {@code keep} applied snapshots of the supplier (the rows stay). */
    public int pruneFiles(String supplier, int keep) {
        return jdbc.update("""
                UPDATE supplier_snapshot SET content = NULL WHERE supplier = ? AND status = 'applied' AND content IS NOT NULL
                  AND id NOT IN (SELECT id FROM supplier_snapshot WHERE supplier = ? AND status = 'applied'
                                 ORDER BY id DESC LIMIT ?)""", supplier, supplier, keep);
    }

    public Optional<StoredSnapshot> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM supplier_snapshot WHERE id = ?", ROW, id).stream().findFirst();
    }

    /** Locks the snapshot's row for a decision, so that two approvals cannot both apply it. */
    public Optional<StoredSnapshot> findForUpdate(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM supplier_snapshot WHERE id = ? FOR UPDATE", ROW, id).stream().findFirst();
    }

    public Optional<byte[]> content(long id) {
        return jdbc.query("SELECT content FROM supplier_snapshot WHERE id = ? AND content IS NOT NULL",
                (rs, i) -> rs.getBytes(1), id).stream().findFirst();
    }

    /** Newest first; null filters match everything. */
    public List<StoredSnapshot> list(String status, String supplier, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM supplier_snapshot WHERE true");
        List<Object> args = new ArrayList<>();
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status);
        }
        if (supplier != null) {
            sql.append(" AND supplier = ?");
            args.add(supplier);
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    public int countQuarantined(String supplier) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM supplier_snapshot WHERE supplier = ? AND status = 'quarantined'",
                Integer.class, supplier);
        return n == null ? 0 : n;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** Identifies what a snapshot was read from: the same file read with the same mapping gives the same result. */
    public record Fingerprint(String contentSha256, String mappingSha256) {
    }

    /** @param effectiveAt the timestamp its events carried (at least its snapshot time) */
    public record Accepted(long id, Instant snapshotAt, Instant effectiveAt) {
    }

    public record NewSnapshot(String supplier, String status, String reason, String detail, String origin,
            Instant snapshotAt, String contentSha256, String mappingSha256, long sizeBytes, byte[] content,
            int rowsTotal, int rowsRejected) {
    }
}
