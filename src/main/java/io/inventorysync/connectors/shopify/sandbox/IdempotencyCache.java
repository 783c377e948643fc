package io.inventorysync.connectors.shopify.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Results of mutations sent with {@code @idempotent(key:)}: a repeat with the same key and input returns the first
 * result without applying anything again; the same key with a different input is an error.
 */
final class IdempotencyCache {

    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    synchronized Optional<Entry> find(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    synchronized void remember(String key, String inputFingerprint, Map<String, Object> payload) {
        entries.put(key, new Entry(inputFingerprint, payload));
    }

    synchronized void clear() {
        entries.clear();
    }

    record Entry(String inputFingerprint, Map<String, Object> payload) {
    }
}
