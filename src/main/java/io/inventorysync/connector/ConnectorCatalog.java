package io.inventorysync.connector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The connector instances of this deployment, read from {@code *.yaml} files in one directory.
 * {@code ${ENV_VAR:default}} placeholders in values are resolved by the given resolver (Spring's Environment),
 * so credentials stay in the environment.
 */
public final class ConnectorCatalog {

    private final List<ConnectorDefinition> definitions;

    private ConnectorCatalog(List<ConnectorDefinition> definitions) {
        this.definitions = List.copyOf(definitions);
    }

    public static ConnectorCatalog load(Path dir, UnaryOperator<String> placeholders) {
        if (!Files.isDirectory(dir)) {
            throw new ConnectorConfigException(dir, "connectors directory not found (set inventory-sync.connectors-dir)");
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<ConnectorDefinition> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList()) {
                found.add(parse(file, yaml.readTree(file.toFile()), placeholders));
            }
        } catch (IOException e) {
            throw new ConnectorConfigException(dir, "cannot read connector files", e);
        }
        long distinct = found.stream().map(ConnectorDefinition::name).distinct().count();
        if (distinct != found.size()) {
            throw new ConnectorConfigException(dir, "two connector files use the same name");
        }
        return new ConnectorCatalog(found);
    }

    static ConnectorDefinition parse(Path file, JsonNode node, UnaryOperator<String> placeholders) {
        String kind = required(file, node, "kind");
        if (!kind.equals("source") && !kind.equals("channel")) {
            throw new ConnectorConfigException(file, "kind must be 'source' or 'channel', was '" + kind + "'");
        }
        String name = required(file, node, "name");
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new ConnectorConfigException(file, "name must be kebab-case: " + name);
        }
        List<String> locations = new ArrayList<>();
        node.path("locations").forEach(l -> locations.add(l.asText()));
        Allocation allocation = Allocation.ALL;
        JsonNode a = node.path("allocation");
        if (!a.isMissingNode()) {
            try {
                allocation = new Allocation(a.path("buffer").asLong(0), a.path("percent").asInt(100),
                        a.hasNonNull("max") ? a.get("max").asLong() : null);
            } catch (IllegalArgumentException e) {
                throw new ConnectorConfigException(file, e.getMessage());
            }
        }
        Map<String, String> settings = new LinkedHashMap<>();
        node.path("settings").fields().forEachRemaining(e -> settings.put(e.getKey(), placeholders.apply(e.getValue().asText())));
        String mapping = node.hasNonNull("mapping") ? node.get("mapping").asText() : null;
        if (kind.equals("channel") && (locations.isEmpty() || mapping == null)) {
            throw new ConnectorConfigException(file, "a channel needs 'locations' and a 'mapping' file");
        }
        return new ConnectorDefinition(kind, name, required(file, node, "type"), List.copyOf(locations), allocation,
                mapping, Map.copyOf(settings), file);
    }

    private static String required(Path file, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.asText().isBlank()) {
            throw new ConnectorConfigException(file, "'" + field + "' is required");
        }
        return value.asText();
    }

    public List<ConnectorDefinition> all() {
        return definitions;
    }

    public List<ConnectorDefinition> channels() {
        return definitions.stream().filter(ConnectorDefinition::isChannel).toList();
    }

    public List<ConnectorDefinition> sources(String type) {
        return definitions.stream().filter(d -> d.isSource() && d.type().equals(type)).toList();
    }
}
