package io.inventorysync.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;

/** The contract document itself: a correct draft 2020-12 schema that explains every field. */
class EventSchemaTest {

    private static JsonNode schema;

    @BeforeAll
    static void readSchema() throws IOException {
        try (InputStream in = EventSchemaTest.class.getClassLoader().getResourceAsStream(EventValidator.SCHEMA_RESOURCE)) {
            schema = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void isAValidDraft202012Schema() {
        var metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

        assertThat(metaSchema.validate(schema)).isEmpty();
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void everyFieldHasATitleAndADescription() {
        schema.path("properties").fields().forEachRemaining(field -> {
            assertThat(field.getValue().path("title").asText()).as(field.getKey()).isNotBlank();
            assertThat(field.getValue().path("description").asText()).as(field.getKey()).hasSizeGreaterThan(40);
        });
    }

    @Test
    void eventTypeEnumListsTheWireNameOfEveryEventType() {
        List<String> wireNames = new ArrayList<>();
        schema.at("/properties/event_type/enum").forEach(name -> wireNames.add(name.asText()));

        assertThat(wireNames).containsExactly(
                Arrays.stream(EventType.values()).map(EventType::wireName).toArray(String[]::new));
    }

    @Test
    void fieldsAreTheRecordsFields() {
        List<String> properties = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        List<String> recordFields = new ArrayList<>();
        new EventCodec().toTree(new InventoryEvent("e", EventType.TRANSFER, "s", "l", "d", -1, 0, "o",
                Instant.EPOCH, "src")).fieldNames().forEachRemaining(recordFields::add);

        assertThat(properties).containsExactlyInAnyOrderElementsOf(recordFields);
    }
}
