package io.inventorysync.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventIdDeriverTest {

    private final EventIdDeriver deriver = new EventIdDeriver();
    private final EventCodec codec = new EventCodec();

    private static final InventoryEvent SALE = new InventoryEvent(null, EventType.SALE, "WIDGET-BLU-L", "WH-EAST-001",
            null, -1, 249, "ORD-2026-38291", Instant.parse("2026-03-15T14:22:03.412Z"), "shopify");

    private InventoryEvent read(String json) {
        return codec.fromJson(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void derivedIdIsSha256PrefixedLowerCaseHex() {
        assertThat(deriver.derive(SALE)).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void derivedIdIsTheDocumentedHashOfTheDocumentedCanonicalText() throws Exception {
        String canonical = """
                source=7:shopify
                event_type=14:inventory.sale
                sku=12:WIDGET-BLU-L
                location_id=11:WH-EAST-001
                destination_location_id=~
                quantity_change=2:-1
                new_available=3:249
                order_id=14:ORD-2026-38291
                timestamp=30:2026-03-15T14:22:03.412000000Z
                """;
        String expected = "sha256:" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));

        assertThat(deriver.canonicalText(SALE)).isEqualTo(canonical);
        assertThat(deriver.derive(SALE)).isEqualTo(expected);
    }

    @Test
    void sameEventWithKeysInAnotherOrderGetsTheSameId() {
        InventoryEvent one = read("""
                {"event_type":"inventory.sale","sku":"WIDGET-BLU-L","location_id":"WH-EAST-001","quantity_change":-1,
                 "new_available":249,"order_id":"ORD-2026-38291","timestamp":"2026-03-15T14:22:03.412Z","source":"shopify"}""");
        InventoryEvent other = read("""
                {"source":"shopify","timestamp":"2026-03-15T14:22:03.412Z","order_id":"ORD-2026-38291",
                 "new_available":249,"quantity_change":-1,"location_id":"WH-EAST-001","sku":"WIDGET-BLU-L",
                 "event_type":"inventory.sale"}""");

        assertThat(deriver.derive(one)).isEqualTo(deriver.derive(other)).isEqualTo(deriver.derive(SALE));
    }

    @Test
    void sameInstantInAnotherOffsetNotationGetsTheSameId() {
        String template = """
                {"event_type":"inventory.sale","sku":"WIDGET-BLU-L","location_id":"WH-EAST-001","quantity_change":-1,
                 "new_available":249,"order_id":"ORD-2026-38291","timestamp":"%s","source":"shopify"}""";

        assertThat(Stream.of("2026-03-15T14:22:03.412Z", "2026-03-15t14:22:03.412z", "2026-03-15T15:22:03.412+01:00",
                        "2026-03-15T09:22:03.412000-05:00", "2026-03-15T14:22:03.412+00:00")
                .map(timestamp -> deriver.derive(read(template.formatted(timestamp)))))
                .containsOnly(deriver.derive(SALE));
    }

    @Test
    void ownEventIdPlaysNoPartInTheDerivedOne() {
        assertThat(deriver.derive(SALE.withEventId("erp-123"))).isEqualTo(deriver.derive(SALE));
    }

    static Stream<Arguments> oneFieldChanged() {
        return Stream.<UnaryOperator<InventoryEvent>>of(
                e -> copy(e, "source", "pos"),
                e -> copy(e, "event_type", EventType.RESERVE),
                e -> copy(e, "sku", "WIDGET-BLU-M"),
                e -> copy(e, "location_id", "WH-WEST-001"),
                e -> copy(e, "destination_location_id", "STORE-1"),
                e -> copy(e, "quantity_change", -2),
                e -> copy(e, "quantity_change", null),
                e -> copy(e, "new_available", 248),
                e -> copy(e, "new_available", null),
                e -> copy(e, "order_id", "ORD-2026-38292"),
                e -> copy(e, "order_id", null),
                e -> copy(e, "timestamp", Instant.parse("2026-03-15T14:22:03.413Z")),
                e -> copy(e, "timestamp", Instant.parse("2026-03-15T14:22:03.412000001Z")))
                .map(change -> Arguments.of(change.apply(SALE)));
    }

    @ParameterizedTest
    @MethodSource("oneFieldChanged")
    void anyDifferenceInContentGivesADifferentId(InventoryEvent changed) {
        assertThat(deriver.derive(changed)).isNotEqualTo(deriver.derive(SALE));
    }

    @Test
    void valuesThatConcatenateAlikeStillGetDifferentIds() {
        InventoryEvent ab = copy(copy(SALE, "sku", "AB"), "location_id", "C");
        InventoryEvent a = copy(copy(SALE, "sku", "A"), "location_id", "BC");

        assertThat(deriver.derive(ab)).isNotEqualTo(deriver.derive(a));
    }

    @Test
    void eventWithItsOwnIdKeepsIt() {
        InventoryEvent own = SALE.withEventId("erp-123");

        assertThat(deriver.withIdIfAbsent(own)).isSameAs(own);
        assertThat(deriver.withIdIfAbsent(SALE).eventId()).isEqualTo(deriver.derive(SALE));
        assertThat(deriver.withIdIfAbsent(SALE)).isEqualTo(SALE.withEventId(deriver.derive(SALE)));
    }

    private static InventoryEvent copy(InventoryEvent e, String field, Object value) {
        return new InventoryEvent(e.eventId(),
                field.equals("event_type") ? (EventType) value : e.eventType(),
                field.equals("sku") ? (String) value : e.sku(),
                field.equals("location_id") ? (String) value : e.locationId(),
                field.equals("destination_location_id") ? (String) value : e.destinationLocationId(),
                field.equals("quantity_change") ? (Integer) value : e.quantityChange(),
                field.equals("new_available") ? (Integer) value : e.newAvailable(),
                field.equals("order_id") ? (String) value : e.orderId(),
                field.equals("timestamp") ? (Instant) value : e.timestamp(),
                field.equals("source") ? (String) value : e.source());
    }
}
