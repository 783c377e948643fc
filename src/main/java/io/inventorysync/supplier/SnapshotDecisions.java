package io.inventorysync.supplier;

import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import io.inventorysync.supplier.SupplierSnapshotStore.Accepted;

/**
 * An operator's decision on a quarantined snapshot. Approving applies it as it is, without the guard, compared with
 * the supplier's accepted counts at the time of approval; it takes the supplier's lock like a poll. A snapshot
 * older than the accepted one cannot be approved: the ledger would ignore its counts.
 */
public class SnapshotDecisions {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotDecisions.class);

    private final SupplierFeeds feeds;
    private final SupplierSnapshotStore store;
    private final SnapshotApplier applier;
    private final SupplierFeedMetrics metrics;
    private final TransactionTemplate tx;

    public SnapshotDecisions(SupplierFeeds feeds, SupplierSnapshotStore store, SnapshotApplier applier,
            SupplierFeedMetrics metrics, TransactionTemplate tx) {
        this.feeds = feeds;
        this.store = store;
        this.applier = applier;
        this.metrics = metrics;
        this.tx = tx;
    }

    public Decision approve(long id) {
        Decision decision = tx.execute(status -> approveLocked(id));
        if (decision.kind() == Decision.Kind.DONE) {
            metrics.outcome(decision.snapshot().supplier(), PollOutcome.APPROVED);
        }
        return decision;
    }

    public Decision dismiss(long id) {
        Decision decision = tx.execute(status -> {
            Optional<StoredSnapshot> snapshot = store.findForUpdate(id);
            if (snapshot.isEmpty()) {
                return Decision.of(Decision.Kind.NOT_FOUND, null, "no supplier snapshot " + id);
            }
            if (!store.markRejected(id)) {
                return Decision.of(Decision.Kind.CONFLICT, snapshot.get(), "snapshot " + id + " is "
                        + snapshot.get().status() + ", not quarantined");
            }
            return new Decision(Decision.Kind.DONE, store.find(id).orElseThrow(), 0, null);
        });
        if (decision.kind() == Decision.Kind.DONE) {
            metrics.outcome(decision.snapshot().supplier(), PollOutcome.DISMISSED);
        }
        return decision;
    }

    private Decision approveLocked(long id) {
        Optional<StoredSnapshot> found = store.findForUpdate(id);
        if (found.isEmpty()) {
            return Decision.of(Decision.Kind.NOT_FOUND, null, "no supplier snapshot " + id);
        }
        StoredSnapshot snapshot = found.get();
        if (!StoredSnapshot.QUARANTINED.equals(snapshot.status())) {
            return Decision.of(Decision.Kind.CONFLICT, snapshot, "snapshot " + id + " is " + snapshot.status()
                    + ", not quarantined");
        }
        Optional<SupplierFeed> feed = feeds.find(snapshot.supplier());
        if (feed.isEmpty()) {
            return Decision.of(Decision.Kind.CONFLICT, snapshot, "supplier " + snapshot.supplier() + " is not configured any more");
        }
        if (!store.tryLock(snapshot.supplier())) {
            return Decision.of(Decision.Kind.BUSY, snapshot, "supplier " + snapshot.supplier()
                    + " is being polled right now; try again in a moment");
        }
        Optional<Accepted> accepted = store.lastAccepted(snapshot.supplier());
        if (accepted.isPresent() && snapshot.snapshotAt().isBefore(accepted.get().snapshotAt())) {
            return Decision.of(Decision.Kind.CONFLICT, snapshot, "snapshot " + id + " was taken before the accepted snapshot "
                    + accepted.get().id() + "; the ledger would ignore its counts");
        }
        byte[] content = store.content(id).orElse(null);
        if (content == null) {
            return Decision.of(Decision.Kind.CONFLICT, snapshot, "the file of snapshot " + id + " is no longer stored");
        }
        ParsedSnapshot parsed;
        try {
            parsed = feed.get().parser().parse(content);
        } catch (SnapshotFormatException e) {
            return Decision.of(Decision.Kind.UNREADABLE, snapshot, "snapshot " + id + " cannot be applied: " + e.getMessage());
        }
        SnapshotApplier.Evaluation evaluation = applier.evaluate(feed.get(), parsed, feed.get().mapping());
        Instant effectiveAt = SnapshotApplier.effectiveTime(snapshot.snapshotAt(), accepted);
        int events = applier.apply(feed.get(), id, snapshot.origin(), evaluation, effectiveAt, true);
        LOG.info("supplier {}: quarantined snapshot {} ({}) approved and applied: {} changed counts published",
                snapshot.supplier(), id, snapshot.reason(), events);
        return new Decision(Decision.Kind.DONE, store.find(id).orElseThrow(), events, null);
    }

    /**
     * @param events the changed counts published (approve)
     * @param error  why nothing was done, for the answer
     */
    public record Decision(Kind kind, StoredSnapshot snapshot, int events, String error) {

        public enum Kind { DONE, NOT_FOUND, CONFLICT, BUSY, UNREADABLE }

        static Decision of(Kind kind, StoredSnapshot snapshot, String error) {
            return new Decision(kind, snapshot, 0, error);
        }
    }
}
