package io.inventorysync.ledger;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inventorysync.event.EventCodec;
import io.inventorysync.event.EventIdDeriver;
import io.inventorysync.event.EventValidator;
import io.inventorysync.event.FieldError;
import io.inventorysync.event.InventoryEvent;

/**
 * Validates topic records against the event schema (other producers than our webhook may write the topic)
 * and gives each event its id, derived the same way the webhook derives it. Plainly valid events take a
 * streaming fast path ({@link PlainEventReader}); everything else, every invalid event included, goes through
 * the schema.
 */
public class SchemaEventDecoder implements EventDecoder {

    private final PlainEventReader plain = new PlainEventReader();
    private final ObjectMapper json = new ObjectMapper();
    private final EventValidator validator = new EventValidator();
    private final EventCodec codec = new EventCodec();
    private final EventIdDeriver ids = new EventIdDeriver();

    @Override
    public Decoded decode(String payload) {
        InventoryEvent event = plain.read(payload);
        if (event != null) {
            return Decoded.ok(ids.withIdIfAbsent(event));
        }
        JsonNode tree;
        try {
            tree = json.readTree(payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Decoded.invalid("not JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            return Decoded.invalid("not a JSON object");
        }
        List<FieldError> errors = validator.validate(tree);
        if (!errors.isEmpty()) {
            return Decoded.invalid(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        }
        return Decoded.ok(ids.withIdIfAbsent(codec.fromTree(tree)));
    }
}
