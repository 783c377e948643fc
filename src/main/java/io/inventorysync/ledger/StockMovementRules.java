package io.inventorysync.ledger;

import java.time.Instant;
import java.util.function.BiFunction;

import io.inventorysync.event.InventoryEvent;

/**
 * The meaning of each event type, applied to positions in memory. See README "Event semantics".
 * <ul>
 * <li>An absolute count (adjustment with new_available) at T sets on hand, unless a count at or after T was
 * already applied; reservations are ours and are not part of a count.</li>
 * <li>A movement (every other event) at or before the last count at its location is already inside that count:
 * its on-hand effect is skipped. Holds still follow the order (a sale ends its hold even when superseded).</li>
 * <li>A sale with an order id consumes that order's hold at the location first.</li>
 * <li>A transfer moves stock: each side follows its own location's count.</li>
 * </ul>
 */
public final class StockMovementRules {

    private final BiFunction<String, String, StockPosition> positions;
    private final Reservations reservations;

    /** @param positions returns (creating when absent) the position for (sku, location) */
    public StockMovementRules(BiFunction<String, String, StockPosition> positions, Reservations reservations) {
        this.positions = positions;
        this.reservations = reservations;
    }

    public ApplyOutcome apply(InventoryEvent event) {
        StockPosition at = positions.apply(event.sku(), event.locationId());
        Instant ts = event.timestamp();
        return switch (event.eventType()) {
            case ADJUSTMENT -> event.isAbsolute() ? count(at, event.newAvailable(), ts) : delta(at, event.quantityChange(), ts);
            case RETURN, RECEIVING -> delta(at, event.quantityChange(), ts);
            case SALE -> sale(at, event);
            case RESERVE, RELEASE -> hold(at, event, -event.quantityChange());
            case TRANSFER -> transfer(at, positions.apply(event.sku(), event.destinationLocationId()), event);
        };
    }

    private static ApplyOutcome count(StockPosition at, long count, Instant ts) {
        if (at.lastAbsoluteAt() != null && !ts.isAfter(at.lastAbsoluteAt())) {
            return ApplyOutcome.STALE_ABSOLUTE;
        }
        at.setCount(count, ts);
        return ApplyOutcome.APPLIED;
    }

    private static ApplyOutcome delta(StockPosition at, long change, Instant ts) {
        if (at.supersedes(ts)) {
            return ApplyOutcome.SUPERSEDED;
        }
        at.addOnHand(change);
        return ApplyOutcome.APPLIED;
    }

    private ApplyOutcome sale(StockPosition at, InventoryEvent event) {
        long sold = -event.quantityChange();
        if (event.orderId() != null) {
            Reservations.Key key = new Reservations.Key(event.sku(), event.locationId(), event.orderId());
            long held = reservations.held(key);
            if (held > 0) {
                long consumed = Math.min(held, sold);
                reservations.set(key, held - consumed);
                at.addReserved(-consumed);
            }
        }
        return delta(at, event.quantityChange(), event.timestamp());
    }

    /** @param holdChange positive to hold more units for the order, negative to release */
    private ApplyOutcome hold(StockPosition at, InventoryEvent event, long holdChange) {
        Reservations.Key key = new Reservations.Key(event.sku(), event.locationId(), event.orderId());
        long held = reservations.held(key);
        long next = Math.max(0, held + holdChange);
        if (next == held) {
            return ApplyOutcome.NOTHING_HELD;
        }
        reservations.set(key, next);
        at.addReserved(next - held);
        return ApplyOutcome.APPLIED;
    }

    private static ApplyOutcome transfer(StockPosition from, StockPosition to, InventoryEvent event) {
        long moved = -event.quantityChange();
        boolean out = !from.supersedes(event.timestamp());
        boolean in = !to.supersedes(event.timestamp());
        if (out) {
            from.addOnHand(-moved);
        }
        if (in) {
            to.addOnHand(moved);
        }
        return out || in ? ApplyOutcome.APPLIED : ApplyOutcome.SUPERSEDED;
    }
}
