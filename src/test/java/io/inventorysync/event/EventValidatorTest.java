package io.inventorysync.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class EventValidatorTest {

    static final String SEED_PAYLOAD = """
            {"event_type":"inventory.sale","sku":"WIDGET-BLU-L","location_id":"WH-EAST-001","quantity_change":-1,\
            "new_available":249,"order_id":"ORD-2026-38291","timestamp":"2026-03-15T14:22:03.412Z","source":"shopify"}""";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final EventValidator validator = new EventValidator();

    /** A minimal valid event of each type. */
    static ObjectNode valid(EventType type) {
        ObjectNode event = JSON.createObjectNode()
                .put("event_type", type.wireName())
                .put("sku", "WIDGET-BLU-L")
                .put("location_id", "WH-EAST-001")
                .put("timestamp", "2026-03-15T14:22:03.412Z")
                .put("source", "erp-main");
        switch (type) {
            case SALE -> event.put("quantity_change", -2);
            case RETURN, RECEIVING -> event.put("quantity_change", 3);
            case ADJUSTMENT -> event.put("new_available", 40);
            case TRANSFER -> event.put("quantity_change", -5).put("destination_location_id", "STORE-BOS-01");
            case RESERVE -> event.put("quantity_change", -1).put("order_id", "ORD-1");
            case RELEASE -> event.put("quantity_change", 1).put("order_id", "ORD-1");
        }
        return event;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void seedPayloadIsValidWithNewAvailableOnASaleAsInformation() {
        assertThat(validator.validate(json(SEED_PAYLOAD))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("io.inventorysync.event.EventValidatorTest#allTypes")
    void minimalEventOfEachTypeIsValid(EventType type) {
        assertThat(validator.validate(valid(type))).isEmpty();
    }

    static Stream<EventType> allTypes() {
        return Stream.of(EventType.values());
    }

    @Test
    void adjustmentAsADeltaIsValidInEitherDirection() {
        ObjectNode down = valid(EventType.ADJUSTMENT);
        down.remove("new_available");
        down.put("quantity_change", -7);
        ObjectNode up = down.deepCopy().put("quantity_change", 7);

        assertThat(validator.validate(down)).isEmpty();
        assertThat(validator.validate(up)).isEmpty();
    }

    @Test
    void absoluteCountOfZeroIsValid() {
        assertThat(validator.validate(valid(EventType.ADJUSTMENT).put("new_available", 0))).isEmpty();
    }

    static Stream<Arguments> wrongSigns() {
        return Stream.of(
                Arguments.of(EventType.SALE, 1, "must be negative on inventory.sale"),
                Arguments.of(EventType.SALE, 0, "must be negative on inventory.sale"),
                Arguments.of(EventType.RETURN, -1, "must be positive on inventory.return"),
                Arguments.of(EventType.RECEIVING, 0, "must be positive on inventory.receiving"),
                Arguments.of(EventType.RESERVE, 2, "must be negative on inventory.reserve"),
                Arguments.of(EventType.RELEASE, -2, "must be positive on inventory.release"),
                Arguments.of(EventType.TRANSFER, 5, "must be negative on inventory.transfer"));
    }

    @ParameterizedTest
    @MethodSource("wrongSigns")
    void quantityChangeWithTheWrongSignIsRefusedAtQuantityChange(EventType type, int quantity, String message) {
        List<FieldError> errors = validator.validate(valid(type).put("quantity_change", quantity));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("/quantity_change");
            assertThat(error.message()).startsWith(message);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"SALE", "RETURN", "RECEIVING", "RESERVE", "RELEASE", "TRANSFER"})
    void movementWithoutQuantityChangeIsRefusedAtQuantityChange(EventType type) {
        ObjectNode event = valid(type);
        event.remove("quantity_change");

        assertThat(validator.validate(event)).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("/quantity_change");
            assertThat(error.message()).startsWith("is required on " + type.wireName());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"RESERVE", "RELEASE"})
    void reservationWithoutOrderIdIsRefusedAtOrderId(EventType type) {
        ObjectNode event = valid(type);
        event.remove("order_id");

        assertThat(validator.validate(event)).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("/order_id");
            assertThat(error.message()).startsWith("is required on " + type.wireName());
        });
    }

    @Test
    void transferWithoutDestinationIsRefusedAtDestination() {
        ObjectNode event = valid(EventType.TRANSFER);
        event.remove("destination_location_id");

        assertThat(validator.validate(event))
                .containsExactly(new FieldError("/destination_location_id",
                        "is required on inventory.transfer: it names the location that receives the units"));
    }

    @Test
    void transferToItsOwnLocationIsRefusedAtDestination() {
        ObjectNode event = valid(EventType.TRANSFER).put("destination_location_id", "WH-EAST-001");

        assertThat(validator.validate(event)).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("/destination_location_id");
            assertThat(error.message()).startsWith("must differ from location_id");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"SALE", "RETURN", "ADJUSTMENT", "RECEIVING", "RESERVE", "RELEASE"})
    void destinationOnAnythingButATransferIsRefused(EventType type) {
        ObjectNode event = valid(type).put("destination_location_id", "STORE-BOS-01");

        assertThat(validator.validate(event))
                .containsExactly(new FieldError("/destination_location_id", "is only allowed on inventory.transfer"));
    }

    @Test
    void adjustmentWithBothDeltaAndCountIsRefusedAtQuantityChange() {
        ObjectNode event = valid(EventType.ADJUSTMENT).put("quantity_change", 3);

        assertThat(validator.validate(event)).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("/quantity_change");
            assertThat(error.message()).startsWith("must be absent when new_available is given");
        });
    }

    @Test
    void adjustmentWithNeitherDeltaNorCountIsRefusedAtQuantityChange() {
        ObjectNode event = valid(EventType.ADJUSTMENT);
        event.remove("new_available");

        assertThat(validator.validate(event)).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("/quantity_change");
            assertThat(error.message()).contains("unless new_available");
        });
    }

    @Test
    void adjustmentByZeroIsRefusedAtQuantityChange() {
        ObjectNode event = valid(EventType.ADJUSTMENT);
        event.remove("new_available");
        event.put("quantity_change", 0);

        assertThat(validator.validate(event)).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("/quantity_change");
            assertThat(error.message()).startsWith("must not be 0 on inventory.adjustment");
        });
    }

    @Test
    void negativeCountIsRefusedAtNewAvailable() {
        assertThat(validator.validate(valid(EventType.ADJUSTMENT).put("new_available", -1)))
                .containsExactly(new FieldError("/new_available", "must be at least 0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"event_type", "sku", "location_id", "timestamp", "source"})
    void missingCommonFieldIsRefusedAtThatField(String field) {
        ObjectNode event = valid(EventType.RECEIVING);
        event.remove(field);

        assertThat(validator.validate(event)).containsExactly(new FieldError("/" + field, "is required"));
    }

    @Test
    void unknownEventTypeIsRefusedAtEventType() {
        assertThat(validator.validate(valid(EventType.SALE).put("event_type", "inventory.sold")))
                .singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("/event_type");
                    assertThat(error.message()).startsWith("must be one of").contains("inventory.sale");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " WIDGET", "WIDGET ", "WIDGET\n", "\tWIDGET"})
    void skuThatIsEmptyOrPaddedWithWhitespaceIsRefused(String sku) {
        assertThat(validator.validate(valid(EventType.SALE).put("sku", sku)))
                .singleElement().extracting(FieldError::field).isEqualTo("/sku");
    }

    @Test
    void skuWithInnerSpacesIsValid() {
        assertThat(validator.validate(valid(EventType.SALE).put("sku", "WIDGET BLUE L"))).isEmpty();
    }

    @Test
    void skuOf128CharactersIsValidAnd129AreRefused() {
        assertThat(validator.validate(valid(EventType.SALE).put("sku", "S".repeat(128)))).isEmpty();
        assertThat(validator.validate(valid(EventType.SALE).put("sku", "S".repeat(129))))
                .containsExactly(new FieldError("/sku", "must be at most 128 characters long"));
    }

    @Test
    void eventIdOfMoreThan200CharactersIsRefused() {
        assertThat(validator.validate(valid(EventType.SALE).put("event_id", "e".repeat(200)))).isEmpty();
        assertThat(validator.validate(valid(EventType.SALE).put("event_id", "e".repeat(201))))
                .containsExactly(new FieldError("/event_id", "must be at most 200 characters long"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-15T14:22:03Z", "2026-03-15T16:22:03.412+02:00", "2026-03-15t14:22:03.412z",
            "2026-03-15T14:22:03.123456789-05:00"})
    void timestampInAnyRfc3339OffsetNotationIsValid(String timestamp) {
        assertThat(validator.validate(valid(EventType.SALE).put("timestamp", timestamp))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-15T14:22:03", "2026-03-15 14:22:03Z", "2026-03-15", "1773584523412",
            "2026-02-30T10:00:00Z"})
    void timestampWithoutOffsetOrNotADateTimeIsRefused(String timestamp) {
        assertThat(validator.validate(valid(EventType.SALE).put("timestamp", timestamp)))
                .singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("/timestamp");
                    assertThat(error.message()).startsWith("must be an RFC 3339 date-time");
                });
    }

    @Test
    void leapSecondIsRefusedBecauseAnInstantCannotHoldIt() {
        assertThat(validator.validate(valid(EventType.SALE).put("timestamp", "2016-12-31T23:59:60Z")))
                .extracting(FieldError::field).containsExactly("/timestamp");
    }

    @Test
    void fractionalQuantityIsRefused() {
        assertThat(validator.validate(valid(EventType.SALE).put("quantity_change", -1.5)))
                .containsExactly(new FieldError("/quantity_change", "must be of type integer, but is number"));
    }

    @Test
    void quantityBeyondOneBillionIsRefused() {
        assertThat(validator.validate(valid(EventType.RECEIVING).put("quantity_change", 1_000_000_001L)))
                .containsExactly(new FieldError("/quantity_change", "must be at most 1000000000"));
    }

    @Test
    void unknownFieldIsRefusedButExtensionFieldIsAccepted() {
        ObjectNode withTypo = valid(EventType.SALE).put("order", "ORD-1");
        ObjectNode withExtension = valid(EventType.SALE).put("x-erp-batch", "B-77");
        withExtension.putObject("x-erp-context").put("line", 3);

        assertThat(validator.validate(withTypo)).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("/order");
            assertThat(error.message()).startsWith("is not a field of an inventory event").contains("x-");
        });
        assertThat(validator.validate(withExtension)).isEmpty();
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        ObjectNode event = valid(EventType.RESERVE).put("quantity_change", 4).put("sku", " ");
        event.remove("order_id");
        event.remove("timestamp");

        assertThat(validator.validate(event)).extracting(FieldError::field)
                .containsExactlyInAnyOrder("/sku", "/timestamp", "/quantity_change", "/order_id");
    }

    @Test
    void wrongTypeIsReportedOnceNotAsEveryRuleItBreaks() {
        assertThat(validator.validate(valid(EventType.SALE).put("sku", 42)))
                .containsExactly(new FieldError("/sku", "must be of type string, but is integer"));
    }

    @Test
    void somethingOtherThanAnObjectIsRefusedAsAWhole() {
        assertThat(validator.validate(json("[1]")))
                .containsExactly(new FieldError("", "must be of type object, but is array"));
    }

    @Test
    void messagesAreSentencesWithoutLocationsOrPlaceholders() {
        ObjectNode event = JSON.createObjectNode().put("event_type", "inventory.transfer").put("sku", 1)
                .put("quantity_change", "x").put("timestamp", "yesterday").put("bogus", true);

        List<FieldError> errors = validator.validate(event);

        assertThat(errors).hasSizeGreaterThanOrEqualTo(6).allSatisfy(error -> {
            assertThat(error.message()).doesNotStartWith("/").doesNotStartWith("$").doesNotContain("{");
            assertThat(error.field()).matches("(/[a-z_]+)?");
        });
    }

    @Test
    void oneInstanceServesConcurrentCallers() {
        List<List<FieldError>> results = IntStream.range(0, 400).parallel()
                .mapToObj(i -> validator.validate(valid(EventType.SALE).put("quantity_change", i % 2 == 0 ? -1 : 1)))
                .toList();

        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i)).hasSize(i % 2 == 0 ? 0 : 1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"WIDGET\u0000BLU", "WIDGET\u0007", "\u001b[31mWIDGET", "WIDGET\u0085", "WIDGET\ud800"})
    void identifierWithControlCharactersOrALoneSurrogateIsRefusedBecausePostgresqlCannotStoreIt(String sku) {
        ObjectNode event = valid(EventType.RECEIVING).put("sku", sku);

        assertThat(validator.validate(event)).extracting(FieldError::field).containsExactly("/sku");
    }

    @Test
    void identifierWithAPairedSurrogateIsFine() {
        assertThat(validator.validate(valid(EventType.RECEIVING).put("sku", "WIDGET-\ud83d\ude00"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e400", "-1e999999999", "1000000001", "123456789012345678901234567890"})
    void quantityBeyondTheBoundsIsRefusedEvenWhenTheSchemaLibraryComparesItAsADouble(String quantity) throws Exception {
        ObjectMapper exact = JSON.copy().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        JsonNode event = exact.readTree(valid(EventType.ADJUSTMENT).without("new_available").toString()
                .replace("}", ",\"quantity_change\":" + quantity + "}"));

        assertThat(validator.validate(event)).extracting(FieldError::field).contains("/quantity_change");
    }
}
