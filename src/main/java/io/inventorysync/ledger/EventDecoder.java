package io.inventorysync.ledger;

import io.inventorysync.event.InventoryEvent;

/** Turns a topic record into a valid event with its id, or says why it cannot be one. */
@FunctionalInterface
public interface EventDecoder {

    Decoded decode(String payload);

    /** Exactly one of {@code event} and {@code error} is set. */
    record Decoded(InventoryEvent event, String error) {
        public static Decoded ok(InventoryEvent event) {
            return new Decoded(event, null);
        }

        public static Decoded invalid(String error) {
            return new Decoded(null, error);
        }
    }
}
