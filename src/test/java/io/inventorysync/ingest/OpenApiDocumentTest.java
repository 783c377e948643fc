package io.inventorysync.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.inventorysync.event.EventCodec;
import io.inventorysync.event.EventIdDeriver;
import io.inventorysync.event.EventValidator;
import io.inventorysync.event.InventoryEvent;

/** The published API document says what the edge does, and stays in step with the event schema. */
class OpenApiDocumentTest {

    private static final String DOCUMENT = "openapi/inventory-sync-api.yaml";
    private static final String EVENTS = "/api/v1/events";
    private static final String DEAD_LETTERS = "/api/v1/dead-letters";
    private static final String REPLAY = "/api/v1/dead-letters/replay";

    private static JsonNode api;
    private static JsonNode eventSchema;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void readDocuments() throws IOException {
        api = read(new YAMLMapper(), DOCUMENT);
        eventSchema = read(new ObjectMapper(), EventValidator.SCHEMA_RESOURCE);
    }

    private static JsonNode read(ObjectMapper mapper, String resource) throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath").isNotNull();
            return mapper.readTree(in);
        }
    }

    @Test
    void isAnOpenApi303Document() {
        assertThat(api.path("openapi").asText()).isEqualTo("3.0.3");
        assertThat(api.path("info").path("title").asText()).isNotBlank();
        assertThat(api.path("info").path("version").asText()).isNotBlank();
    }

    @Test
    void documentsExactlyTheOperationsAndResponseCodesOfTheApi() {
        Map<String, Set<String>> expected = Map.ofEntries(
                Map.entry("POST " + EVENTS, Set.of("202", "400", "401", "413", "503")),
                Map.entry("POST /api/v1/mappings/reload", Set.of("200", "401")),
                Map.entry("GET /api/v1/supplier-snapshots", Set.of("200", "400", "401")),
                Map.entry("GET /api/v1/supplier-snapshots/{id}", Set.of("200", "401", "404")),
                Map.entry("GET /api/v1/supplier-snapshots/{id}/file", Set.of("200", "401", "404")),
                Map.entry("POST /api/v1/supplier-snapshots/{id}/approve", Set.of("200", "401", "404", "409", "422")),
                Map.entry("POST /api/v1/supplier-snapshots/{id}/dismiss", Set.of("200", "401", "404", "409")),
                Map.entry("GET " + DEAD_LETTERS, Set.of("200", "400", "401")),
                Map.entry("POST " + REPLAY, Set.of("200", "400", "401")),
                Map.entry("GET /api/v1/dead-letters/summary", Set.of("200", "401")),
                Map.entry("GET /api/v1/ops/channels", Set.of("200", "401")),
                Map.entry("GET /api/v1/reconciliations", Set.of("200", "401")),
                Map.entry("POST /api/v1/reconciliations", Set.of("202", "400", "401", "409")),
                Map.entry("POST /api/v1/reconciliations/{id}/apply", Set.of("200", "401", "404", "409")),
                Map.entry("GET /api/v1/reconciliations/{id}", Set.of("200", "400", "401", "404")),
                Map.entry("GET /api/v1/channels/{channel}/controls", Set.of("200", "401", "404")),
                Map.entry("POST /api/v1/channels/{channel}/pause", Set.of("200", "401", "404")),
                Map.entry("POST /api/v1/channels/{channel}/resume", Set.of("200", "401", "404")),
                Map.entry("PUT /api/v1/channels/{channel}/shadow", Set.of("200", "400", "401", "404")),
                Map.entry("POST /api/v1/channels/{channel}/limited-availability", Set.of("200", "400", "401", "404")),
                Map.entry("DELETE /api/v1/channels/{channel}/limited-availability", Set.of("200", "401", "404")),
                Map.entry("PUT /api/v1/channels/{channel}/skus/{sku}/pause", Set.of("200", "401", "404")),
                Map.entry("DELETE /api/v1/channels/{channel}/skus/{sku}/pause", Set.of("200", "401", "404")),
                Map.entry("PUT /api/v1/channels/{channel}/skus/{sku}/buffer", Set.of("200", "400", "401", "404")),
                Map.entry("DELETE /api/v1/channels/{channel}/skus/{sku}/buffer", Set.of("200", "401", "404")),
                Map.entry("POST /api/v1/channels/{channel}/sync", Set.of("202", "401", "404")),
                Map.entry("GET /api/v1/incidents", Set.of("200", "400", "401")),
                Map.entry("POST /api/v1/incidents/{id}/acknowledge", Set.of("200", "400", "401", "404", "409")),
                Map.entry("GET /api/v1/monitors", Set.of("200", "401")),
                Map.entry("GET /api/v1/monitors/{id}", Set.of("200", "401", "404")));

        Map<String, Set<String>> documented = new TreeMap<>();
        api.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            Set<String> codes = new TreeSet<>();
            operation.getValue().path("responses").fieldNames().forEachRemaining(codes::add);
            documented.put(operation.getKey().toUpperCase() + " " + path.getKey(), codes);
        }));

        assertThat(documented).isEqualTo(new TreeMap<>(expected));
    }

    @Test
    void everyOperationHasAnIdASummaryAndDescribedResponses() {
        Set<String> operationIds = new HashSet<>();
        api.path("paths").forEach(path -> path.forEach(operation -> {
            assertThat(operationIds.add(operation.path("operationId").asText())).isTrue();
            assertThat(operation.path("summary").asText()).isNotBlank();
            operation.path("responses").forEach(response ->
                    assertThat(resolve(response).path("description").asText()).isNotBlank());
        }));
        assertThat(operationIds).containsExactlyInAnyOrder("publishEvents", "listDeadLetters", "replayDeadLetters",
                "reloadMappings", "listSupplierSnapshots", "getSupplierSnapshot", "getSupplierSnapshotFile",
                "approveSupplierSnapshot", "dismissSupplierSnapshot", "listReconciliations", "startReconciliation",
                "applyReconciliation", "summarizeDeadLetters", "channelOverview", "getReconciliation", "getChannelControls", "pauseChannel", "resumeChannel",
                "setChannelShadow", "engageLimitedAvailability", "liftLimitedAvailability", "pauseChannelSku",
                "resumeChannelSku", "setChannelSkuBuffer", "removeChannelSkuBuffer", "syncChannel",
                "listIncidents", "acknowledgeIncident", "listMonitors", "getMonitor");
    }

    @Test
    void everyReferenceResolvesWithinTheDocument() {
        List<String> refs = new ArrayList<>();
        collectRefs(api, refs);

        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            assertThat(ref).startsWith("#/");
            assertThat(api.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        });
    }

    @Test
    void adminOperationsNeedTheBearerTokenAndTheWebhookNeedsItsSignatureHeaders() {
        JsonNode scheme = api.at("/components/securitySchemes/bearerAuth");
        assertThat(scheme.path("type").asText()).isEqualTo("http");
        assertThat(scheme.path("scheme").asText()).isEqualTo("bearer");
        assertThat(operation("get", DEAD_LETTERS).at("/security/0").has("bearerAuth")).isTrue();
        assertThat(operation("post", REPLAY).at("/security/0").has("bearerAuth")).isTrue();

        JsonNode publish = operation("post", EVENTS);
        assertThat(publish.path("security")).isEmpty();
        List<String> requiredHeaders = new ArrayList<>();
        publish.path("parameters").forEach(ref -> {
            JsonNode parameter = resolve(ref);
            if (parameter.path("in").asText().equals("header") && parameter.path("required").asBoolean()) {
                requiredHeaders.add(parameter.path("name").asText());
            }
        });
        assertThat(requiredHeaders).containsExactlyInAnyOrder(WebhookHeaders.SOURCE, WebhookHeaders.SIGNATURE);
    }

    @Test
    void deadLetterQueryTakesStageReasonReplayedAndLimit() {
        List<String> names = new ArrayList<>();
        operation("get", DEAD_LETTERS).path("parameters")
                .forEach(parameter -> names.add(parameter.path("in").asText() + ":" + parameter.path("name").asText()));

        assertThat(names).containsExactlyInAnyOrder("query:stage", "query:reason", "query:includeReplayed",
                "query:limit");
    }

    @Test
    void eventFieldsAreTheJsonSchemasFieldsWithTheSameMeaningAndBounds() {
        JsonNode fields = api.at("/components/schemas/InventoryEventFields");
        JsonNode schemaProperties = eventSchema.path("properties");

        assertThat(names(fields.path("properties"))).isEqualTo(names(schemaProperties));
        schemaProperties.fields().forEachRemaining(entry -> {
            JsonNode own = entry.getValue();
            JsonNode documented = fields.path("properties").path(entry.getKey());
            JsonNode constraints = own.has("$ref") ? eventSchema.at(own.get("$ref").asText().substring(1)) : own;
            assertThat(documented.path("title")).as(entry.getKey()).isEqualTo(own.path("title"));
            assertThat(documented.path("description")).as(entry.getKey()).isEqualTo(own.path("description"));
            // OpenAPI 3.0 ignores siblings of $ref, so a referenced type is wrapped in allOf there.
            JsonNode documentedConstraints = documented.has("allOf") ? resolve(documented.at("/allOf/0")) : documented;
            for (String bound : List.of("type", "maxLength", "minimum", "maximum", "format")) {
                assertThat(documentedConstraints.path(bound)).as(entry.getKey() + " " + bound)
                        .isEqualTo(constraints.path(bound));
            }
        });
        assertThat(api.at("/components/schemas/EventType/enum")).isEqualTo(eventSchema.at("/properties/event_type/enum"));

        Set<String> required = names(eventSchema.path("required"));
        required.remove("source"); // the webhook fills it from X-Inventory-Source
        assertThat(names(fields.path("required"))).isEqualTo(required);
    }

    @Test
    void everyEventTypeMapsToItsOwnSchema() {
        JsonNode mapping = api.at("/components/schemas/InventoryEvent/discriminator/mapping");

        assertThat(names(mapping)).isEqualTo(names(eventSchema.at("/properties/event_type/enum")));
        mapping.forEach(ref -> assertThat(api.at(ref.asText().substring(1)).isMissingNode()).isFalse());
    }

    @Test
    void requestExamplesAreAcceptedByTheIntake() throws IOException {
        JsonNode examples = operation("post", EVENTS).at("/requestBody/content/application~1json/examples");
        WebhookIntake intake = new WebhookIntake(Map.of("shopify", "k1", "erp-main", "k2"));

        byte[] sale = json.writeValueAsBytes(examples.at("/sale/value"));
        byte[] batch = json.writeValueAsBytes(examples.at("/batch/value"));

        assertThat(intake.accept("shopify", new WebhookSigner("k1").signatureHeader(sale), sale)).hasSize(1);
        assertThat(intake.accept("erp-main", new WebhookSigner("k2").signatureHeader(batch), batch)).hasSize(3);
    }

    @Test
    void acceptedExampleShowsTheRealDerivedIdOfTheSaleExample() throws IOException {
        JsonNode sale = operation("post", EVENTS).at("/requestBody/content/application~1json/examples/sale/value");
        InventoryEvent event = new EventCodec().fromTree(sale);

        JsonNode accepted = operation("post", EVENTS).at("/responses/202/content/application~1json/example");

        assertThat(accepted.at("/event_ids/0").asText()).isEqualTo(new EventIdDeriver().derive(event));
    }

    @Test
    void signatureExampleIsTheSignatureOfTheSaleExampleUnderExampleSecret() throws IOException {
        JsonNode sale = operation("post", EVENTS).at("/requestBody/content/application~1json/examples/sale/value");
        byte[] compact = json.writeValueAsString(sale).getBytes(StandardCharsets.UTF_8);
        JsonNode header = api.at("/components/parameters/SignatureHeader/schema");

        assertThat(header.path("example").asText())
                .isEqualTo(new WebhookSigner("example-secret").signatureHeader(compact))
                .matches(header.path("pattern").asText());
    }

    @Test
    void problemReasonsCoverEveryRejectionTheIntakeMakes() throws IllegalAccessException {
        Set<String> documented = new HashSet<>();
        api.at("/components/schemas/Problem/properties/error/enum").forEach(code -> documented.add(code.asText()));

        Set<String> made = new HashSet<>();
        for (Field field : WebhookRejectedException.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                made.add((String) field.get(null));
            }
        }
        assertThat(documented).containsAll(made);
    }

    private static JsonNode operation(String method, String path) {
        return api.path("paths").path(path).path(method);
    }

    private static JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? api.at(node.get("$ref").asText().substring(1)) : node;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("$ref")) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> collectRefs(element, refs));
        }
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        if (node.isArray()) {
            node.forEach(element -> names.add(element.asText()));
        } else {
            node.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }
}
