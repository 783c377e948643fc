package io.inventorysync.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Camel property placeholder in a kamelet template: {@code {{name}}}, {@code {{?name}}} (optional: the option
 * is dropped when the property is unset) or {@code {{name:fallback}}}.
 */
record Placeholder(String text, String name, boolean optional) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\?)?([^{}]+?)}}");

    /** Filled in by the kamelet component itself, never declared as properties. */
    private static final Set<String> KAMELET_PARAMETERS = Set.of("routeId", "templateId");

    /** {@code {{env:X}}}, {@code {{sys:X}}}... resolve through a property function, not a kamelet property. */
    private static final Set<String> PROPERTY_FUNCTIONS = Set.of(
            "env", "sys", "service", "service.name", "service.host", "service.port", "bean", "ref",
            "aws", "gcp", "azure", "hashicorp", "ibm", "cyberark", "kubernetes", "kubernetes-configmap",
            "configmap", "secret", "spring-cloud-config");

    static List<Placeholder> in(JsonNode tree) {
        List<Placeholder> found = new ArrayList<>();
        for (String text : YamlTree.texts(tree)) {
            Matcher matcher = PLACEHOLDER.matcher(text);
            while (matcher.find()) {
                String body = matcher.group(2).trim();
                int colon = body.indexOf(':');
                String name = colon < 0 ? body : body.substring(0, colon);
                if (!KAMELET_PARAMETERS.contains(name) && !(colon >= 0 && PROPERTY_FUNCTIONS.contains(name))) {
                    found.add(new Placeholder(matcher.group(), name, matcher.group(1) != null));
                }
            }
        }
        return found;
    }
}
