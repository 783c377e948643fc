package io.inventorysync.connectors.shopify.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/** One {@code InventoryChange} of an adjustment group. */
record AppliedChange(String name, int delta, int quantityAfterChange, String inventoryItemId, String locationId) {

    Map<String, Object> toGraphQl() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("delta", delta);
        map.put("quantityAfterChange", quantityAfterChange);
        map.put("item", Map.of("id", inventoryItemId));
        map.put("location", LocationView.of(locationId));
        map.put("ledgerDocumentUri", null);
        return map;
    }
}
