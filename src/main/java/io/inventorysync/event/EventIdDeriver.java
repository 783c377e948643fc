package io.inventorysync.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * Gives an event without {@code event_id} an id derived from its content, so that a source that resends an event
 * (a webhook retry, a replayed file) produces the same id and the duplicate is dropped downstream.
 * <p>
 * The id is {@code "sha256:"} followed by the lower-case hex SHA-256 of the UTF-8 bytes of a canonical text: one
 * line per field, in the order {@code source, event_type, sku, location_id, destination_location_id,
 * quantity_change, new_available, order_id, timestamp}, each line being {@code name=<n>:<value>\n} where
 * {@code <n>} is the UTF-8 byte length of the value, or {@code name=~\n} when the field is absent. Integers are in
 * plain decimal; the timestamp is in UTC with nine fraction digits ({@code 2026-03-15T14:22:03.412000000Z}).
 * Length prefixes keep the text unambiguous whatever the values contain, and the fixed timestamp form makes
 * {@code +01:00} and {@code Z} notations of the same instant hash alike. Any system can compute the same id.
 * <p>
 * The id is a function of the content only: two genuinely distinct movements with identical content (same
 * millisecond, quantity and order) get the same id. Sources where that can happen must send their own
 * {@code event_id}. Changing the derivation changes every derived id, so a resent event would no longer be
 * recognised as a duplicate: change it only together with the {@value #PREFIX} prefix.
 */
public final class EventIdDeriver {

    /** Marks a derived id, and the derivation it came from. */
    public static final String PREFIX = "sha256:";

    private static final DateTimeFormatter UTC_NANOS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** The derived id of {@code event}; its own {@code event_id}, if any, plays no part. */
    public String derive(InventoryEvent event) {
        return PREFIX + HexFormat.of().formatHex(sha256(canonicalText(event).getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code event} itself when it has an id, else a copy carrying its derived id. */
    public InventoryEvent withIdIfAbsent(InventoryEvent event) {
        return event.eventId() != null ? event : event.withEventId(derive(event));
    }

    /** The text that is hashed; exposed for tests and for people reproducing an id by hand. */
    String canonicalText(InventoryEvent event) {
        StringBuilder text = new StringBuilder(256);
        appendField(text, "source", event.source());
        appendField(text, "event_type", event.eventType() == null ? null : event.eventType().wireName());
        appendField(text, "sku", event.sku());
        appendField(text, "location_id", event.locationId());
        appendField(text, "destination_location_id", event.destinationLocationId());
        appendField(text, "quantity_change", event.quantityChange() == null ? null : event.quantityChange().toString());
        appendField(text, "new_available", event.newAvailable() == null ? null : event.newAvailable().toString());
        appendField(text, "order_id", event.orderId());
        appendField(text, "timestamp", event.timestamp() == null ? null : format(event.timestamp()));
        return text.toString();
    }

    private static String format(Instant timestamp) {
        return UTC_NANOS.format(timestamp);
    }

    private static void appendField(StringBuilder text, String name, String value) {
        text.append(name).append('=');
        if (value == null) {
            text.append('~');
        } else {
            text.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
        }
        text.append('\n');
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
