package io.inventorysync.supplier;

import java.util.Locale;
import java.util.Optional;

import io.inventorysync.supplier.ParsedSnapshot.Trailer;

/**
 * Keeps a broken export from wiping stock: a snapshot with no data rows, fewer rows than the supplier always has,
 * without its trailer (or with a trailer that counts other rows than the file has), or one that would set more than
 * a given share of the supplier's stocked SKUs to 0 is quarantined. Checked in that order; the first failed
 * check is the reason.
 *
 * @param minRows        fewest data rows a complete file has (rejected rows count; header and trailer do not)
 * @param maxZeroedShare largest share (0..1) of the supplier's stocked SKU x locations one snapshot may set to 0
 */
public record SnapshotGuard(int minRows, double maxZeroedShare) {

    public SnapshotGuard {
        if (minRows < 1 || maxZeroedShare < 0 || maxZeroedShare > 1) {
            throw new IllegalArgumentException("minRows must be at least 1 and maxZeroedShare between 0 and 1");
        }
    }

    /** The checks that need only the file. */
    public Optional<Quarantine> checkFile(ParsedSnapshot snapshot) {
        if (snapshot.dataRows() == 0) {
            return Optional.of(new Quarantine("empty-file", "the file has no data rows"));
        }
        if (snapshot.trailer() == Trailer.MISSING) {
            return Optional.of(new Quarantine("trailer-missing",
                    "the file does not end with its trailer line: it was probably cut short"));
        }
        if (snapshot.trailerRows() != null && snapshot.trailerRows() != snapshot.dataRows()) {
            return Optional.of(new Quarantine("trailer-mismatch", "the trailer declares " + snapshot.trailerRows()
                    + " rows, the file has " + snapshot.dataRows()));
        }
        if (snapshot.dataRows() < minRows) {
            return Optional.of(new Quarantine("too-few-rows", "the file has " + snapshot.dataRows()
                    + " data rows, fewer than minRows " + minRows));
        }
        return Optional.empty();
    }

    /** The check that needs the comparison with the last accepted snapshot. */
    public Optional<Quarantine> checkChanges(SnapshotDiff diff) {
        if (diff.zeroedShare() > maxZeroedShare) {
            return Optional.of(new Quarantine("mass-zeroing", String.format(Locale.ROOT,
                    "it would set %d of the supplier's %d stocked SKUs to 0 (%.0f%%, more than maxZeroedShare %.0f%%)",
                    diff.zeroed(), diff.stocked(), diff.zeroedShare() * 100, maxZeroedShare * 100)));
        }
        return Optional.empty();
    }
}
