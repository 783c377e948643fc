package io.inventorysync.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();
    private final ObjectMapper json = new ObjectMapper();

    private static final InventoryEvent TRANSFER = new InventoryEvent("erp-9", EventType.TRANSFER, "WIDGET-BLU-L",
            "WH-EAST-001", "STORE-BOS-01", -5, null, null, Instant.parse("2026-03-15T14:22:03.412Z"), "erp-main");

    @Test
    void writesSnakeCaseWireNamesAndIsoTimestampAndLeavesOutAbsentFields() throws Exception {
        JsonNode written = json.readTree(codec.toJson(TRANSFER));

        assertThat(written).isEqualTo(json.readTree("""
                {"event_id":"erp-9","event_type":"inventory.transfer","sku":"WIDGET-BLU-L","location_id":"WH-EAST-001",
                 "destination_location_id":"STORE-BOS-01","quantity_change":-5,
                 "timestamp":"2026-03-15T14:22:03.412Z","source":"erp-main"}"""));
    }

    @Test
    void writtenEventReadsBackEqual() {
        assertThat(codec.fromJson(codec.toJson(TRANSFER))).isEqualTo(TRANSFER);
        assertThat(codec.fromTree(codec.toTree(TRANSFER))).isEqualTo(TRANSFER);
    }

    @Test
    void writtenEventIsValidAgainstTheContract() {
        assertThat(new EventValidator().validate(codec.toTree(TRANSFER))).isEmpty();
    }

    @Test
    void readsAnyOffsetNotationAsTheSameInstantAndIgnoresExtensionFields() {
        InventoryEvent read = codec.fromJson("""
                {"event_type":"inventory.sale","sku":"S","location_id":"L","quantity_change":-1,
                 "timestamp":"2026-03-15t16:22:03.412+02:00","source":"pos","x-till":"7"}"""
                .getBytes(StandardCharsets.UTF_8));

        assertThat(read.timestamp()).isEqualTo(Instant.parse("2026-03-15T14:22:03.412Z"));
        assertThat(read.eventType()).isEqualTo(EventType.SALE);
    }

    @Test
    void somethingThatIsNotAnEventIsRefused() {
        assertThatThrownBy(() -> codec.fromJson("{\"event_type\":\"inventory.sold\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an inventory event");
        assertThatThrownBy(() -> codec.fromJson("{\"timestamp\":\"noon\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
