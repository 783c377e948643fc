package io.inventorysync.connectors.shopify.sandbox;

/**
 * One {@code InventoryQuantityInput} of a set-quantities mutation.
 *
 * @param changeFromGiven    whether {@code changeFromQuantity} was sent at all (an explicit null skips the
 *                           compare-and-set; not sending it is an error since API version 2026-04)
 * @param changeFromQuantity the value the caller believes is current, or null
 */
record QuantityInput(int index, String inventoryItemId, String locationId, int quantity, boolean changeFromGiven,
                     Integer changeFromQuantity) {
}
