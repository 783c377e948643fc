package io.inventorysync.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Camel K Pipes and Integrations: their CRD, and that the kamelets they use exist and get the right properties. */
final class CamelKResourceRules {

    enum Rule { CRD_SCHEMA, API_VERSION, NAME, KAMELET_REFERENCE, KAMELET_PROPERTIES, ERROR_HANDLER }

    private static final Set<String> KINDS = Set.of("Pipe", "Integration");
    private static final String API_VERSION = "camel.apache.org/v1";
    private static final Pattern DNS_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    /** Where a Pipe plugs an endpoint in, and the kamelet role that fits there. */
    private record EndpointSlot(String path, JsonNode endpoint, String expectedRole) {
    }

    private final JsonSchema pipeCrd;
    private final JsonSchema integrationCrd;
    private final RouteRules routeRules;
    private final KameletCatalog kamelets;

    CamelKResourceRules(JsonSchema pipeCrd, JsonSchema integrationCrd, RouteRules routeRules, KameletCatalog kamelets) {
        this.pipeCrd = pipeCrd;
        this.integrationCrd = integrationCrd;
        this.routeRules = routeRules;
        this.kamelets = kamelets;
    }

    /** The Pipe and Integration documents of a YAML file; other documents (Secrets, ConfigMaps...) are not ours. */
    static List<JsonNode> resourcesIn(Path yamlFile) {
        return ConformanceSupport.readYamlDocuments(yamlFile).stream()
                .filter(document -> KINDS.contains(document.path("kind").asText()))
                .toList();
    }

    List<Violation> check(JsonNode resource) {
        Set<Violation> violations = new LinkedHashSet<>();
        String kind = resource.path("kind").asText();
        JsonSchema crd = kind.equals("Pipe") ? pipeCrd : integrationCrd;
        ConformanceSupport.validate(crd, resource).forEach(message ->
                violations.add(new Violation(Rule.CRD_SCHEMA, message)));
        if (!API_VERSION.equals(resource.path("apiVersion").asText())) {
            violations.add(new Violation(Rule.API_VERSION, kind + " apiVersion must be " + API_VERSION + ", found '"
                    + resource.path("apiVersion").asText() + "'"));
        }
        String name = resource.path("metadata").path("name").asText("");
        if (!DNS_NAME.matcher(name).matches()) {
            violations.add(new Violation(Rule.NAME, kind + " metadata.name '" + name
                    + "' must be a lower-case Kubernetes name"));
        }
        if (kind.equals("Pipe")) {
            checkPipe(resource.path("spec"), violations);
        } else {
            checkIntegration(resource.path("spec"), violations);
        }
        return List.copyOf(violations);
    }

    /** Kamelets a Pipe or Integration uses, by reference or by {@code kamelet:} URI. */
    static Set<String> kameletsUsedBy(JsonNode resource) {
        Set<String> names = new TreeSet<>(RouteRules.kameletsUsedIn(resource));
        for (EndpointSlot slot : endpointSlots(resource.path("spec"))) {
            kameletRefName(slot.endpoint()).ifPresent(names::add);
        }
        return names;
    }

    /** Kamelets the Pipes in the given YAML files use, so the suite can tell which kamelets no Pipe shows. */
    static Set<String> kameletsUsedByPipesIn(List<Path> yamlFiles) {
        Set<String> names = new TreeSet<>();
        for (Path file : yamlFiles) {
            resourcesIn(file).stream()
                    .filter(resource -> resource.path("kind").asText().equals("Pipe"))
                    .forEach(pipe -> names.addAll(kameletsUsedBy(pipe)));
        }
        return names;
    }

    private void checkPipe(JsonNode spec, Set<Violation> violations) {
        for (EndpointSlot slot : endpointSlots(spec)) {
            Optional<String> byRef = kameletRefName(slot.endpoint());
            Optional<String> byUri = KameletCatalog.kameletNamedBy(slot.endpoint().path("uri").asText(""));
            byRef.or(() -> byUri).ifPresent(name -> checkKameletEndpoint(slot, name, byRef.isPresent(), violations));
            JsonNode ref = slot.endpoint().path("ref");
            if (byRef.isPresent() && ref.has("apiVersion") && !API_VERSION.equals(ref.path("apiVersion").asText())) {
                violations.add(new Violation(Rule.KAMELET_REFERENCE, slot.path() + ".ref.apiVersion must be "
                        + API_VERSION));
            }
        }
        if (!spec.path("errorHandler").path("sink").path("endpoint").isObject()) {
            violations.add(new Violation(Rule.ERROR_HANDLER, "a Pipe needs spec.errorHandler.sink.endpoint: failed"
                    + " events go to a dead-letter topic, not into the log"));
        }
    }

    private void checkKameletEndpoint(EndpointSlot slot, String name, boolean byRef, Set<Violation> violations) {
        if (!kamelets.contains(name)) {
            violations.add(new Violation(Rule.KAMELET_REFERENCE, slot.path() + " uses kamelet '" + name
                    + "', which the kamelets folder does not hold " + kamelets.names()));
            return;
        }
        String role = kamelets.role(name).orElse("");
        if (!role.equals(slot.expectedRole())) {
            violations.add(new Violation(Rule.KAMELET_REFERENCE, slot.path() + " needs a " + slot.expectedRole()
                    + " kamelet but '" + name + "' is a " + role));
        }
        if (!byRef) {
            return; // Options of a kamelet: URI live in its query; Camel K resolves them, the CRD cannot see them.
        }
        Set<String> given = new TreeSet<>();
        slot.endpoint().path("properties").fieldNames().forEachRemaining(given::add);
        Set<String> defined = kamelets.definedProperties(name);
        for (String property : given) {
            if (!defined.contains(property)) {
                violations.add(new Violation(Rule.KAMELET_PROPERTIES, slot.path() + " sets '" + property
                        + "', which kamelet '" + name + "' does not define " + defined));
            }
        }
        for (String required : kamelets.requiredProperties(name)) {
            if (!given.contains(required)) {
                violations.add(new Violation(Rule.KAMELET_PROPERTIES, slot.path() + " leaves out '" + required
                        + "', which kamelet '" + name + "' requires"));
            }
        }
    }

    private void checkIntegration(JsonNode spec, Set<Violation> violations) {
        if (spec.has("flows")) {
            routeRules.check(spec.path("flows")).forEach(violation -> violations.add(
                    new Violation(violation.rule(), "spec.flows: " + violation.message())));
        }
    }

    private static List<EndpointSlot> endpointSlots(JsonNode spec) {
        List<EndpointSlot> slots = new ArrayList<>();
        if (spec.has("source")) {
            slots.add(new EndpointSlot("spec.source", spec.path("source"), "source"));
        }
        for (int i = 0; i < spec.path("steps").size(); i++) {
            slots.add(new EndpointSlot("spec.steps[" + i + "]", spec.path("steps").path(i), "action"));
        }
        if (spec.has("sink")) {
            slots.add(new EndpointSlot("spec.sink", spec.path("sink"), "sink"));
        }
        JsonNode deadLetter = spec.path("errorHandler").path("sink").path("endpoint");
        if (deadLetter.isObject()) {
            slots.add(new EndpointSlot("spec.errorHandler.sink.endpoint", deadLetter, "sink"));
        }
        return slots;
    }

    private static Optional<String> kameletRefName(JsonNode endpoint) {
        JsonNode ref = endpoint.path("ref");
        return "Kamelet".equals(ref.path("kind").asText()) ? Optional.of(ref.path("name").asText()) : Optional.empty();
    }
}
