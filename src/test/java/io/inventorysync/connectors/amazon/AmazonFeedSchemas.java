package io.inventorysync.connectors.amazon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Amazon's own JSON schemas of the JSON_LISTINGS_FEED and its processing report (draft-07, from
 * amzn/selling-partner-api-models, kept in shared/schemas/vendors/amazon next to the project).
 */
public final class AmazonFeedSchemas {

    private static final List<String> SHARED_CANDIDATES = List.of("../shared", "../../shared", "/work/shared");
    private static final ObjectMapper JSON = new ObjectMapper();

    private AmazonFeedSchemas() {
    }

    public static JsonSchema feed() {
        return load("listings-feed-schema-v2.json");
    }

    public static JsonSchema processingReport() {
        return load("listings-feed-processing-report-schema-v2.json");
    }

    public static JsonNode example(String file) {
        try {
            return JSON.readTree(file(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Violations as readable lines; empty when the document is valid. */
    public static List<String> violations(JsonSchema schema, JsonNode document) {
        return schema.validate(document).stream().map(ValidationMessage::getMessage).distinct().sorted().toList();
    }

    public static List<String> violations(JsonSchema schema, byte[] document) {
        try {
            return violations(schema, JSON.readTree(document));
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }

    private static JsonSchema load(String file) {
        try {
            JsonNode schema = JSON.readTree(file(file).toFile());
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path file(String name) {
        return SHARED_CANDIDATES.stream()
                .map(dir -> Path.of(dir, "schemas/vendors/amazon", name))
                .filter(Files::isRegularFile)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("shared/schemas/vendors/amazon/" + name
                        + " not found beside the project (looked in " + SHARED_CANDIDATES + ")"));
    }
}
