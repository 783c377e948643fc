package io.inventorysync.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The kamelets of one folder, by name, so Pipes and routes can be checked against what actually exists. */
final class KameletCatalog {

    /** Names a kamelet template uses to reach its own caller; they never name a kamelet file. */
    private static final Set<String> RESERVED_NAMES = Set.of("source", "sink");

    private final Map<String, JsonNode> kameletsByName;

    private KameletCatalog(Map<String, JsonNode> kameletsByName) {
        this.kameletsByName = kameletsByName;
    }

    static KameletCatalog of(Path kameletsDir) {
        Map<String, JsonNode> byName = new TreeMap<>();
        for (Path file : ConformanceSupport.filesIn(kameletsDir, ConformanceSupport.KAMELET_SUFFIX)) {
            String fileName = file.getFileName().toString();
            byName.put(fileName.substring(0, fileName.length() - ConformanceSupport.KAMELET_SUFFIX.length()),
                    ConformanceSupport.readYaml(file));
        }
        return new KameletCatalog(Map.copyOf(byName));
    }

    Set<String> names() {
        return new TreeSet<>(kameletsByName.keySet());
    }

    /** Kamelets of this catalog that {@code used} does not mention, e.g. kamelets no example shows. */
    Set<String> namesMissingFrom(Set<String> used) {
        Set<String> missing = names();
        missing.removeAll(used);
        return missing;
    }

    boolean contains(String name) {
        return kameletsByName.containsKey(name);
    }

    Optional<String> role(String name) {
        return Optional.ofNullable(kameletsByName.get(name))
                .map(kamelet -> kamelet.path("metadata").path("labels").path(KameletRules.TYPE_LABEL).asText(null));
    }

    Set<String> definedProperties(String name) {
        Set<String> defined = new LinkedHashSet<>();
        definition(name).path("properties").fieldNames().forEachRemaining(defined::add);
        return defined;
    }

    Set<String> requiredProperties(String name) {
        Set<String> required = new LinkedHashSet<>();
        definition(name).path("required").forEach(property -> required.add(property.asText()));
        return required;
    }

    /**
     * The kamelet a {@code kamelet:} endpoint URI names ({@code kamelet:name}, {@code kamelet:name/routeId?x=y}),
     * or empty for any other URI and for the reserved {@code kamelet:source}/{@code kamelet:sink}.
     */
    static Optional<String> kameletNamedBy(String uri) {
        if (!uri.startsWith("kamelet:")) {
            return Optional.empty();
        }
        String rest = uri.substring("kamelet:".length());
        String name = rest.split("[/?]", 2)[0];
        return RESERVED_NAMES.contains(name) || name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    private JsonNode definition(String name) {
        JsonNode kamelet = kameletsByName.get(name);
        if (kamelet == null) {
            throw new IllegalArgumentException("No kamelet named " + name);
        }
        return kamelet.path("spec").path("definition");
    }
}
