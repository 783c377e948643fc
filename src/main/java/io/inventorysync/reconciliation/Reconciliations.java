package io.inventorysync.reconciliation;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.inventorysync.connector.ConnectorDefinition;
import io.inventorysync.mapping.SkuMappings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Runs reconciliations: compares a channel with what we last pushed there, records and counts the differences, and —
 * unless they exceed the guard rail's share of the listings compared — corrects them through the normal dispatch
 * path. A held run is corrected only when an operator {@link #apply applies} it: a mass difference more likely means
 * a wrong mapping or a channel-side import than drift, and "correcting" it could overwrite a whole shop.
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
    private final Map<String, AtomicReference<Double>> lastRates = new ConcurrentHashMap<>();

    public Reconciliations(ReconciliationStore store, ChannelReaders readers, SkuMappings mappings,
            ReconciliationSettings settings, MeterRegistry meters) {
        this.store = store;
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
        return store.begin(channel, trigger, maxDifferenceShare(definition), settings.getStaleAfter())
                .orElseThrow(() -> new ReconciliationAlreadyRunningException(channel));
    }

    /** Compares, records, and corrects or holds; never throws (a failure is recorded on the run). */
    public void execute(long runId, String channel) {
        try {
            ConnectorDefinition definition = readers.channel(channel);
            int chunkSize = Integer.parseInt(definition.setting("reconcileChunkSize", String.valueOf(settings.getChunkSize())));
            ChunkedComparison comparison = new ChunkedComparison((after, limit) -> store.pushedListings(channel, after, limit),
                    sku -> mappings.listing(channel, sku), readers.reader(channel), chunkSize);
            ComparisonResult result = comparison.run(differences -> store.recordDifferences(runId, differences));
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
            LOG.info("Reconciliation {} of {}: {} compared, {} differ, {} unreadable; {}", runId, channel,
                    result.compared(), result.differences(), result.unreadable(),
                    held ? "HELD (over the guard rail), nothing corrected" : corrections + " corrections requested");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            store.fail(runId, "interrupted (shutdown) before its corrections");
        } catch (Exception e) {
            LOG.warn("Reconciliation {} of {} failed", runId, channel, e);
            store.fail(runId, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Scheduled entry point (the {@code reconciliation} route): one run, in the calling thread. */
    public void reconcile(String channel) {
        try {
            execute(begin(channel, "schedule"), channel);
        } catch (ReconciliationAlreadyRunningException | IllegalArgumentException e) {
            LOG.info("Skipping scheduled reconciliation: {}", e.getMessage());
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
