package io.inventorysync.event;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The canonical inventory event, as published on the inventory topic (keyed by {@link #sku()}).
 * Its contract is {@code schemas/inventory-event.schema.json}; {@link EventValidator} enforces it at the edge.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InventoryEvent(
        @JsonProperty("event_id") String eventId,
        @JsonProperty("event_type") EventType eventType,
        @JsonProperty("sku") String sku,
        @JsonProperty("location_id") String locationId,
        @JsonProperty("destination_location_id") String destinationLocationId,
        @JsonProperty("quantity_change") Integer quantityChange,
        @JsonProperty("new_available") Integer newAvailable,
        @JsonProperty("order_id") String orderId,
        @JsonProperty("timestamp") Instant timestamp,
        @JsonProperty("source") String source) {

    /** An absolute count replaces on hand at its location; everything else is a movement (delta). */
    @JsonIgnore // derived, not part of the contract: Jackson would otherwise write it as "absolute"
    public boolean isAbsolute() {
        return eventType == EventType.ADJUSTMENT && newAvailable != null;
    }

    public InventoryEvent withEventId(String id) {
        return new InventoryEvent(id, eventType, sku, locationId, destinationLocationId, quantityChange,
                newAvailable, orderId, timestamp, source);
    }
}
