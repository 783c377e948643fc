package io.inventorysync.supplier;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.inventorysync.event.EventIdDeriver;
import io.inventorysync.event.EventType;
import io.inventorysync.event.InventoryEvent;
import io.inventorysync.supplier.SupplierSnapshotStore.Accepted;

/**
 * Applies a snapshot that passed the guard (or that an operator approved): publishes its changed counts as
 * absolute {@code inventory.adjustment} events and, only once Kafka acknowledged them all, records it as the
 * supplier's accepted snapshot, with its rejected rows as dead letters. Runs inside the caller's transaction,
 * under the supplier's lock. A crash between publishing and commit publishes the same events again next time (same
 * time, same derived ids): the ledger drops them as duplicates.
 */
public class SnapshotApplier {

    private final SupplierSnapshotStore store;
    private final SupplierEventEmitter emitter;
    private final SupplierDeadLetters deadLetters;
    private final SupplierFeedMetrics metrics;
    private final EventIdDeriver ids = new EventIdDeriver();

    public SnapshotApplier(SupplierSnapshotStore store, SupplierEventEmitter emitter, SupplierDeadLetters deadLetters,
            SupplierFeedMetrics metrics) {
        this.store = store;
        this.emitter = emitter;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    /** This snapshot in our terms, compared with the supplier's accepted counts. */
    public Evaluation evaluate(SupplierFeed feed, ParsedSnapshot parsed, SupplierSkuMapping mapping) {
        MappedSnapshot mapped = MappedSnapshot.map(parsed, mapping, feed.settings().locations());
        SnapshotDiff diff = SnapshotDiff.compare(store.acceptedStock(feed.name()), mapped.counts(), mapped.uncertainSkus(),
                feed.settings().missingSku(), feed.settings().emitAll());
        return new Evaluation(mapped, diff);
    }

    /**
     * The timestamp the snapshot's counts carry: its own time, but after the accepted snapshot's, since the ledger
     * ignores a count at or before the last one (the same file read again after a mapping change, or two versions
     * of a file within one second of HTTP Last-Modified, would otherwise be dropped there).
     */
    public static Instant effectiveTime(Instant snapshotAt, Optional<Accepted> accepted) {
        if (accepted.isPresent() && !snapshotAt.isAfter(accepted.get().effectiveAt())) {
            return accepted.get().effectiveAt().plus(1, ChronoUnit.MILLIS);
        }
        return snapshotAt;
    }

    /** @return the number of events published */
    public int apply(SupplierFeed feed, long snapshotId, String origin, Evaluation evaluation, Instant effectiveAt,
            boolean approved) {
        String supplier = feed.name();
        List<InventoryEvent> events = evaluation.diff().changes().stream()
                .map(change -> absoluteCount(supplier, change, effectiveAt)).toList();
        emitter.emit(events);
        store.saveStock(supplier, snapshotId, evaluation.diff().changes());
        List<RejectedRow> rejected = evaluation.mapped().rejected();
        store.markApplied(snapshotId, effectiveAt, evaluation.mapped().dataRows(), rejected.size(), events.size(), approved);
        deadLetters.rejectedRows(supplier, snapshotId, origin, rejected, feed.settings().maxRowDeadLetters());
        store.pruneFiles(supplier, feed.settings().keepFiles());
        metrics.events(supplier, events.size());
        Map<String, Long> byReason = rejected.stream().collect(Collectors.groupingBy(RejectedRow::reason, Collectors.counting()));
        byReason.forEach((reason, n) -> metrics.rowsRejected(supplier, reason, n.intValue()));
        return events.size();
    }

    private InventoryEvent absoluteCount(String supplier, StockChange change, Instant at) {
        InventoryEvent event = new InventoryEvent(null, EventType.ADJUSTMENT, change.key().sku(), change.key().locationId(),
                null, null, change.count(), null, at, supplier);
        return ids.withIdIfAbsent(event);
    }

    /** A snapshot in our terms and what it changes. */
    public record Evaluation(MappedSnapshot mapped, SnapshotDiff diff) {
    }

}
