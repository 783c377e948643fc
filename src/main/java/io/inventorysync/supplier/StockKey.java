package io.inventorysync.supplier;

/** One of our SKUs at one of our locations. */
public record StockKey(String sku, String locationId) {
}
