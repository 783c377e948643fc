package io.inventorysync.resilience;

import java.time.Instant;

import io.inventorysync.support.TestConnectors;

/**
 * One event a resilience test produces, with its own id so that a re-sent copy is recognisably the same event.
 *
 * @param type         wire name without the {@code inventory.} prefix
 * @param change       {@code quantity_change}, null for an absolute count
 * @param newAvailable {@code new_available} of an absolute count, else null
 */
record StockEvent(String id, String type, String sku, String location, String destination, Integer change,
                  Integer newAvailable, String order, Instant at) {

    boolean isAbsolute() {
        return newAvailable != null;
    }

    String json() {
        StringBuilder json = new StringBuilder("{\"event_id\":\"").append(id).append("\",\"event_type\":\"inventory.")
                .append(type).append("\",\"sku\":\"").append(sku).append("\",\"location_id\":\"").append(location).append('"');
        if (destination != null) {
            json.append(",\"destination_location_id\":\"").append(destination).append('"');
        }
        if (change != null) {
            json.append(",\"quantity_change\":").append(change);
        }
        if (newAvailable != null) {
            json.append(",\"new_available\":").append(newAvailable);
        }
        if (order != null) {
            json.append(",\"order_id\":\"").append(order).append('"');
        }
        return json.append(",\"timestamp\":\"").append(at).append("\",\"source\":\"").append(TestConnectors.SOURCE)
                .append("\"}").toString();
    }
}
