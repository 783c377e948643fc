package io.inventorysync.ledger;

import java.time.Instant;

/** One SKU at one location, as held in memory while a batch is applied. */
public final class StockPosition {

    private final String sku;
    private final String locationId;
    private long onHand;
    private long reserved;
    private Instant lastAbsoluteAt;
    private Instant negativeSince;
    private boolean changed;

    public StockPosition(String sku, String locationId, long onHand, long reserved, Instant lastAbsoluteAt,
            Instant negativeSince) {
        this.sku = sku;
        this.locationId = locationId;
        this.onHand = onHand;
        this.reserved = reserved;
        this.lastAbsoluteAt = lastAbsoluteAt;
        this.negativeSince = negativeSince;
    }

    public static StockPosition empty(String sku, String locationId) {
        return new StockPosition(sku, locationId, 0, 0, null, null);
    }

    public String sku() { return sku; }
    public String locationId() { return locationId; }
    public long onHand() { return onHand; }
    public long reserved() { return reserved; }
    public long available() { return onHand - reserved; }
    public Instant lastAbsoluteAt() { return lastAbsoluteAt; }
    public Instant negativeSince() { return negativeSince; }
    public boolean isChanged() { return changed; }

    /** True when an absolute count taken at or after {@code at} already includes a movement made at {@code at}. */
    boolean supersedes(Instant at) {
        return lastAbsoluteAt != null && !at.isAfter(lastAbsoluteAt);
    }

    void addOnHand(long delta) {
        onHand += delta;
        changed = true;
    }

    void addReserved(long delta) {
        reserved += delta;
        changed = true;
    }

    void setCount(long count, Instant at) {
        onHand = count;
        lastAbsoluteAt = at;
        changed = true;
    }

    /** Tracks the moment the position went negative; returns true when it has just become negative. */
    boolean refreshNegative(Instant now) {
        if (available() < 0 && negativeSince == null) {
            negativeSince = now;
            changed = true;
            return true;
        }
        if (available() >= 0 && negativeSince != null) {
            negativeSince = null;
            changed = true;
        }
        return false;
    }
}
