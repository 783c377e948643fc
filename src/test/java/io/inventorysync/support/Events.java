package io.inventorysync.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

/** Event JSON for tests, in the canonical wire format. */
public final class Events {

    /** A minute before the tests started: recent enough that reservations made "at T0" have not lapsed. */
    public static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.MINUTES);

    private Events() {
    }

    public static String delta(String type, String sku, String location, int change, String order, int second) {
        return deltaAt(type, sku, location, change, order, T0.plusSeconds(second));
    }

    public static String deltaAt(String type, String sku, String location, int change, String order, Instant at) {
        return "{\"event_type\":\"inventory." + type + "\",\"sku\":\"" + sku + "\",\"location_id\":\"" + location
                + "\",\"quantity_change\":" + change + (order == null ? "" : ",\"order_id\":\"" + order + "\"")
                + ",\"timestamp\":\"" + at + "\",\"source\":\"" + TestConnectors.SOURCE + "\"}";
    }

    public static String count(String sku, String location, int count, int second) {
        return "{\"event_type\":\"inventory.adjustment\",\"sku\":\"" + sku + "\",\"location_id\":\"" + location
                + "\",\"new_available\":" + count + ",\"timestamp\":\"" + T0.plusSeconds(second)
                + "\",\"source\":\"" + TestConnectors.SOURCE + "\"}";
    }

    public static String transfer(String sku, String from, String to, int moved, int second) {
        return "{\"event_type\":\"inventory.transfer\",\"sku\":\"" + sku + "\",\"location_id\":\"" + from
                + "\",\"destination_location_id\":\"" + to + "\",\"quantity_change\":" + (-moved)
                + ",\"timestamp\":\"" + T0.plusSeconds(second) + "\",\"source\":\"" + TestConnectors.SOURCE + "\"}";
    }

    public static String array(List<String> events) {
        return events.stream().collect(Collectors.joining(",", "[", "]"));
    }
}
