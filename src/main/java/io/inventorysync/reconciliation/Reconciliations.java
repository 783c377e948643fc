package io.inventorysync.reconciliation;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.inventorysync.channel.control.ChannelControls;
import io.inventorysync.connector.ConnectorDefinition;
import io.inventorysync.mapping.SkuMappings;
import io.inventorysync.monitor.JobOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Runs reconciliations: compares a channel with what we last pushed there, records and counts the differences, and —
 * unless they exceed the guard rail's share of the listings compared — corrects them through the normal dispatch
 * path. A held run is corrected only when an operator {@link #apply applies} it: a mass difference more likely means
 * a wrong mapping or a channel-side import than drift, and "correcting" it could overwrite a whole shop.
 * <p>
 * A channel in shadow mode (pushes disabled, e.g. while another system still feeds it) is compared with what the
 * pipeline <em>would</em> publish instead; its differences are what the pipeline would change, and nothing is ever
 * corrected (so the guard rail has nothing to hold).
 */
public class Reconciliations {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciliations.class);
    public static final String DISCREPANCIES = "inventory.reconciliation.discrepancies";
    public static final String DISCREPANCY_RATE = "inventory.reconciliation.discrepancy.rate";

    private final ReconciliationStore store;
    private final ChannelReaders readers;
    private final SkuMappings mappings;
    private final ReconciliationSettings settings;
    private final MeterRegistry meters;
    private final ChannelControls controls;
    private final HeldRunNotifier heldRuns;
    private final Map<String, AtomicReference<Double>> lastRates = new ConcurrentHashMap<>();

    public Reconciliations(ReconciliationStore store, ChannelReaders readers, SkuMappings mappings,
            ReconciliationSettings settings, MeterRegistry meters, ChannelControls controls, HeldRunNotifier heldRuns) {
        this.store = store;
        this.controls = controls;
        this.heldRuns = heldRuns;
        this.readers = readers;
        this.mappings = mappings;
        this.settings = settings;
        this.meters = meters;
    }

    /**
     * Records a new run for the channel.
     *
     * @throws IllegalArgumentException               for an unknown channel
     * @throws ReconciliationAlreadyRunningException  if one is running
     */
    public long begin(String channel, String trigger) {
        ConnectorDefinition definition = readers.channel(channel);
        String mode = controls.shadow(channel) ? ReconciliationRun.SHADOW : ReconciliationRun.LIVE;
        return store.begin(channel, trigger, maxDifferenceShare(definition), settings.getStaleAfter(), mode)
                .orElseThrow(() -> new ReconciliationAlreadyRunningException(channel));
    }

    /** Compares, records, and corrects or holds; never throws (a failure is recorded on the run and returned). */
    public JobOutcome execute(long runId, String channel) {
        try {
            ConnectorDefinition definition = readers.channel(channel);
            int chunkSize = Integer.parseInt(definition.setting("reconcileChunkSize", String.valueOf(settings.getChunkSize())));
            boolean shadow = ReconciliationRun.SHADOW.equals(store.mode(runId));
            ChunkedComparison comparison = new ChunkedComparison((after, limit) -> shadow
                    ? store.wouldPublishListings(channel, after, limit) : store.pushedListings(channel, after, limit),
                    sku -> mappings.listing(channel, sku), readers.reader(channel), chunkSize);
            ComparisonResult result = comparison.run(differences -> store.recordDifferences(runId, differences),
                    soFar -> store.progress(runId, soFar));
            if (shadow) {
                count(channel, result);
                store.finish(runId, ReconciliationRun.DONE, result);
                LOG.info("Shadow reconciliation {} of {}: {} compared, {} unreadable; the pipeline would change {}"
                        + " (nothing corrected: shadow mode)", runId, channel, result.compared(), result.unreadable(),
                        result.differences());
                return JobOutcome.completed(result.compared() + result.unreadable(), result.unreadable(),
                        "listings unreadable");
            }
            boolean held = result.discrepancyRate() > maxDifferenceShare(definition);
            count(channel, result);
            int corrections = 0;
            if (!held) {
                if (result.differences() > 0 && !settings.getSettle().isZero()) {
                    Thread.sleep(settings.getSettle().toMillis());
                }
                corrections = store.applyCorrections(runId, channel, chunkSize);
            }
            store.finish(runId, held ? ReconciliationRun.HELD : ReconciliationRun.DONE, result);
            if (held) {
                heldRuns.held(channel, runId, "Reconciliation %d of %s is held: %d of %d listings (%.1f %%) differ from what"
                        .formatted(runId, channel, result.differences(), result.compared(), 100 * result.discrepancyRate())
                        + " was pushed, over the guard rail of %.1f %%. Nothing was corrected. Check the read-back and the"
                        .formatted(100 * maxDifferenceShare(definition))
                        + " mappings, then POST /api/v1/reconciliations/" + runId + "/apply to correct.");
            } else {
                heldRuns.settled(channel, "reconciliation " + runId + " of " + channel + " found drift within the guard rail");
            }
            LOG.info("Reconciliation {} of {}: {} compared, {} differ, {} unreadable; {}", runId, channel,
                    result.compared(), result.differences(), result.unreadable(),
                    held ? "HELD (over the guard rail), nothing corrected" : corrections + " corrections requested");
            return JobOutcome.completed(result.compared() + result.unreadable(), result.unreadable(), "listings unreadable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            store.fail(runId, "interrupted (shutdown) before its corrections");
            return JobOutcome.failed("reconciliation " + runId + " interrupted (shutdown) before its corrections");
        } catch (Exception e) {
            LOG.warn("Reconciliation {} of {} failed", runId, channel, e);
            store.fail(runId, e.getClass().getSimpleName() + ": " + e.getMessage());
            return JobOutcome.failed("reconciliation " + runId + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Scheduled entry point (the {@code reconciliation} route): one run, in the calling thread; its monitor's outcome. */
    public JobOutcome reconcile(String channel) {
        try {
            return execute(begin(channel, "schedule"), channel);
        } catch (ReconciliationAlreadyRunningException | IllegalArgumentException e) {
            LOG.info("Skipping scheduled reconciliation: {}", e.getMessage());
            return JobOutcome.skipped(e.getMessage());
        }
    }

    /** Applies a held run's corrections; empty when no such held run exists. */
    public Optional<ReconciliationRun> apply(long runId) {
        Optional<String> channel = store.release(runId);
        if (channel.isEmpty()) {
            return Optional.empty();
        }
        int chunkSize = Integer.parseInt(readers.channel(channel.get())
                .setting("reconcileChunkSize", String.valueOf(settings.getChunkSize())));
        int corrections = store.applyCorrections(runId, channel.get(), chunkSize);
        LOG.info("Held reconciliation {} of {} applied by an operator: {} corrections requested", runId, channel.get(),
                corrections);
        heldRuns.settled(channel.get(), "held reconciliation " + runId + " applied by an operator");
        return store.find(runId);
    }

    private double maxDifferenceShare(ConnectorDefinition channel) {
        return Double.parseDouble(channel.setting("reconcileMaxDifferenceShare",
                String.valueOf(settings.getMaxDifferenceShare())));
    }

    private void count(String channel, ComparisonResult result) {
        Counter.builder(DISCREPANCIES).description("Listings whose channel quantity differed from the pushed one")
                .tag("channel", channel).register(meters).increment(result.differences());
        lastRates.computeIfAbsent(channel, c -> {
            AtomicReference<Double> rate = new AtomicReference<>(0.0);
            Gauge.builder(DISCREPANCY_RATE, rate, AtomicReference::get)
                    .description("Share of the listings compared that differed, in the channel's last reconciliation")
                    .tag("channel", c).register(meters);
            return rate;
        }).set(result.discrepancyRate());
    }
}
