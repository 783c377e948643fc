package io.inventorysync.event;

import java.util.Objects;

/**
 * One reason an event was refused, located so that the sender can find the offending value.
 *
 * @param field   JSON Pointer of the value inside the event ({@code /quantity_change}; {@code ""} for the event
 *                itself); within a batch it is prefixed with the event's array position ({@code [2]/sku})
 * @param message what is wrong, in words meant for the developer of the sending system
 */
public record FieldError(String field, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** The same error, located inside the batch element at {@code index}. */
    public FieldError inBatchElement(int index) {
        return new FieldError("[" + index + "]" + field, message);
    }
}
