package io.inventorysync.connectors.shopify.sandbox;

import java.util.Map;

/** The sandbox's {@code Location} object: only an id and a generated name. */
final class LocationView {

    private LocationView() {
    }

    static Map<String, Object> of(String locationId) {
        return Map.of("id", locationId, "name", "Sandbox location " + ShopifyIds.numericPart(locationId));
    }
}
