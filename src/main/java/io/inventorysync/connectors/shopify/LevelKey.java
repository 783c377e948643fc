package io.inventorysync.connectors.shopify;

import java.util.Map;
import java.util.Optional;

import io.inventorysync.channel.ListingQuantity;

/** An inventory level: one Shopify inventory item at one location (the listing map keys of a {@link ListingQuantity}). */
record LevelKey(String inventoryItemId, String locationId) {

    static final String INVENTORY_ITEM_ID = "inventoryItemId";
    static final String LOCATION_ID = "locationId";

    static Optional<LevelKey> of(ListingQuantity item) {
        Map<String, String> listing = item.listing();
        if (listing == null) {
            return Optional.empty();
        }
        String itemId = listing.get(INVENTORY_ITEM_ID);
        String locationId = listing.get(LOCATION_ID);
        if (itemId == null || itemId.isBlank() || locationId == null || locationId.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new LevelKey(itemId, locationId));
    }
}
