package io.inventorysync.ledger;

import java.time.Duration;
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
    private final Duration holdTtl;

    /**
     * @param positions returns (creating when absent) the position for (sku, location)
     * @param holdTtl   how long a reservation holds stock after its last reserve event before it lapses
     */
    public StockMovementRules(BiFunction<String, String, StockPosition> positions, Reservations reservations,
            Duration holdTtl) {
        this.positions = positions;
        this.reservations = reservations;
        this.holdTtl = holdTtl;
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
            Reservations.Hold hold = reservations.hold(key);
            if (hold.quantity() > 0) {
                long consumed = Math.min(hold.quantity(), sold);
                reservations.set(key, hold.quantity() - consumed, hold.expiresAt());
                at.addReserved(-consumed);
            }
        }
        return delta(at, event.quantityChange(), event.timestamp());
    }

    /**
     * @param holdChange positive to hold more units for the order (the hold then lapses {@code holdTtl} after
     *                   this event), negative to release
     */
    private ApplyOutcome hold(StockPosition at, InventoryEvent event, long holdChange) {
        Reservations.Key key = new Reservations.Key(event.sku(), event.locationId(), event.orderId());
        Reservations.Hold hold = reservations.hold(key);
        long next = Math.max(0, hold.quantity() + holdChange);
        if (next == hold.quantity()) {
            return ApplyOutcome.NOTHING_HELD;
        }
        Instant expiresAt = holdChange > 0 ? event.timestamp().plus(holdTtl) : hold.expiresAt();
        reservations.set(key, next, expiresAt);
        at.addReserved(next - hold.quantity());
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
