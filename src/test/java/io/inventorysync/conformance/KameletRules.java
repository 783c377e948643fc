package io.inventorysync.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Kamelet CRD plus the catalog conventions of STYLE.md (after apache/camel-kamelets), checked on one file:
 * metadata, definition, data types and dependencies here; properties and template in their own classes.
 */
final class KameletRules {

    enum Rule {
        CRD_SCHEMA, API_VERSION_AND_KIND, NAME, ROLE, ANNOTATIONS, ICON, DEFINITION, PROPERTY_DOCS, REQUIRED,
        SECRETS, PLACEHOLDERS, TEMPLATE_SHAPE, TEMPLATE_DSL, DATA_TYPES, HEADER_HYGIENE, DEPENDENCIES
    }

    static final String TYPE_LABEL = "camel.apache.org/kamelet.type";
    static final String SUPPORT_LEVEL = "camel.apache.org/kamelet.support.level";
    static final String CATALOG_VERSION = "camel.apache.org/catalog.version";
    static final String PROVIDER = "camel.apache.org/provider";
    static final String GROUP = "camel.apache.org/kamelet.group";
    static final String ICON = "camel.apache.org/kamelet.icon";

    private static final Set<String> ROLES = Set.of("source", "sink", "action");
    private static final Set<String> SUPPORT_LEVELS = Set.of("Stable", "Preview", "Experimental");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DEPENDENCY = Pattern.compile("camel:[a-z0-9][a-z0-9-]*|mvn:[^:\\s]+:[^:\\s]+:[^:\\s]+");
    private static final String OWN_PACKAGE = "io.inventorysync.";
    private static final String OWN_ARTIFACT_PREFIX = "mvn:io.inventorysync:";

    private final JsonSchema kameletCrd;
    private final KameletTemplateRules templateRules;

    KameletRules(JsonSchema kameletCrd, JsonSchema yamlDsl) {
        this.kameletCrd = kameletCrd;
        this.templateRules = new KameletTemplateRules(yamlDsl);
    }

    List<Violation> check(Path file) {
        JsonNode kamelet = ConformanceSupport.readYaml(file);
        KameletFindings findings = new KameletFindings();
        ConformanceSupport.validate(kameletCrd, kamelet).forEach(message -> findings.add(Rule.CRD_SCHEMA, message));
        checkApiVersionAndKind(kamelet, findings);
        checkName(file, kamelet, findings);
        String role = checkRole(kamelet, findings);
        checkAnnotations(kamelet.path("metadata").path("annotations"), findings);

        JsonNode definition = kamelet.path("spec").path("definition");
        checkDefinition(definition, findings);
        KameletPropertyRules.check(definition, findings);

        JsonNode template = kamelet.path("spec").path("template");
        if (!template.isObject() || template.isEmpty()) {
            findings.add(Rule.TEMPLATE_SHAPE, "spec.template is missing; a kamelet is a YAML DSL route template");
        } else {
            templateRules.check(role, definition, template, findings);
            checkDependencies(kamelet.path("spec").path("dependencies"), template, findings);
        }
        if (role != null) {
            checkDataTypes(role, kamelet.path("spec").path("dataTypes"), findings);
        }
        return findings.list();
    }

    private static void checkApiVersionAndKind(JsonNode kamelet, KameletFindings findings) {
        if (!"camel.apache.org/v1".equals(kamelet.path("apiVersion").asText())) {
            findings.add(Rule.API_VERSION_AND_KIND,
                    "apiVersion must be camel.apache.org/v1, found '" + kamelet.path("apiVersion").asText() + "'");
        }
        if (!"Kamelet".equals(kamelet.path("kind").asText())) {
            findings.add(Rule.API_VERSION_AND_KIND, "kind must be Kamelet, found '" + kamelet.path("kind").asText() + "'");
        }
    }

    private static void checkName(Path file, JsonNode kamelet, KameletFindings findings) {
        String fileName = file.getFileName().toString();
        String expected = fileName.substring(0, fileName.length() - ConformanceSupport.KAMELET_SUFFIX.length());
        String name = kamelet.path("metadata").path("name").asText("");
        if (!name.equals(expected)) {
            findings.add(Rule.NAME, "metadata.name '" + name + "' must equal the file name '" + expected + "'");
        }
        if (!DNS_LABEL.matcher(name).matches()) {
            findings.add(Rule.NAME, "metadata.name '" + name + "' must be lower-case kebab-case (a Kubernetes name)");
        }
    }

    /**
     * The role the kamelet declares, so role-specific rules can run; none when label and name disagree, since
     * either may be the mistake.
     */
    private static String checkRole(JsonNode kamelet, KameletFindings findings) {
        String name = kamelet.path("metadata").path("name").asText("");
        String type = kamelet.path("metadata").path("labels").path(TYPE_LABEL).asText("");
        if (!ROLES.contains(type)) {
            findings.add(Rule.ROLE, "label " + TYPE_LABEL + " must be source, sink or action, found '" + type + "'");
            return null;
        }
        if (!name.endsWith("-" + type)) {
            findings.add(Rule.ROLE, "name '" + name + "' must end with '-" + type + "' to match label "
                    + TYPE_LABEL + ": " + type);
            return null;
        }
        return type;
    }

    private static void checkAnnotations(JsonNode annotations, KameletFindings findings) {
        String level = annotations.path(SUPPORT_LEVEL).asText("");
        if (!SUPPORT_LEVELS.contains(level)) {
            findings.add(Rule.ANNOTATIONS, "annotation " + SUPPORT_LEVEL + " must be one of " + SUPPORT_LEVELS
                    + ", found '" + level + "'");
        }
        for (String required : List.of(CATALOG_VERSION, PROVIDER, GROUP)) {
            if (annotations.path(required).asText("").isBlank()) {
                findings.add(Rule.ANNOTATIONS, "annotation " + required + " is missing");
            }
        }
        String icon = annotations.path(ICON).asText("");
        if (icon.isBlank()) {
            findings.add(Rule.ICON, "annotation " + ICON + " is missing; give an inline data:image/svg+xml icon");
        } else if (!icon.startsWith("data:image/svg+xml")) {
            findings.add(Rule.ICON, "annotation " + ICON + " must be an inline data:image/svg+xml URI, not a link: '"
                    + abbreviate(icon) + "'");
        }
    }

    private static void checkDefinition(JsonNode definition, KameletFindings findings) {
        if (definition.path("title").asText("").isBlank()) {
            findings.add(Rule.DEFINITION, "spec.definition.title is missing (the catalog shows it)");
        }
        if (definition.path("description").asText("").isBlank()) {
            findings.add(Rule.DEFINITION, "spec.definition.description is missing (the catalog shows it)");
        }
        if (!"object".equals(definition.path("type").asText())) {
            findings.add(Rule.DEFINITION, "spec.definition.type must be object");
        }
    }

    private static void checkDataTypes(String role, JsonNode dataTypes, KameletFindings findings) {
        if (!dataTypes.isObject() || dataTypes.isEmpty()) {
            findings.add(Rule.DATA_TYPES, "spec.dataTypes is missing; declare what the " + role
                    + " takes in and/or gives out, with a JSON schema");
            return;
        }
        List<String> slots = switch (role) {
            case "source" -> List.of("out");
            case "sink" -> List.of("in");
            default -> List.of("in", "out");
        };
        for (String slot : slots) {
            JsonNode types = dataTypes.path(slot).path("types");
            if (!types.isObject() || types.isEmpty()) {
                findings.add(Rule.DATA_TYPES, "a " + role + " needs spec.dataTypes." + slot + ".types");
                continue;
            }
            String defaultType = dataTypes.path(slot).path("default").asText("");
            if (!defaultType.isEmpty() && !types.has(defaultType)) {
                findings.add(Rule.DATA_TYPES, "spec.dataTypes." + slot + ".default '" + defaultType
                        + "' is not one of its types " + iterableToList(types.fieldNames()));
            }
            boolean hasSchema = false;
            for (JsonNode type : types) {
                hasSchema |= type.path("schema").isObject() && !type.path("schema").isEmpty();
            }
            if (!hasSchema) {
                findings.add(Rule.DATA_TYPES, "spec.dataTypes." + slot + " has no type with a JSON schema");
            }
        }
    }

    private static void checkDependencies(JsonNode dependencies, JsonNode template, KameletFindings findings) {
        if (!dependencies.isArray() || dependencies.isEmpty()) {
            findings.add(Rule.DEPENDENCIES, "spec.dependencies is missing; list camel:<component> for every component");
            return;
        }
        for (JsonNode dependency : dependencies) {
            if (!DEPENDENCY.matcher(dependency.asText()).matches()) {
                findings.add(Rule.DEPENDENCIES, "dependency '" + dependency.asText()
                        + "' must be camel:<component> or mvn:<group>:<artifact>:<version>");
            }
        }
        boolean usesOwnClasses = YamlTree.texts(template).stream().anyMatch(text -> text.contains(OWN_PACKAGE));
        boolean dependsOnOwnJar = containsTextStartingWith(dependencies, OWN_ARTIFACT_PREFIX);
        if (usesOwnClasses && !dependsOnOwnJar) {
            findings.add(Rule.DEPENDENCIES, "spec.template uses classes from " + OWN_PACKAGE
                    + "* but spec.dependencies has no " + OWN_ARTIFACT_PREFIX + "<artifact>:<version>");
        }
    }

    private static boolean containsTextStartingWith(JsonNode array, String prefix) {
        for (JsonNode element : array) {
            if (element.asText().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> iterableToList(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
