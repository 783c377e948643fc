package io.inventorysync.ledger;

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

    private final Map<Key, Long> held = new HashMap<>();
    private final Map<Key, Long> changed = new HashMap<>();

    public void load(Key key, long quantity) {
        held.put(key, quantity);
    }

    public long held(Key key) {
        return held.getOrDefault(key, 0L);
    }

    void set(Key key, long quantity) {
        if (quantity <= 0) {
            held.remove(key);
        } else {
            held.put(key, quantity);
        }
        changed.put(key, Math.max(quantity, 0));
    }

    /** The holds written in this batch; 0 means the hold is gone. */
    public Map<Key, Long> changed() {
        return changed;
    }
}
