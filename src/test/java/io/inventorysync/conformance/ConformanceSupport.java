package io.inventorysync.conformance;

import static java.util.stream.Collectors.toList;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads what the conformance tests compare user YAML against: the YAML files themselves, the Camel K CRD
 * schemas from the shared folder and the YAML DSL schema from the camel-yaml-dsl jar.
 */
final class ConformanceSupport {

    /** Top-level folders users edit; relative to the project root, which is Maven's working directory. */
    static final Path KAMELETS_DIR = Path.of("kamelets");
    static final Path ROUTES_DIR = Path.of("routes");
    static final Path EXAMPLES_DIR = Path.of("examples");

    static final String KAMELET_SUFFIX = ".kamelet.yaml";
    static final String ROUTE_SUFFIX = ".camel.yaml";

    static final String KAMELET_CRD = "camel.apache.org_kamelets.yaml";
    static final String PIPE_CRD = "camel.apache.org_pipes.yaml";
    static final String INTEGRATION_CRD = "camel.apache.org_integrations.yaml";

    /** Overrides where the shared reference folder is, for checkouts that do not sit next to it. */
    static final String SHARED_DIR_PROPERTY = "conformance.shared.dir";

    /** Ships inside org.apache.camel:camel-yaml-dsl, so it always matches the Camel version on the classpath. */
    static final String YAML_DSL_SCHEMA = "schema/camelYamlDsl.json";

    // Duplicate keys are legal-looking YAML where the last one silently wins; in a route that hides a bug.
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SCALAR_TYPES = Set.of("string", "number", "integer", "boolean");

    private ConformanceSupport() {
    }

    static JsonNode readYaml(Path file) {
        List<JsonNode> documents = readYamlDocuments(file);
        if (documents.size() != 1) {
            throw new IllegalArgumentException(file + " must hold exactly one YAML document, found " + documents.size());
        }
        return documents.get(0);
    }

    static List<JsonNode> readYamlDocuments(Path file) {
        // Not readValues(): on a routes file, whose root is a list, it would iterate the list's items instead.
        try (JsonParser parser = YAML.createParser(file.toFile())) {
            List<JsonNode> documents = new ArrayList<>();
            while (parser.nextToken() != null) {
                JsonNode document = YAML.readTree(parser);
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot parse YAML in " + file + ": " + e.getMessage(), e);
        }
    }

    /** Files directly in {@code dir} whose name ends with {@code suffix}; none when the folder does not exist. */
    static List<Path> filesIn(Path dir, String suffix) {
        return list(dir, 1, suffix);
    }

    /** Files anywhere under {@code dir} whose name ends with {@code suffix}; none when the folder does not exist. */
    static List<Path> filesUnder(Path dir, String suffix) {
        return list(dir, Integer.MAX_VALUE, suffix);
    }

    private static List<Path> list(Path dir, int depth, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir, depth)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .collect(toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A folder of test fixtures under {@code src/test/resources/conformance}. */
    static Path fixture(String relative) {
        URL url = ConformanceSupport.class.getResource("/conformance/" + relative);
        if (url == null) {
            throw new IllegalArgumentException("No fixture conformance/" + relative + " on the test classpath");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path camelKSchemaDir() {
        String override = System.getProperty(SHARED_DIR_PROPERTY);
        Path shared = override != null ? Path.of(override) : Path.of("..", "shared");
        Path dir = shared.resolve("schemas").resolve("camel-k");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("Camel K CRD schemas not found at " + dir.toAbsolutePath().normalize()
                    + ". The conformance tests read them from ../shared/schemas/camel-k next to the project;"
                    + " or set -D" + SHARED_DIR_PROPERTY + "=<folder that holds schemas/camel-k>.");
        }
        return dir;
    }

    /**
     * The {@code openAPIV3Schema} of a Camel K CRD, closed the way the API server treats it: fields a schema does
     * not declare are pruned by Kubernetes (and rejected by {@code kubectl apply}'s strict field validation), so a
     * misspelt field in an example must fail here rather than vanish in a cluster.
     */
    static JsonSchema crdSchema(String crdFile) {
        Path file = camelKSchemaDir().resolve(crdFile);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("CRD " + file.toAbsolutePath().normalize() + " is missing");
        }
        JsonNode crd = readYamlDocuments(file).get(0);
        JsonNode schema = crd.path("spec").path("versions").path(0).path("schema").path("openAPIV3Schema");
        if (!schema.isObject()) {
            throw new IllegalStateException(file + " has no spec.versions[0].schema.openAPIV3Schema");
        }
        ObjectNode closed = schema.deepCopy();
        closeLikeKubernetesPruning(closed);
        return schemaFactory().getSchema(closed, validatorsConfig());
    }

    /**
     * The YAML DSL schema, with one adjustment to match the loader it describes: the YAML DSL reads every scalar
     * as text and converts it when the route is built (that is how {@code maximumRedeliveries: "{{retries}}"} and
     * {@code redeliveryDelay: 500} both work), so any scalar is accepted where the schema names a scalar type.
     * Structure (unknown steps, misspelt options, lists vs maps) is checked as written.
     */
    static JsonSchema yamlDslSchema() {
        JsonNode schema;
        try (InputStream in = ConformanceSupport.class.getClassLoader().getResourceAsStream(YAML_DSL_SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException(YAML_DSL_SCHEMA + " is not on the test classpath; it ships in"
                        + " org.apache.camel:camel-yaml-dsl (pulled in by camel-yaml-dsl-starter)");
            }
            schema = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptAnyScalarForScalarTypes(schema);
        return schemaFactory().getSchema(SchemaLocation.of("classpath:" + YAML_DSL_SCHEMA), schema, validatorsConfig());
    }

    /** Schema violations as readable lines ({@code $.spec.x: message}), sorted so failures read the same each run. */
    static List<String> validate(JsonSchema schema, JsonNode document) {
        return schema.validate(document).stream()
                .map(ValidationMessage::getMessage)
                .distinct()
                .sorted()
                .collect(toList());
    }

    private static SchemaValidatorsConfig validatorsConfig() {
        return SchemaValidatorsConfig.builder().build();
    }

    /**
     * Draft 4, which both the YAML DSL schema and the CRDs' OpenAPI v3 structural schemas are written in. CRDs add
     * {@code x-kubernetes-*} extensions that only steer the API server (list merging, int-or-string, pruning) and
     * constrain nothing a validator could check, so keywords draft 4 does not know are accepted silently.
     */
    private static JsonSchemaFactory schemaFactory() {
        JsonMetaSchema draft4 = JsonMetaSchema.getV4();
        JsonMetaSchema lenientDraft4 = JsonMetaSchema.builder(draft4.getIri(), draft4)
                .unknownKeywordFactory((keyword, context) -> new NonValidationKeyword(keyword))
                .build();
        return JsonSchemaFactory.builder()
                .defaultMetaSchemaIri(draft4.getIri())
                .metaSchema(lenientDraft4)
                .build();
    }

    private static void acceptAnyScalarForScalarTypes(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (SCALAR_TYPES.contains(object.path("type").asText())) {
                ArrayNode anyScalar = object.arrayNode();
                List.of("string", "number", "boolean").forEach(anyScalar::add);
                object.set("type", anyScalar);
            }
        }
        node.forEach(ConformanceSupport::acceptAnyScalarForScalarTypes);
    }

    private static void closeLikeKubernetesPruning(JsonNode schema) {
        if (!schema.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) schema;
        boolean keepsUnknown = object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (object.has("properties") && !object.has("additionalProperties") && !keepsUnknown) {
            object.set("additionalProperties", BooleanNode.FALSE);
        }
        // Only descend where schemas sit; default/enum/example hold plain values that must stay as written.
        for (String mapOfSchemas : List.of("properties", "patternProperties", "definitions")) {
            object.path(mapOfSchemas).forEach(ConformanceSupport::closeLikeKubernetesPruning);
        }
        for (String singleSchema : List.of("additionalProperties", "items", "not")) {
            closeLikeKubernetesPruning(object.path(singleSchema));
        }
        for (String listOfSchemas : List.of("items", "anyOf", "allOf", "oneOf")) {
            if (object.path(listOfSchemas).isArray()) {
                object.get(listOfSchemas).forEach(ConformanceSupport::closeLikeKubernetesPruning);
            }
        }
    }
}
