package io.inventorysync.resilience;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import io.inventorysync.support.Events;

/**
 * A seeded stream of events over a few SKUs at the two locations the test channels sell (WH-1 and STORE-1):
 * receipts, returns, sales (some consuming a reservation), reservations and releases (some for orders holding
 * nothing), transfers both ways, delta adjustments, absolute counts, movements that arrive after a newer count
 * (superseded), stale counts, and copies of earlier events re-sent the way a source redelivers. The same seed gives
 * the same stream.
 */
final class EventScript {

    static final List<String> LOCATIONS = List.of("WH-1", "STORE-1");

    private final List<String> skus;
    private final List<List<StockEvent>> batches;
    private final int duplicates;
    private final int distinct;

    private EventScript(List<String> skus, List<List<StockEvent>> batches, int duplicates, int distinct) {
        this.skus = skus;
        this.batches = batches;
        this.duplicates = duplicates;
        this.distinct = distinct;
    }

    static EventScript generate(long seed, String skuPrefix, int skuCount, int batchCount, int batchSize) {
        Random random = new Random(seed);
        List<String> skus = new ArrayList<>();
        for (int i = 1; i <= skuCount; i++) {
            skus.add(String.format("%s-%02d", skuPrefix, i));
        }
        Map<String, Instant> clock = new HashMap<>();
        Map<String, Instant> lastCount = new HashMap<>();
        Map<String, List<String>> openOrders = new HashMap<>();
        List<StockEvent> sent = new ArrayList<>();
        java.util.Set<String> sentIds = new java.util.HashSet<>();
        List<List<StockEvent>> batches = new ArrayList<>();
        int duplicates = 0;
        int sequence = 0;
        for (int b = 0; b < batchCount; b++) {
            List<StockEvent> batch = new ArrayList<>();
            for (int i = 0; i < batchSize; i++) {
                String sku = skus.get(random.nextInt(skus.size()));
                String location = LOCATIONS.get(random.nextInt(LOCATIONS.size()));
                String other = LOCATIONS.get(1 - LOCATIONS.indexOf(location));
                Instant at = clock.getOrDefault(sku, Events.T0).plusMillis(500 + random.nextInt(2500));
                clock.put(sku, at);
                String id = skuPrefix + "-e" + (++sequence);
                List<String> orders = openOrders.computeIfAbsent(sku + "@" + location, k -> new ArrayList<>());
                int roll = random.nextInt(100);
                StockEvent event;
                if (sequence <= skuCount * 2 || roll < 28) {
                    event = new StockEvent(id, "receiving", sku, location, null, 1 + random.nextInt(20), null, null, at);
                } else if (roll < 46) {
                    String order = !orders.isEmpty() && random.nextBoolean() ? orders.remove(random.nextInt(orders.size()))
                            : random.nextBoolean() ? "SO-" + sequence : null;
                    event = new StockEvent(id, "sale", sku, location, null, -(1 + random.nextInt(5)), null, order, at);
                } else if (roll < 56) {
                    String order = "RO-" + sequence;
                    orders.add(order);
                    event = new StockEvent(id, "reserve", sku, location, null, -(1 + random.nextInt(3)), null, order, at);
                } else if (roll < 61) {
                    // a release for an open order, or for one that never held anything here (NOTHING_HELD)
                    String order = !orders.isEmpty() ? orders.remove(random.nextInt(orders.size())) : "NONE-" + sequence;
                    event = new StockEvent(id, "release", sku, location, null, 1 + random.nextInt(4), null, order, at);
                } else if (roll < 71) {
                    event = new StockEvent(id, "transfer", sku, location, other, -(1 + random.nextInt(5)), null, null, at);
                } else if (roll < 76) {
                    event = new StockEvent(id, "return", sku, location, null, 1 + random.nextInt(3), null, null, at);
                } else if (roll < 82) {
                    int change = (1 + random.nextInt(5)) * (random.nextBoolean() ? 1 : -1);
                    event = new StockEvent(id, "adjustment", sku, location, null, change, null, null, at);
                } else if (roll < 91) {
                    event = new StockEvent(id, "adjustment", sku, location, null, null, random.nextInt(40), null, at);
                    lastCount.put(sku + "@" + location, at);
                } else {
                    // arrives after a newer count at its location: a movement the count already includes, or an
                    // older count
                    Instant counted = lastCount.get(sku + "@" + location);
                    Instant late = counted == null ? at : counted.minusMillis(random.nextInt(3000));
                    event = random.nextBoolean()
                            ? new StockEvent(id, "receiving", sku, location, null, 1 + random.nextInt(9), null, null, late)
                            : new StockEvent(id, "adjustment", sku, location, null, null, random.nextInt(40), null, late);
                }
                batch.add(event);
            }
            if (!sent.isEmpty() && random.nextInt(100) < 20) {
                int copies = 1 + random.nextInt(3);
                for (int c = 0; c < copies; c++) {
                    batch.add(random.nextInt(batch.size() + 1), sent.get(random.nextInt(sent.size())));
                    duplicates++;
                }
            }
            batch.stream().filter(e -> sentIds.add(e.id())).forEach(sent::add);
            batches.add(List.copyOf(batch));
        }
        return new EventScript(List.copyOf(skus), List.copyOf(batches), duplicates, sequence);
    }

    List<String> skus() {
        return skus;
    }

    List<List<StockEvent>> batches() {
        return batches;
    }

    /**
     * Where to break in: {@code count} distinct batch numbers drawn from {@code random}, each at least {@code margin}
     * batches from the start and from the end of the script, so the stream is under way and still has work to do.
     */
    TreeSet<Integer> randomBatchNumbers(Random random, int count, int margin) {
        TreeSet<Integer> picked = new TreeSet<>();
        while (picked.size() < count) {
            picked.add(margin + random.nextInt(batches.size() - 2 * margin));
        }
        return picked;
    }

    /** Copies of earlier events the script itself re-sends. */
    int duplicates() {
        return duplicates;
    }

    int distinctEvents() {
        return distinct;
    }

    /** The ledger this script must produce, whatever happens on the way. */
    ExpectedLedger expected() {
        ExpectedLedger ledger = new ExpectedLedger();
        batches.forEach(batch -> batch.forEach(ledger::apply));
        return ledger;
    }
}
