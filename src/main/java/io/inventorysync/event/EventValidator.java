package io.inventorysync.event;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.i18n.ResourceBundleMessageSource;

/**
 * Checks one event against the contract, {@value #SCHEMA_RESOURCE}, and reports every violation at once.
 * <p>
 * The schema is loaded once per instance; an instance is thread-safe and meant to be shared. Beyond the schema it
 * checks what JSON Schema cannot express: a transfer's destination must differ from its origin, and the timestamp
 * must be representable as an instant (the schema's date-time format admits leap seconds, an {@code Instant} does
 * not). An event with no errors converts to an {@link InventoryEvent} with {@link EventCodec#fromTree}.
 */
public final class EventValidator {

    /** Classpath location of the event contract. */
    public static final String SCHEMA_RESOURCE = "schemas/inventory-event.schema.json";

    /** Resource bundle with the generic field messages; rule-specific ones live in the schema's errorMessage. */
    static final String MESSAGES_BUNDLE = "schemas/inventory-event-messages";

    /** The custom message keyword, named as ajv-errors names it so that other validators can show the same text. */
    static final String ERROR_MESSAGE_KEYWORD = "errorMessage";

    private final JsonSchema schema;

    public EventValidator() {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .errorMessageKeyword(ERROR_MESSAGE_KEYWORD)
                // Draft 2020-12 treats format as an annotation unless asked; the timestamp must really be a date-time.
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_POINTER)
                .locale(Locale.ROOT)
                .messageSource(new ResourceBundleMessageSource(MESSAGES_BUNDLE))
                .build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        try (InputStream in = EventValidator.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("event schema not on the classpath: " + SCHEMA_RESOURCE);
            }
            this.schema = factory.getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SCHEMA_RESOURCE, e);
        }
        // Resolve every subschema now, so that the first request does not pay for it and a broken schema fails here.
        this.schema.initializeValidators();
    }

    /**
     * Validates one event.
     *
     * @param event the event as received (any JSON value; anything but an object is one error at field {@code ""})
     * @return every violation, each located by a JSON Pointer into the event; empty when the event is valid
     */
    public List<FieldError> validate(JsonNode event) {
        // A set: one value can break two keywords that say the same thing (" " breaks both whitespace checks).
        Set<FieldError> errors = new LinkedHashSet<>();
        for (ValidationMessage violation : schema.validate(event == null ? NullNode.getInstance() : event)) {
            errors.add(toFieldError(violation));
        }
        if (event != null && event.isObject()) {
            checkTransferEnds(event, errors);
            checkTimestampIsAnInstant(event, errors);
            checkTextIsPrintable(event, errors);
            checkQuantitiesAreInRange(event, errors);
        }
        return List.copyOf(errors);
    }

    private static FieldError toFieldError(ValidationMessage violation) {
        String location = violation.getInstanceLocation().toString();
        // required and additionalProperties are reported on the object; the sender needs the missing or extra field.
        String property = violation.getProperty();
        String field = property == null ? location : location + "/" + escapePointerToken(property);
        return new FieldError(field, stripLocationPrefix(violation.getMessage(), location));
    }

    private static String stripLocationPrefix(String message, String location) {
        // A message source without a key falls back to the library's text, which starts with "<location>: ".
        String prefix = location + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static String escapePointerToken(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static void checkTransferEnds(JsonNode event, Set<FieldError> errors) {
        JsonNode type = event.get("event_type");
        JsonNode from = event.get("location_id");
        JsonNode to = event.get("destination_location_id");
        if (type != null && EventType.TRANSFER.wireName().equals(type.asText())
                && from != null && from.isTextual() && to != null && to.isTextual()
                && from.textValue().equals(to.textValue())) {
            errors.add(new FieldError("/destination_location_id",
                    "must differ from location_id: a transfer moves units between two locations"));
        }
    }

    /** The event's text fields: stored in PostgreSQL and shown in logs and channels. */
    private static final List<String> TEXT_FIELDS = List.of("event_id", "event_type", "sku", "location_id",
            "destination_location_id", "order_id", "timestamp", "source");

    /** Quantities and their bounds as the schema states them; checked here too, see below. */
    private static final java.math.BigDecimal MAX_QUANTITY = java.math.BigDecimal.valueOf(1_000_000_000);

    /**
     * A control character or a lone UTF-16 surrogate in an identifier cannot be stored (PostgreSQL refuses NUL and
     * unpaired surrogates) and would stop the ledger on that record; no real identifier contains one.
     */
    private static void checkTextIsPrintable(JsonNode event, Set<FieldError> errors) {
        for (String field : TEXT_FIELDS) {
            JsonNode value = event.get(field);
            boolean alreadyReported = errors.stream().anyMatch(error -> error.field().equals("/" + field));
            if (value != null && value.isTextual() && !alreadyReported && !PrintableText.isPrintable(value.textValue())) {
                errors.add(new FieldError("/" + field,
                        "must not contain control characters or unpaired UTF-16 surrogates"));
            }
        }
    }

    /**
     * The schema's bounds again, on the exact value: the schema library compares very large numbers such as
     * {@code 1e400} as doubles (infinite) and lets them through, and they do not fit the event's int fields.
     */
    private static void checkQuantitiesAreInRange(JsonNode event, Set<FieldError> errors) {
        for (String field : List.of("quantity_change", "new_available")) {
            JsonNode value = event.get(field);
            boolean alreadyReported = errors.stream().anyMatch(error -> error.field().equals("/" + field));
            if (value != null && value.isNumber() && !alreadyReported
                    && value.decimalValue().abs().compareTo(MAX_QUANTITY) > 0) {
                errors.add(new FieldError("/" + field, "must be between -1000000000 and 1000000000"));
            }
        }
    }

    private static void checkTimestampIsAnInstant(JsonNode event, Set<FieldError> errors) {
        JsonNode timestamp = event.get("timestamp");
        boolean alreadyReported = errors.stream().anyMatch(error -> error.field().equals("/timestamp"));
        if (timestamp == null || !timestamp.isTextual() || alreadyReported) {
            return;
        }
        try {
            EventTimestamp.parse(timestamp.textValue());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("/timestamp",
                    "must be an RFC 3339 date-time that names an instant (no leap second, at most nanosecond precision)"));
        }
    }
}
