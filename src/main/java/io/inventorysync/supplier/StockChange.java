package io.inventorysync.supplier;

/**
 * A count that differs from the last accepted snapshot (or every count, with {@code emit: all}).
 *
 * @param previous the last accepted count, or null when the SKU is new to this supplier
 * @param count    the new count
 */
public record StockChange(StockKey key, Long previous, int count) {
}
