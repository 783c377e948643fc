package io.inventorysync.connectors.shopify.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.Document;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;

/**
 * Shopify's own Admin GraphQL schema, 2025-01, from the introspection result kept in shared/schemas/vendors/shopify
 * (it predates changeFromQuantity and @idempotent). Loaded once per JVM: it is 637 KB gzipped.
 */
public final class ShopifyAdminSchema2025 {

    private static final List<String> SHARED_CANDIDATES = List.of("../shared", "../../shared", "/work/shared");
    private static GraphQLSchema schema;

    private ShopifyAdminSchema2025() {
    }

    public static synchronized GraphQLSchema get() {
        if (schema == null) {
            schema = load();
        }
        return schema;
    }

    @SuppressWarnings("unchecked")
    private static GraphQLSchema load() {
        Path file = SHARED_CANDIDATES.stream()
                .map(dir -> Path.of(dir, "schemas/vendors/shopify/admin_schema_2025-01.json.gz"))
                .filter(Files::isRegularFile)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("shared/schemas/vendors/shopify/admin_schema_2025-01.json.gz "
                        + "not found beside the project (looked in " + SHARED_CANDIDATES + ")"));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            Map<String, Object> introspection = new ObjectMapper().readValue(in, Map.class);
            Map<String, Object> data = (Map<String, Object>) introspection.getOrDefault("data", introspection);
            Document document = new IntrospectionResultToSchema().createSchemaDefinition(data);
            TypeDefinitionRegistry registry = new SchemaParser().buildRegistry(document);
            return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
