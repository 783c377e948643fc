package io.inventorysync.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The YAML DSL schema plus the route conventions of STYLE.md, checked on one routes file (a YAML DSL list). */
final class RouteRules {

    enum Rule { DSL_SCHEMA, ROUTE_ID, KAMELET_REFERENCE }

    private static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Top-level YAML DSL items that create something addressed by id, and the field holding that id. */
    private static final Map<String, String> ID_FIELD_BY_ITEM = Map.of(
            "route", "id", "routeConfiguration", "id", "routeTemplate", "id", "templatedRoute", "routeId");

    private final JsonSchema yamlDsl;
    private final KameletCatalog kamelets;

    RouteRules(JsonSchema yamlDsl, KameletCatalog kamelets) {
        this.yamlDsl = yamlDsl;
        this.kamelets = kamelets;
    }

    List<Violation> check(Path routesFile) {
        return check(ConformanceSupport.readYaml(routesFile));
    }

    /** Checks a YAML DSL list wherever it sits: a {@code *.camel.yaml} file or a Camel K Integration's flows. */
    List<Violation> check(JsonNode routes) {
        Set<Violation> violations = new LinkedHashSet<>();
        ConformanceSupport.validate(yamlDsl, routes).forEach(message ->
                violations.add(new Violation(Rule.DSL_SCHEMA, message)));
        for (JsonNode item : routes) {
            if (item.has("from")) {
                violations.add(new Violation(Rule.ROUTE_ID, "a top-level from: makes a route with a generated id;"
                        + " wrap it as route: {id: <what-it-does>, from: ...}"));
            }
            ID_FIELD_BY_ITEM.forEach((itemName, idField) -> {
                if (item.has(itemName)) {
                    String id = item.get(itemName).path(idField).asText("");
                    if (id.isEmpty()) {
                        violations.add(new Violation(Rule.ROUTE_ID, itemName + " has no " + idField
                                + "; give it one that names what it does, e.g. shopify-push"));
                    } else if (!KEBAB_CASE.matcher(id).matches()) {
                        violations.add(new Violation(Rule.ROUTE_ID, itemName + " " + idField + " '" + id
                                + "' must be kebab-case, e.g. shopify-push"));
                    }
                }
            });
        }
        for (String name : kameletsUsedIn(routes)) {
            if (!kamelets.contains(name)) {
                violations.add(new Violation(Rule.KAMELET_REFERENCE, "kamelet:" + name
                        + " names no kamelet in the kamelets folder " + kamelets.names()));
            }
        }
        return List.copyOf(violations);
    }

    /** Kamelets a YAML tree reaches through {@code kamelet:} endpoint URIs or the {@code kamelet} EIP. */
    static Set<String> kameletsUsedIn(JsonNode tree) {
        Set<String> names = new TreeSet<>();
        for (String text : YamlTree.texts(tree)) {
            KameletCatalog.kameletNamedBy(text).ifPresent(names::add);
        }
        for (YamlTree.Field field : YamlTree.fieldsInOrder(tree)) {
            if (field.name().equals("kamelet")) {
                JsonNode eip = field.value();
                String name = eip.isTextual() ? eip.asText() : eip.path("name").asText("");
                KameletCatalog.kameletNamedBy("kamelet:" + name).ifPresent(names::add);
            }
        }
        return names;
    }

    /** Kamelets the given routes files use, so the suite can tell which kamelets no example shows. */
    static Set<String> kameletsUsedIn(List<Path> routesFiles) {
        Set<String> names = new TreeSet<>();
        routesFiles.forEach(file -> names.addAll(kameletsUsedIn(ConformanceSupport.readYaml(file))));
        return names;
    }

    /** Ids declared twice across files; Camel refuses to start with two routes (or configurations) of one id. */
    static List<Violation> duplicateIds(List<Path> routesFiles) {
        Map<String, List<Path>> filesByQualifiedId = new LinkedHashMap<>();
        for (Path file : routesFiles) {
            for (JsonNode item : ConformanceSupport.readYaml(file)) {
                ID_FIELD_BY_ITEM.forEach((itemName, idField) -> {
                    String id = item.path(itemName).path(idField).asText("");
                    if (!id.isEmpty()) {
                        // A templated route creates a route, so its routeId shares the route namespace.
                        String namespace = itemName.equals("templatedRoute") ? "route" : itemName;
                        filesByQualifiedId.computeIfAbsent(namespace + " id '" + id + "'", key -> new ArrayList<>())
                                .add(file.getFileName());
                    }
                });
            }
        }
        List<Violation> duplicates = new ArrayList<>();
        filesByQualifiedId.forEach((qualifiedId, files) -> {
            if (files.size() > 1) {
                duplicates.add(new Violation(Rule.ROUTE_ID, qualifiedId + " is declared more than once, in " + files));
            }
        });
        return duplicates;
    }
}
