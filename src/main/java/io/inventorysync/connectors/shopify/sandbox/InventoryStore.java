package io.inventorysync.connectors.shopify.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The shop's inventory: a catalogue of known items and locations and a quantity per item x location.
 * Every method is atomic; {@link #setQuantities} checks the whole mutation and applies all of it or nothing.
 */
final class InventoryStore {

    private final Clock clock;
    private final Map<LevelKey, Level> levels = new LinkedHashMap<>();
    private final Set<String> knownItems = new HashSet<>();
    private final Set<String> knownLocations = new HashSet<>();
    private boolean autoCreateItems;
    private long nextLevelId = 1;
    private final List<QuantityApplyListener> applyListeners = new CopyOnWriteArrayList<>();

    InventoryStore(boolean autoCreateItems, Clock clock) {
        this.autoCreateItems = autoCreateItems;
        this.clock = clock;
    }

    void addApplyListener(QuantityApplyListener listener) {
        applyListeners.add(listener);
    }

    void removeApplyListener(QuantityApplyListener listener) {
        applyListeners.remove(listener);
    }

    synchronized void setAutoCreateItems(boolean autoCreate) {
        this.autoCreateItems = autoCreate;
    }

    synchronized boolean autoCreateItems() {
        return autoCreateItems;
    }

    synchronized void registerItems(Collection<String> inventoryItemIds) {
        knownItems.addAll(inventoryItemIds);
    }

    synchronized void registerLocations(Collection<String> locationIds) {
        knownLocations.addAll(locationIds);
    }

    synchronized boolean itemExists(String inventoryItemId) {
        return knownItems.contains(inventoryItemId);
    }

    synchronized Optional<SandboxLevel> level(String inventoryItemId, String locationId) {
        return Optional.ofNullable(levels.get(new LevelKey(inventoryItemId, locationId))).map(Level::snapshot);
    }

    synchronized Optional<Long> levelId(String inventoryItemId, String locationId) {
        return Optional.ofNullable(levels.get(new LevelKey(inventoryItemId, locationId))).map(level -> level.id);
    }

    synchronized List<SandboxLevel> levels() {
        return levels.values().stream().map(Level::snapshot).toList();
    }

    /** A merchant edit behind the integration's back: sets {@code available} (and on_hand by the same delta). */
    synchronized SandboxLevel setAvailable(String inventoryItemId, String locationId, int available) {
        knownItems.add(inventoryItemId);
        knownLocations.add(locationId);
        Level level = levels.computeIfAbsent(new LevelKey(inventoryItemId, locationId), this::newLevel);
        level.set("available", available, now());
        return level.snapshot();
    }

    synchronized void clear(boolean startupAutoCreate) {
        levels.clear();
        knownItems.clear();
        knownLocations.clear();
        autoCreateItems = startupAutoCreate;
    }

    /**
     * Checks existence and compare-and-set for every input (errors are added to {@code errors}) and, only when
     * {@code errors} is empty afterwards, applies all of them.
     */
    synchronized List<AppliedChange> setQuantities(String name, List<QuantityInput> inputs, List<UserError> errors) {
        for (QuantityInput input : inputs) {
            checkExists(input, errors);
            if (input.changeFromQuantity() != null) {
                int current = currentOrZero(input, name);
                if (current != input.changeFromQuantity()) {
                    errors.add(UserError.onQuantity(input.index(), "changeFromQuantity", "CHANGE_FROM_QUANTITY_STALE",
                            "The specified changeFromQuantity (" + input.changeFromQuantity()
                                    + ") does not match the current quantity (" + current + ")."));
                }
            }
        }
        if (!errors.isEmpty()) {
            return List.of();
        }
        Instant now = now();
        List<AppliedChange> changes = new ArrayList<>();
        for (QuantityInput input : inputs) {
            knownItems.add(input.inventoryItemId());
            knownLocations.add(input.locationId());
            Level level = levels.computeIfAbsent(new LevelKey(input.inventoryItemId(), input.locationId()), this::newLevel);
            int delta = level.set(name, input.quantity(), now);
            changes.add(new AppliedChange(name, delta, level.get(name), input.inventoryItemId(), input.locationId()));
            String other = name.equals("available") ? "on_hand" : "available";
            changes.add(new AppliedChange(other, delta, level.get(other), input.inventoryItemId(), input.locationId()));
        }
        if (!applyListeners.isEmpty()) {
            long at = System.nanoTime();
            for (QuantityInput input : inputs) {
                applyListeners.forEach(l -> l.applied(input.inventoryItemId(), input.locationId(), name, input.quantity(), at));
            }
        }
        return changes;
    }

    private void checkExists(QuantityInput input, List<UserError> errors) {
        String item = input.inventoryItemId();
        String location = input.locationId();
        boolean itemKnown = knownItems.contains(item) || (autoCreateItems && ShopifyIds.isInventoryItem(item));
        boolean locationKnown = knownLocations.contains(location) || (autoCreateItems && ShopifyIds.isLocation(location));
        if (!itemKnown) {
            errors.add(UserError.onQuantity(input.index(), "inventoryItemId", "INVALID_INVENTORY_ITEM",
                    "The specified inventory item could not be found."));
        } else if (!locationKnown) {
            errors.add(UserError.onQuantity(input.index(), "locationId", "INVALID_LOCATION",
                    "The specified location could not be found."));
        } else if (!autoCreateItems && !levels.containsKey(new LevelKey(item, location))) {
            errors.add(UserError.onQuantity(input.index(), "locationId", "ITEM_NOT_STOCKED_AT_LOCATION",
                    "The specified inventory item is not stocked at the location."));
        }
    }

    private int currentOrZero(QuantityInput input, String name) {
        Level level = levels.get(new LevelKey(input.inventoryItemId(), input.locationId()));
        return level == null ? 0 : level.get(name);
    }

    private Level newLevel(LevelKey key) {
        return new Level(nextLevelId++, key, now());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private record LevelKey(String inventoryItemId, String locationId) {
    }

    private static final class Level {
        private final long id;
        private final LevelKey key;
        private int available;
        private int onHand;
        private Instant updatedAt;

        Level(long id, LevelKey key, Instant createdAt) {
            this.id = id;
            this.key = key;
            this.updatedAt = createdAt;
        }

        int get(String name) {
            return name.equals("available") ? available : onHand;
        }

        /** Sets one of the two settable quantities; the other moves by the same delta. Returns the delta. */
        int set(String name, int quantity, Instant at) {
            int delta = quantity - get(name);
            available += delta;
            onHand += delta;
            updatedAt = at;
            return delta;
        }

        SandboxLevel snapshot() {
            return new SandboxLevel(key.inventoryItemId(), key.locationId(), available, onHand, updatedAt.toString());
        }
    }
}
