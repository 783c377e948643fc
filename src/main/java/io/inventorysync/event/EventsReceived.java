package io.inventorysync.event;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts events onto the events topic per source and type, {@code inventory.events.received{source,type}}, whichever
 * way they came in: the webhook (counted when it answers 202), a supplier snapshot's absolute counts, the releases of
 * lapsed holds. With {@code inventory.events.processed{source,type,outcome}} on the ledger's side this gives events in
 * and out per source. Sources are the configured ones (authenticated webhook sources, supplier names), so the tag
 * stays low-cardinality.
 */
public final class EventsReceived {

    public static final String NAME = "inventory.events.received";

    private EventsReceived() {
    }

    public static void count(MeterRegistry meters, Collection<InventoryEvent> events) {
        if (meters == null || events.isEmpty()) {
            return;
        }
        Map<Map.Entry<String, String>, Long> tally = events.stream().collect(Collectors.groupingBy(
                e -> Map.entry(String.valueOf(e.source()), e.eventType().wireName()), Collectors.counting()));
        tally.forEach((key, n) -> meters.counter(NAME, "source", key.getKey(), "type", key.getValue()).increment(n));
    }

    /** Same, for events of one source and type only known by number. */
    public static void count(MeterRegistry meters, String source, EventType type, long n) {
        if (meters != null && n > 0) {
            meters.counter(NAME, "source", source, "type", type.wireName()).increment(n);
        }
    }
}
