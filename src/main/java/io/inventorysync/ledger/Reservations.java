package io.inventorysync.ledger;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Soft holds per (sku, location, order) loaded for one batch; tracks which ones changed. */
public final class Reservations {

    public record Key(String sku, String locationId, String orderId) {
        public Key {
            Objects.requireNonNull(orderId, "orderId");
        }
    }

    /** Units held for an order and when the hold lapses unless extended; quantity 0 means the hold is gone. */
    public record Hold(long quantity, Instant expiresAt) {
        static final Hold NONE = new Hold(0, null);
    }

    private final Map<Key, Hold> held = new HashMap<>();
    private final Map<Key, Hold> changed = new HashMap<>();

    public void load(Key key, long quantity, Instant expiresAt) {
        held.put(key, new Hold(quantity, expiresAt));
    }

    public long held(Key key) {
        return hold(key).quantity();
    }

    Hold hold(Key key) {
        return held.getOrDefault(key, Hold.NONE);
    }

    void set(Key key, long quantity, Instant expiresAt) {
        Hold next = new Hold(Math.max(quantity, 0), expiresAt);
        if (next.quantity() == 0) {
            held.remove(key);
        } else {
            held.put(key, next);
        }
        changed.put(key, next);
    }

    /** The holds written in this batch; quantity 0 means the hold is gone. */
    public Map<Key, Hold> changed() {
        return changed;
    }
}
