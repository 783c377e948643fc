package io.inventorysync.oversell;

import java.time.Instant;

/** One customer order line of a trace: at {@code at}, on {@code channel}, {@code quantity} units of {@code sku}. */
public record Order(Instant at, String channel, String sku, int quantity) {

    public Order {
        if (quantity <= 0) {
            throw new IllegalArgumentException("order quantity must be positive: " + quantity + " of " + sku);
        }
    }
}
