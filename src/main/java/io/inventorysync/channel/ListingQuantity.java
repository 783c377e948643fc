package io.inventorysync.channel;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One quantity a channel should show for one listing: what a channel sink receives.
 *
 * @param sku              our SKU (for reporting and dead letters)
 * @param listing          the channel's own identifiers for the listing, e.g. Shopify's
 *                         {@code inventoryItemId} and {@code locationId}
 * @param quantity         the absolute quantity to show
 * @param expectedQuantity what we believe the channel shows now (for compare-and-set), or null if unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListingQuantity(String sku, Map<String, String> listing, int quantity, Integer expectedQuantity) {
}
