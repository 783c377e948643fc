package io.inventorysync.connectors.shopify.sandbox;

/**
 * Told of every quantity an {@code inventorySetQuantities} call applied, at the moment it is applied, so a
 * benchmark can time when the shop shows a value (compare-and-set failures apply nothing and are not reported).
 * Called on the sandbox's request thread while the store is locked: keep it short.
 */
@FunctionalInterface
public interface QuantityApplyListener {

    /**
     * @param name            {@code available} or {@code on_hand}, the quantity the call set
     * @param quantity        the value now shown
     * @param appliedAtNanos  {@link System#nanoTime()} when it was applied
     */
    void applied(String inventoryItemId, String locationId, String name, int quantity, long appliedAtNanos);
}
