package io.inventorysync.event;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Turns an {@link InventoryEvent} into the JSON of the contract and back: snake_case names, the timestamp as an
 * ISO-8601 UTC string ({@code 2026-03-15T14:22:03.412Z}), absent fields left out rather than written as null.
 * <p>
 * Reading accepts any RFC 3339 offset notation and ignores fields the record does not have (a source's
 * {@code x-} extension fields). It does not validate: run {@link EventValidator} on untrusted input first.
 * Thread-safe; share one instance.
 */
public final class EventCodec {

    private final ObjectMapper mapper;

    public EventCodec() {
        this.mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                // Registered after JavaTimeModule, so it wins for Instant: RFC 3339 allows notations ISO_INSTANT lacks.
                .addModule(new SimpleModule("rfc3339-instant").addDeserializer(Instant.class, new Rfc3339InstantDeserializer()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }

    /** The event as UTF-8 JSON bytes. */
    public byte[] toJson(InventoryEvent event) {
        try {
            return mapper.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write event " + event, e);
        }
    }

    /** The event as a JSON tree, e.g. to validate it or to embed it in another document. */
    public JsonNode toTree(InventoryEvent event) {
        return mapper.valueToTree(event);
    }

    /**
     * Reads an event from UTF-8 JSON bytes.
     *
     * @throws IllegalArgumentException if the bytes are not JSON of an event
     */
    public InventoryEvent fromJson(byte[] json) {
        try {
            return mapper.readValue(json, InventoryEvent.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an inventory event: " + e.getMessage(), e);
        }
    }

    /**
     * Reads an event from a JSON tree that {@link EventValidator} found valid.
     *
     * @throws IllegalArgumentException if the tree is not an event
     */
    public InventoryEvent fromTree(JsonNode json) {
        try {
            return mapper.treeToValue(json, InventoryEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an inventory event: " + e.getOriginalMessage(), e);
        }
    }

    private static final class Rfc3339InstantDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            String text = parser.getText();
            try {
                return EventTimestamp.parse(text);
            } catch (DateTimeParseException e) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text, "not an RFC 3339 date-time");
            }
        }
    }
}
