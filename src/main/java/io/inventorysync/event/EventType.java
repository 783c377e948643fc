package io.inventorysync.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The seven inventory movements. {@code quantity_change} is always the change to available stock at
 * {@code location_id}, so its sign is fixed per type; see README "Event semantics".
 */
public enum EventType {
    /** Units left with an order: delta, quantity_change &lt; 0; consumes the order's reservation first. */
    SALE("inventory.sale"),
    /** Units restocked from a return: delta, quantity_change &gt; 0. */
    RETURN("inventory.return"),
    /** A count correction: absolute when new_available is given (a count at timestamp), else a delta. */
    ADJUSTMENT("inventory.adjustment"),
    /** Units moved from location_id to destination_location_id: quantity_change &lt; 0 at the source. */
    TRANSFER("inventory.transfer"),
    /** Units received against a purchase order: delta, quantity_change &gt; 0. */
    RECEIVING("inventory.receiving"),
    /** A soft hold for an order (checkout started): quantity_change &lt; 0, on hand unchanged. */
    RESERVE("inventory.reserve"),
    /** Ends a soft hold for an order (checkout abandoned): quantity_change &gt; 0, at most what is held. */
    RELEASE("inventory.release");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static EventType fromWireName(String name) {
        for (EventType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown event_type: " + name);
    }
}
