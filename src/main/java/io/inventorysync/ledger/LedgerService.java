package io.inventorysync.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.springframework.transaction.support.TransactionTemplate;

import io.inventorysync.deadletter.DeadLetter;
import io.inventorysync.deadletter.DeadLetterPublisher;
import io.inventorysync.event.InventoryEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Applies one poll's worth of events in one transaction: positions, holds, the applied-event ids and the
 * channels' desired quantities commit together, so a redelivered batch changes nothing twice.
 * Dead letters for the batch are published before the commit: a crash in between re-publishes them on
 * redelivery (a duplicate dead letter, never a lost one).
 */
public class LedgerService {

    static final String STAGE_LEDGER = "ledger";
    static final String STAGE_MAPPING = "mapping";

    private final TransactionTemplate tx;
    private final LedgerRepository repository;
    private final ChannelProjectionWriter projectionWriter;
    private final ChannelProjection projection;
    private final EventDecoder decoder;
    private final DeadLetterPublisher deadLetters;
    private final MeterRegistry meters;
    private final String eventsTopic;
    private final java.time.Duration holdTtl;
    private final Timer decodeTimer;
    private final Timer loadTimer;
    private final Timer applyTimer;
    private final Timer writeTimer;
    private final Timer projectionTimer;
    private final Timer batchTimer;

    public LedgerService(TransactionTemplate tx, LedgerRepository repository, ChannelProjection projection,
            ChannelProjectionWriter projectionWriter, EventDecoder decoder, DeadLetterPublisher deadLetters,
            MeterRegistry meters, LedgerSettings settings) {
        this.tx = tx;
        this.repository = repository;
        this.projection = projection;
        this.projectionWriter = projectionWriter;
        this.decoder = decoder;
        this.deadLetters = deadLetters;
        this.meters = meters;
        this.eventsTopic = settings.eventsTopic();
        this.holdTtl = settings.holdTtl();
        // where a batch's time goes, so a slow ledger can be told apart from a slow database (see docs/benchmarks.md)
        this.decodeTimer = phaseTimer(meters, "decode");
        this.loadTimer = phaseTimer(meters, "load");
        this.applyTimer = phaseTimer(meters, "apply");
        this.writeTimer = phaseTimer(meters, "write");
        this.projectionTimer = phaseTimer(meters, "projection");
        this.batchTimer = Timer.builder("inventory.ledger.batch.duration")
                .description("Time one ledger batch takes, transaction commit included").register(meters);
        // at 0 from the start: the critical alert on it has a series before the first oversold position
        Counter.builder("inventory.negative.salable.quantity")
                .description("Times a SKU x location position went below zero available (oversold)").register(meters);
    }

    private static Timer phaseTimer(MeterRegistry meters, String phase) {
        return Timer.builder("inventory.ledger.batch.phase").tag("phase", phase)
                .description("Time one ledger batch spends in this phase").register(meters);
    }

    public LedgerBatchResult apply(List<LedgerRecord> records) {
        List<InventoryEvent> events = new ArrayList<>();
        List<LedgerRecord> sources = new ArrayList<>();
        int invalid = 0;
        long decodeStart = System.nanoTime();
        for (LedgerRecord record : records) {
            EventDecoder.Decoded decoded = decoder.decode(record.payload());
            if (decoded.event() == null) {
                invalid++;
                deadLetters.publish(new DeadLetter(STAGE_LEDGER, "invalid-event", decoded.error(), eventsTopic,
                        record.key(), null, record.payload()));
            } else {
                events.add(decoded.event());
                sources.add(record);
            }
        }
        decodeTimer.record(System.nanoTime() - decodeStart, TimeUnit.NANOSECONDS);
        int invalidCount = invalid;
        LedgerBatchResult result = events.isEmpty()
                ? new LedgerBatchResult(Map.of(), invalidCount, 0, 0, Set.of())
                : tx.execute(status -> applyValid(events, sources, invalidCount));
        record(result);
        batchTimer.record(System.nanoTime() - decodeStart, TimeUnit.NANOSECONDS);
        return result;
    }

    private LedgerBatchResult applyValid(List<InventoryEvent> events, List<LedgerRecord> sources, int invalid) {
        Set<String> skus = new LinkedHashSet<>();
        Set<List<String>> touched = new LinkedHashSet<>();
        Set<List<String>> orders = new HashSet<>();
        List<String> eventIds = new ArrayList<>();
        for (InventoryEvent e : events) {
            skus.add(e.sku());
            touched.add(List.of(e.sku(), e.locationId()));
            if (e.destinationLocationId() != null) {
                touched.add(List.of(e.sku(), e.destinationLocationId()));
            }
            eventIds.add(dedupKey(e));
            if (e.orderId() != null) {
                orders.add(List.of(e.sku(), e.orderId()));
            }
        }
        long loadStart = System.nanoTime();
        Map<String, Map<String, StockPosition>> positions = new LinkedHashMap<>();
        skus.forEach(sku -> positions.put(sku, new LinkedHashMap<>()));
        lockPositions(skus, touched, positions);
        Reservations reservations = new Reservations();
        repository.loadReservations(orders, reservations);
        Set<String> seen = repository.alreadyApplied(eventIds);
        long applyStart = System.nanoTime();
        loadTimer.record(applyStart - loadStart, TimeUnit.NANOSECONDS);

        StockMovementRules rules = new StockMovementRules(
                (sku, location) -> positions.get(sku).computeIfAbsent(location, l -> StockPosition.empty(sku, l)),
                reservations, holdTtl);
        Map<ApplyOutcome, Integer> outcomes = new EnumMap<>(ApplyOutcome.class);
        Map<LedgerBatchResult.Tally, Integer> tallies = new HashMap<>();
        Map<String, Instant> earliestEventBySku = new HashMap<>();
        List<LedgerRepository.AppliedEvent> applied = new ArrayList<>();
        List<LedgerRepository.NegativePosition> negatives = new ArrayList<>();
        int unmapped = 0;
        Instant now = Instant.now();
        for (int i = 0; i < events.size(); i++) {
            InventoryEvent event = events.get(i);
            ApplyOutcome outcome = seen.add(dedupKey(event)) ? rules.apply(event) : ApplyOutcome.DUPLICATE;
            outcomes.merge(outcome, 1, Integer::sum);
            tallies.merge(new LedgerBatchResult.Tally(event.source(), event.eventType().wireName(), outcome), 1, Integer::sum);
            if (outcome != ApplyOutcome.DUPLICATE) {
                earliestEventBySku.merge(event.sku(), event.timestamp(), (a, b) -> a.isBefore(b) ? a : b);
                applied.add(new LedgerRepository.AppliedEvent(dedupKey(event), event.sku(), event.eventType().wireName(),
                        outcome, event.timestamp()));
                for (StockPosition p : touched(event, positions)) {
                    if (p.refreshNegative(now)) {
                        negatives.add(new LedgerRepository.NegativePosition(p.sku(), p.locationId(), p.available(), event.eventId()));
                    }
                }
            }
            boolean report = outcome != ApplyOutcome.DUPLICATE || sources.get(i).replay();
            if (report && !projection.isMapped(event.sku())) {
                unmapped++;
                deadLetters.publish(new DeadLetter(STAGE_MAPPING, "sku-unmapped",
                        "no channel maps SKU " + event.sku() + "; its stock is in the ledger, no channel shows it",
                        eventsTopic, event.sku(), null, sources.get(i).payload()));
            }
        }
        long writeStart = System.nanoTime();
        applyTimer.record(writeStart - applyStart, TimeUnit.NANOSECONDS);
        List<StockPosition> all = positions.values().stream().flatMap(m -> m.values().stream()).toList();
        repository.savePositions(all);
        repository.saveReservations(reservations.changed());
        repository.recordApplied(applied);
        repository.recordNegative(negatives);
        long projectionStart = System.nanoTime();
        writeTimer.record(projectionStart - writeStart, TimeUnit.NANOSECONDS);
        // each listing carries its SKU's earliest event of the batch: the start of its end-to-end latency
        List<io.inventorysync.channel.DesiredListing> desired = projection.desired(toLists(positions)).stream()
                .map(d -> d.withEventAt(earliestEventBySku.get(d.sku()))).toList();
        Set<String> changed = projectionWriter.write(desired);
        projectionTimer.record(System.nanoTime() - projectionStart, TimeUnit.NANOSECONDS);
        return new LedgerBatchResult(outcomes, invalid, unmapped, negatives.size(), changed, tallies);
    }

    /**
     * Loads and locks every location of the batch's SKUs, creating the touched positions that do not exist yet.
     * Locks first and creates only what is missing: once a SKU is known (nearly always) that is one statement,
     * where creating every touched position up front cost an insert attempt per position and batch.
     */
    private void lockPositions(Set<String> skus, Set<List<String>> touched, Map<String, Map<String, StockPosition>> into) {
        repository.lockPositions(skus).forEach(p -> into.get(p.sku()).put(p.locationId(), p));
        List<List<String>> missing = touched.stream().filter(k -> !into.get(k.get(0)).containsKey(k.get(1))).toList();
        if (missing.isEmpty()) {
            return;
        }
        // a row created by a concurrent applier after this statement's snapshot is found by the second lock
        repository.ensurePositions(missing);
        Set<String> newSkus = new TreeSet<>();
        missing.forEach(k -> newSkus.add(k.get(0)));
        repository.lockPositions(newSkus).forEach(p -> into.get(p.sku()).put(p.locationId(), p));
    }

    /** Event ids are the sources' own: two sources may both send id "1", so the key is namespaced by source. */
    static String dedupKey(InventoryEvent event) {
        return event.source() + "/" + event.eventId();
    }

    private static List<StockPosition> touched(InventoryEvent event, Map<String, Map<String, StockPosition>> positions) {
        Map<String, StockPosition> bySku = positions.get(event.sku());
        List<StockPosition> touched = new ArrayList<>(2);
        touched.add(bySku.get(event.locationId()));
        if (event.destinationLocationId() != null && bySku.containsKey(event.destinationLocationId())) {
            touched.add(bySku.get(event.destinationLocationId()));
        }
        return touched;
    }

    private static Map<String, List<StockPosition>> toLists(Map<String, Map<String, StockPosition>> positions) {
        Map<String, List<StockPosition>> lists = new HashMap<>();
        positions.forEach((sku, byLocation) -> lists.put(sku, List.copyOf(byLocation.values())));
        return lists;
    }

    private void record(LedgerBatchResult result) {
        result.tallies().forEach((tally, n) -> meters.counter("inventory.events.processed", "source", tally.source(),
                "type", tally.type(), "outcome", tally.outcome().name().toLowerCase()).increment(n));
        if (result.invalid() > 0) {
            meters.counter("inventory.events.invalid").increment(result.invalid());
        }
        if (result.unmapped() > 0) {
            meters.counter("inventory.sku.unmapped").increment(result.unmapped());
        }
        if (result.negatives() > 0) {
            meters.counter("inventory.negative.salable.quantity").increment(result.negatives());
        }
    }

    /** Writes desired listing quantities inside the ledger transaction; returns the channels that changed. */
    @FunctionalInterface
    public interface ChannelProjectionWriter {
        Set<String> write(List<io.inventorysync.channel.DesiredListing> desired);
    }
}
