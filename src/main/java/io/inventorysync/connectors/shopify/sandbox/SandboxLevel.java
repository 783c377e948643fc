package io.inventorysync.connectors.shopify.sandbox;

/**
 * One stored inventory level (item x location) as the sandbox holds it.
 *
 * @param onHand    {@code available} plus what is on hand but not sellable (committed etc.); setting one of the two
 *                  moves the other by the same delta, as in Shopify
 * @param updatedAt ISO-8601 instant of the last change
 */
public record SandboxLevel(String inventoryItemId, String locationId, int available, int onHand, String updatedAt) {
}
