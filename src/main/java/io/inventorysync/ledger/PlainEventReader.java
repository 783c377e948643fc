package io.inventorysync.ledger;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.inventorysync.event.EventTimestamp;
import io.inventorysync.event.EventType;
import io.inventorysync.event.InventoryEvent;

/**
 * The ledger's fast path for plainly valid events: one streaming pass over the JSON, no tree, no schema engine,
 * for events shaped as our own intake and most sources write them. It accepts a strict subset of what the event
 * schema accepts and answers {@code null} for anything else — an {@code x-} field, a timestamp with an offset,
 * non-ASCII or whitespace at the end of a name, a duplicate field, anything invalid — and the caller then runs
 * the full schema validation, which stays the judge and the source of the error messages. Every check below is
 * at least as strict as the schema's (see {@code PlainEventReaderTest}, which holds it to that). The schema
 * engine took about three quarters of the ledger's decode time (docs/benchmarks.md).
 * <p>
 * Thread-safe; share one instance.
 */
final class PlainEventReader {

    /** The schema's bounds; a plain event is always well inside them. */
    private static final int MAX_IDENTIFIER = 128;
    private static final int MAX_EVENT_ID = 200;
    private static final int MAX_QUANTITY = 1_000_000_000;

    private final JsonFactory json = new JsonFactory();

    /** @return the event (its id as sent, possibly null), or null when only the schema can tell */
    InventoryEvent read(String payload) {
        try (JsonParser parser = json.createParser(payload)) {
            Fields fields = readFields(parser);
            return fields == null ? null : fields.toEvent();
        } catch (IOException | RuntimeException e) {
            return null; // not JSON, or not plain: the schema path reports it properly
        }
    }

    private static Fields readFields(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        Fields f = new Fields();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            boolean ok = switch (name) {
                case "event_id" -> f.eventId == null && (f.eventId = text(parser, value, MAX_EVENT_ID)) != null;
                case "event_type" -> f.type == null && (f.type = type(parser, value)) != null;
                case "sku" -> f.sku == null && (f.sku = text(parser, value, MAX_IDENTIFIER)) != null;
                case "location_id" -> f.location == null && (f.location = text(parser, value, MAX_IDENTIFIER)) != null;
                case "destination_location_id" ->
                        f.destination == null && (f.destination = text(parser, value, MAX_IDENTIFIER)) != null;
                case "order_id" -> f.order == null && (f.order = text(parser, value, MAX_IDENTIFIER)) != null;
                case "source" -> f.source == null && (f.source = text(parser, value, MAX_IDENTIFIER)) != null;
                case "timestamp" -> f.timestamp == null && (f.timestamp = timestamp(parser, value)) != null;
                case "quantity_change" -> f.quantity == null && (f.quantity = integer(parser, value, -MAX_QUANTITY)) != null;
                case "new_available" -> f.newAvailable == null && (f.newAvailable = integer(parser, value, 0)) != null;
                default -> false; // extension and unknown fields: the schema decides
            };
            if (!ok) {
                return null;
            }
        }
        // one object and nothing after it
        return token == JsonToken.END_OBJECT && parser.nextToken() == null ? f : null;
    }

    /**
     * A string of 1 to {@code max} chars whose first and last chars are printable ASCII (no whitespace by any
     * definition): inside the schema's "no whitespace at either end", and chars never undercount code points.
     */
    private static String text(JsonParser parser, JsonToken value, int max) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            return null;
        }
        String text = parser.getText();
        int n = text.length();
        return n >= 1 && n <= max && plainEnd(text.charAt(0)) && plainEnd(text.charAt(n - 1)) ? text : null;
    }

    private static boolean plainEnd(char c) {
        return c > ' ' && c < 0x7f;
    }

    private static EventType type(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            return null;
        }
        String name = parser.getText();
        for (EventType type : EventType.values()) {
            if (type.wireName().equals(name)) {
                return type;
            }
        }
        return null;
    }

    /** A JSON integer literal (not 1.0, not "1") from {@code min} to one billion. */
    private static Integer integer(JsonParser parser, JsonToken value, int min) throws IOException {
        if (value != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT) {
            return null;
        }
        int n = parser.getIntValue();
        return n >= min && n <= MAX_QUANTITY ? n : null;
    }

    /**
     * Only the UTC form {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} with a four-digit year from 1000, upper-case T and Z,
     * that {@link EventTimestamp} reads (which rejects impossible dates and leap seconds); offsets and other RFC 3339
     * spellings go to the schema path.
     */
    private static Instant timestamp(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            return null;
        }
        String t = parser.getText();
        int n = t.length();
        if (n < 20 || n > 30 || t.charAt(0) == '0' || t.charAt(n - 1) != 'Z'
                || !digitsAt(t, 0, 4) || t.charAt(4) != '-' || !digitsAt(t, 5, 2) || t.charAt(7) != '-'
                || !digitsAt(t, 8, 2) || t.charAt(10) != 'T' || !digitsAt(t, 11, 2) || t.charAt(13) != ':'
                || !digitsAt(t, 14, 2) || t.charAt(16) != ':' || !digitsAt(t, 17, 2)) {
            return null;
        }
        if (n > 20 && (n == 21 || t.charAt(19) != '.' || !digitsAt(t, 20, n - 21))) {
            return null;
        }
        try {
            return EventTimestamp.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean digitsAt(String text, int from, int count) {
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The fields as read; {@link #toEvent} applies the schema's per-type rules (and the code-checked transfer rule). */
    private static final class Fields {
        String eventId;
        EventType type;
        String sku;
        String location;
        String destination;
        String order;
        String source;
        Instant timestamp;
        Integer quantity;
        Integer newAvailable;

        InventoryEvent toEvent() {
            if (type == null || sku == null || location == null || timestamp == null || source == null) {
                return null;
            }
            if ((type == EventType.TRANSFER) != (destination != null)) {
                return null;
            }
            boolean ok = switch (type) {
                case SALE -> negative(quantity);
                case RETURN, RECEIVING -> positive(quantity);
                case RESERVE -> negative(quantity) && order != null;
                case RELEASE -> positive(quantity) && order != null;
                case TRANSFER -> negative(quantity) && !destination.equals(location);
                case ADJUSTMENT -> newAvailable != null ? quantity == null : quantity != null && quantity != 0;
            };
            return ok ? new InventoryEvent(eventId, type, sku, location, destination, quantity, newAvailable, order,
                    timestamp, source) : null;
        }

        private static boolean negative(Integer quantity) {
            return quantity != null && quantity < 0;
        }

        private static boolean positive(Integer quantity) {
            return quantity != null && quantity > 0;
        }
    }
}
