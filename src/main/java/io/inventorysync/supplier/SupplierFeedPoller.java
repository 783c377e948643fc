package io.inventorysync.supplier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import io.inventorysync.monitor.JobOutcome;
import io.inventorysync.supplier.SupplierSnapshotStore.Accepted;
import io.inventorysync.supplier.SupplierSnapshotStore.Fingerprint;
import io.inventorysync.supplier.SupplierSnapshotStore.NewSnapshot;

/**
 * One poll of one supplier, called by the {@code supplier-feed-ingest} route on its Quartz schedule. In one
 * transaction that holds the supplier's advisory lock (so only one instance polls a supplier at a time): fetch the
 * snapshot, skip it when it is the file last recorded (same content and mapping), read it, guard it, then either
 * quarantine it (stored, dead-lettered, not applied) or apply it. Never throws: a failed poll is logged, counted
 * and retried at the next schedule, with nothing recorded.
 */
public class SupplierFeedPoller {

    /** Header naming the supplier to poll. */
    public static final String SUPPLIER_HEADER = "inventorySyncSupplier";

    private static final Logger LOG = LoggerFactory.getLogger(SupplierFeedPoller.class);

    private final SupplierFeeds feeds;
    private final SupplierSnapshotStore store;
    private final SnapshotApplier applier;
    private final SupplierDeadLetters deadLetters;
    private final SupplierFeedMetrics metrics;
    private final TransactionTemplate tx;

    public SupplierFeedPoller(SupplierFeeds feeds, SupplierSnapshotStore store, SnapshotApplier applier,
            SupplierDeadLetters deadLetters, SupplierFeedMetrics metrics, TransactionTemplate tx) {
        this.feeds = feeds;
        this.store = store;
        this.applier = applier;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.tx = tx;
    }

    public PollOutcome poll(@Header(SUPPLIER_HEADER) String supplier) {
        return pollAndReport(supplier, null);
    }

    /** The route's entry point: a poll, reported to the supplier's monitor (rows read, rows rejected, or why not). */
    public PollOutcome pollAndReport(@Header(SUPPLIER_HEADER) String supplier, Exchange exchange) {
        SupplierFeed feed = feeds.get(supplier);
        PollOutcome outcome;
        JobOutcome job;
        try {
            Result result = tx.execute(status -> pollLocked(feed));
            outcome = result.outcome();
            job = result.job();
            handled(supplier, result.afterCommit());
        } catch (RuntimeException e) {
            LOG.warn("supplier {}: poll failed, nothing recorded; the next poll tries again: {}", supplier, e.toString());
            LOG.debug("supplier {}: poll failure", supplier, e);
            outcome = PollOutcome.FAILED;
            job = JobOutcome.failed(e.toString());
        }
        metrics.outcome(supplier, outcome);
        if (exchange != null) {
            JobOutcome.report(exchange, job);
        }
        return outcome;
    }

    private static void handled(String supplier, Runnable afterCommit) {
        try {
            afterCommit.run();
        } catch (RuntimeException e) {
            // recorded already; the file is recognised by its hash next time
            LOG.warn("supplier {}: {}", supplier, e.getMessage());
        }
    }

    private Result pollLocked(SupplierFeed feed) {
        String supplier = feed.name();
        if (!store.tryLock(supplier)) {
            return new Result(PollOutcome.BUSY, () -> { });
        }
        Optional<FetchedSnapshot> fetched;
        try {
            fetched = feed.fetcher().fetch();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fetch the snapshot: " + e.getMessage(), e);
        }
        if (fetched.isEmpty()) {
            return new Result(PollOutcome.NO_FILE, () -> { });
        }
        FetchedSnapshot snapshot = fetched.get();
        SupplierSkuMapping mapping = feed.mapping();
        Fingerprint fingerprint = new Fingerprint(SupplierSkuMapping.sha256(snapshot.content()), mapping.sha256());
        if (store.lastFingerprint(supplier).filter(fingerprint::equals).isPresent()) {
            return new Result(PollOutcome.UNCHANGED, snapshot.whenHandled());
        }
        Optional<Accepted> accepted = store.lastAccepted(supplier);
        if (accepted.isPresent() && snapshot.snapshotAt().isBefore(accepted.get().snapshotAt())) {
            store.insert(record(supplier, StoredSnapshot.STALE, null, "taken at " + snapshot.snapshotAt()
                    + ", before the accepted snapshot " + accepted.get().id(), snapshot, fingerprint, null, 0));
            LOG.warn("supplier {}: {} is older than the accepted snapshot; not applied", supplier, snapshot.origin());
            return new Result(PollOutcome.STALE, snapshot.whenHandled());
        }
        ParsedSnapshot parsed;
        try {
            parsed = feed.parser().parse(snapshot.content());
        } catch (SnapshotFormatException e) {
            return quarantine(feed, snapshot, fingerprint, new Quarantine(e.reason(), e.getMessage()), 0);
        }
        Optional<Quarantine> problem = feed.settings().guard().checkFile(parsed);
        if (problem.isPresent()) {
            return quarantine(feed, snapshot, fingerprint, problem.get(), parsed.dataRows());
        }
        SnapshotApplier.Evaluation evaluation = applier.evaluate(feed, parsed, mapping);
        problem = feed.settings().guard().checkChanges(evaluation.diff());
        if (problem.isPresent()) {
            return quarantine(feed, snapshot, fingerprint, problem.get(), parsed.dataRows());
        }
        long id = store.insert(record(supplier, StoredSnapshot.APPLIED, null, null, snapshot, fingerprint,
                snapshot.content(), parsed.dataRows()));
        Instant effectiveAt = SnapshotApplier.effectiveTime(snapshot.snapshotAt(), accepted);
        int events = applier.apply(feed, id, snapshot.origin(), evaluation, effectiveAt, false);
        LOG.info("supplier {}: snapshot {} from {} applied: {} rows, {} changed counts published, {} rows rejected",
                supplier, id, snapshot.origin(), parsed.dataRows(), events, evaluation.mapped().rejected().size());
        return new Result(PollOutcome.APPLIED, snapshot.whenHandled(), JobOutcome.completed(parsed.dataRows(),
                evaluation.mapped().rejected().size(), "rows rejected (see the row-invalid and sku-unmapped dead letters)"));
    }

    private Result quarantine(SupplierFeed feed, FetchedSnapshot snapshot, Fingerprint fingerprint, Quarantine quarantine,
            int rows) {
        String supplier = feed.name();
        long id = store.insert(record(supplier, StoredSnapshot.QUARANTINED, quarantine.reason(), quarantine.detail(),
                snapshot, fingerprint, snapshot.content(), rows));
        deadLetters.quarantined(supplier, id, snapshot.origin(), quarantine, snapshot.content());
        metrics.quarantined(supplier, quarantine.reason());
        LOG.warn("supplier {}: snapshot {} from {} quarantined ({}): {}; approve it with POST /api/v1/supplier-snapshots/{}/approve",
                supplier, id, snapshot.origin(), quarantine.reason(), quarantine.detail(), id);
        return new Result(PollOutcome.QUARANTINED, snapshot.whenHandled(), JobOutcome.failed("snapshot " + id
                + " quarantined (" + quarantine.reason() + "): " + quarantine.detail()));
    }

    private static NewSnapshot record(String supplier, String status, String reason, String detail,
            FetchedSnapshot snapshot, Fingerprint fingerprint, byte[] content, int rows) {
        return new NewSnapshot(supplier, status, reason, detail, snapshot.origin(), snapshot.snapshotAt(),
                fingerprint.contentSha256(), fingerprint.mappingSha256(), snapshot.content().length, content, rows, 0);
    }

    /**
     * @param afterCommit what to do with the fetched file once the transaction committed
     * @param job         the poll as its monitor sees it
     */
    private record Result(PollOutcome outcome, Runnable afterCommit, JobOutcome job) {
        Result(PollOutcome outcome, Runnable afterCommit) {
            this(outcome, afterCommit, outcome == PollOutcome.BUSY ? JobOutcome.skipped("another instance polls it")
                    : JobOutcome.completed(0, 0));
        }
    }
}
