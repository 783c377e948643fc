package io.inventorysync.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.inventorysync.event.EventIdDeriver;
import io.inventorysync.event.EventType;

/** Both paths of the ledger's decoder: the plain fast path and the schema path for everything else. */
class SchemaEventDecoderTest {

    private final SchemaEventDecoder decoder = new SchemaEventDecoder();

    @Test
    void validEventOutsideTheFastPathIsStillDecodedByTheSchemaPath() {
        // an extension field and an offset timestamp: valid, but only the schema path reads them
        EventDecoder.Decoded decoded = decoder.decode("{\"event_id\":\"E-9\",\"event_type\":\"inventory.sale\","
                + "\"sku\":\"SKU-1\",\"location_id\":\"WH-1\",\"quantity_change\":-2,"
                + "\"timestamp\":\"2026-03-15T15:22:03.412+01:00\",\"source\":\"erp\",\"x-erp-batch\":\"B-7\"}");

        assertThat(decoded.error()).isNull();
        assertThat(decoded.event().eventType()).isEqualTo(EventType.SALE);
        assertThat(decoded.event().timestamp()).isEqualTo(Instant.parse("2026-03-15T14:22:03.412Z"));
    }

    @Test
    void invalidEventGetsTheSchemasMessage() {
        EventDecoder.Decoded decoded = decoder.decode("{\"event_type\":\"inventory.sale\",\"sku\":\"SKU-1\","
                + "\"location_id\":\"WH-1\",\"quantity_change\":2,\"timestamp\":\"2026-03-15T14:22:03Z\",\"source\":\"erp\"}");

        assertThat(decoded.event()).isNull();
        assertThat(decoded.error()).isEqualTo("/quantity_change: must be negative on inventory.sale: sold units leave stock");
    }

    @Test
    void eventWithoutIdGetsTheDerivedIdOnEitherPath() {
        String plain = "{\"event_type\":\"inventory.receiving\",\"sku\":\"SKU-1\",\"location_id\":\"WH-1\","
                + "\"quantity_change\":5,\"timestamp\":\"2026-03-15T14:22:03Z\",\"source\":\"erp\"}";
        String sameWithOffset = plain.replace("14:22:03Z", "16:22:03+02:00");

        String fastId = decoder.decode(plain).event().eventId();
        assertThat(fastId).startsWith(EventIdDeriver.PREFIX);
        assertThat(decoder.decode(sameWithOffset).event().eventId()).isEqualTo(fastId);
    }
}
