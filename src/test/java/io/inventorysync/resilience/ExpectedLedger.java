package io.inventorysync.resilience;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The test's own computation of what the ledger must hold, written from the event semantics in the README rather
 * than from the ledger's code: events of one SKU apply in the order the source sent them (first copy only; a
 * re-sent copy changes nothing), deltas add, an absolute count replaces on hand and makes older movements and
 * counts at its location no-ops, a sale consumes its order's hold first, holds lapse only after the test (the
 * apps run with a day-long hold TTL).
 */
final class ExpectedLedger {

    /** On hand, reserved and the time of the newest applied count of one SKU at one location. */
    static final class Position {
        long onHand;
        long reserved;
        Instant lastCount;

        long available() {
            return onHand - reserved;
        }

        boolean includes(Instant at) {
            return lastCount != null && !at.isAfter(lastCount);
        }
    }

    private final Map<List<String>, Position> positions = new TreeMap<>(ExpectedLedger::compareKeys);
    private final Map<List<String>, Long> holds = new TreeMap<>(ExpectedLedger::compareKeys);
    private final Map<String, String> outcomes = new LinkedHashMap<>();

    /** Applies the first copy of an event; returns the outcome the ledger must record for it. */
    String apply(StockEvent e) {
        if (outcomes.containsKey(e.id())) {
            return "DUPLICATE";
        }
        String outcome = switch (e.type()) {
            case "adjustment" -> e.isAbsolute() ? count(at(e.sku(), e.location()), e.newAvailable(), e.at())
                    : delta(at(e.sku(), e.location()), e.change(), e.at());
            case "receiving", "return" -> delta(at(e.sku(), e.location()), e.change(), e.at());
            case "sale" -> sale(e);
            case "reserve", "release" -> hold(e);
            case "transfer" -> transfer(e);
            default -> throw new IllegalArgumentException(e.type());
        };
        outcomes.put(e.id(), outcome);
        return outcome;
    }

    Map<List<String>, Position> positions() {
        return positions;
    }

    /** Holds still standing, by (sku, location, order). */
    Map<List<String>, Long> holds() {
        Map<List<String>, Long> standing = new TreeMap<>(ExpectedLedger::compareKeys);
        holds.forEach((key, quantity) -> {
            if (quantity > 0) {
                standing.put(key, quantity);
            }
        });
        return standing;
    }

    /** Outcome per event id, first copies only. */
    Map<String, String> outcomes() {
        return outcomes;
    }

    /** What a channel selling {@code locations} with no buffer, 100 % and no cap shows for {@code sku}. */
    int sellable(String sku, List<String> locations) {
        long available = 0;
        for (String location : locations) {
            Position p = positions.get(List.of(sku, location));
            available += p == null ? 0 : p.available();
        }
        return (int) Math.max(0, available);
    }

    private Position at(String sku, String location) {
        return positions.computeIfAbsent(List.of(sku, location), k -> new Position());
    }

    private static String count(Position p, long count, Instant at) {
        if (p.lastCount != null && !at.isAfter(p.lastCount)) {
            return "STALE_ABSOLUTE";
        }
        p.onHand = count;
        p.lastCount = at;
        return "APPLIED";
    }

    private static String delta(Position p, long change, Instant at) {
        if (p.includes(at)) {
            return "SUPERSEDED";
        }
        p.onHand += change;
        return "APPLIED";
    }

    private String sale(StockEvent e) {
        Position p = at(e.sku(), e.location());
        if (e.order() != null) {
            List<String> key = List.of(e.sku(), e.location(), e.order());
            long held = holds.getOrDefault(key, 0L);
            long consumed = Math.min(held, -e.change());
            holds.put(key, held - consumed);
            p.reserved -= consumed;
        }
        return delta(p, e.change(), e.at());
    }

    private String hold(StockEvent e) {
        Position p = at(e.sku(), e.location());
        List<String> key = List.of(e.sku(), e.location(), e.order());
        long held = holds.getOrDefault(key, 0L);
        long next = Math.max(0, held - e.change()); // reserve carries a negative change, release a positive one
        if (next == held) {
            return "NOTHING_HELD";
        }
        holds.put(key, next);
        p.reserved += next - held;
        return "APPLIED";
    }

    private String transfer(StockEvent e) {
        Position from = at(e.sku(), e.location());
        Position to = at(e.sku(), e.destination());
        boolean out = !from.includes(e.at());
        boolean in = !to.includes(e.at());
        if (out) {
            from.onHand += e.change();
        }
        if (in) {
            to.onHand -= e.change();
        }
        return out || in ? "APPLIED" : "SUPERSEDED";
    }

    private static int compareKeys(List<String> a, List<String> b) {
        return String.join("\u0000", a).compareTo(String.join("\u0000", b));
    }
}
