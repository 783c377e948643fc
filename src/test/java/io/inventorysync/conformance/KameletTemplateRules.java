package io.inventorysync.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.JsonSchema;
import io.inventorysync.conformance.KameletRules.Rule;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.support.PatternHelper;

/**
 * A kamelet's spec.template: valid YAML DSL, placeholders matching the definition, the shape its role demands,
 * and, for sinks, untrusted dispatch headers dropped before calling out.
 */
final class KameletTemplateRules {

    /** Headers that make camel-http dispatch somewhere other than the configured endpoint. */
    private static final List<String> HTTP_DISPATCH_HEADERS =
            List.of("CamelHttpUri", "CamelHttpPath", "CamelHttpQuery", "CamelHttpRawQuery", "CamelHttpMethod");
    /** Steps that hand the exchange, headers included, to something that may call out. */
    private static final Set<String> CALL_OUT_STEPS = Set.of("to", "toD", "enrich", "pollEnrich", "wireTap",
            "recipientList", "routingSlip", "dynamicRouter", "bean", "process", "poll");

    private final JsonSchema yamlDsl;

    KameletTemplateRules(JsonSchema yamlDsl) {
        this.yamlDsl = yamlDsl;
    }

    /** Checks a present template; {@code role} is null when the kamelet's role is itself in doubt. */
    void check(String role, JsonNode definition, JsonNode template, KameletFindings findings) {
        checkPlaceholders(definition, template, findings);
        checkTemplateIsYamlDsl(template, findings);
        if (role != null) {
            checkTemplateShape(role, template, findings);
            if (role.equals("sink")) {
                checkHeaderHygiene(fromOf(template), findings);
            }
        }
    }

    private static void checkPlaceholders(JsonNode definition, JsonNode template, KameletFindings findings) {
        JsonNode properties = definition.path("properties");
        Set<String> required = new LinkedHashSet<>();
        definition.path("required").forEach(name -> required.add(name.asText()));
        Set<String> used = new LinkedHashSet<>();
        // beans declared in spec.template.beans are referenced by name as {{bean}}, as in the Apache catalog
        Set<String> beans = new LinkedHashSet<>();
        template.path("beans").forEach(bean -> beans.add(bean.path("name").asText()));
        for (Placeholder placeholder : Placeholder.in(template)) {
            String name = placeholder.name();
            used.add(name);
            if (beans.contains(name)) {
                continue;
            }
            if (!properties.has(name)) {
                findings.add(Rule.PLACEHOLDERS, "spec.template uses " + placeholder.text()
                        + " but spec.definition.properties does not define '" + name + "'");
            } else if (required.contains(name) || properties.get(name).has("default")) {
                if (placeholder.optional()) {
                    findings.add(Rule.PLACEHOLDERS, "property '" + name + "' is required or has a default, so use {{"
                            + name + "}}, not " + placeholder.text());
                }
            } else if (!placeholder.optional()) {
                findings.add(Rule.PLACEHOLDERS, "property '" + name + "' is optional without a default, so use {{?"
                        + name + "}} (the kamelet must start without it), not " + placeholder.text());
            }
        }
        properties.fieldNames().forEachRemaining(name -> {
            if (!used.contains(name)) {
                findings.add(Rule.PLACEHOLDERS, "property '" + name + "' is defined but spec.template never uses it");
            }
        });
    }

    /** The template is YAML DSL: each top-level field ({@code from}, {@code beans}, {@code route}) is one item. */
    private void checkTemplateIsYamlDsl(JsonNode template, KameletFindings findings) {
        ArrayNode asRoutesFile = JsonNodeFactory.instance.arrayNode();
        template.properties().forEach(field -> asRoutesFile.addObject().set(field.getKey(), field.getValue()));
        ConformanceSupport.validate(yamlDsl, asRoutesFile).forEach(message -> findings.add(Rule.TEMPLATE_DSL,
                "spec.template is not valid YAML DSL (items numbered in template field order): " + message));
    }

    private static JsonNode fromOf(JsonNode template) {
        return template.has("from") ? template.path("from") : template.path("route").path("from");
    }

    private static void checkTemplateShape(String role, JsonNode template, KameletFindings findings) {
        boolean startsFromKamelet = YamlTree.uriOf(fromOf(template)).equals("kamelet:source");
        boolean sendsToKamelet = YamlTree.fieldsInOrder(template).stream()
                .filter(field -> field.name().equals("to") || field.name().equals("toD"))
                .anyMatch(field -> YamlTree.uriOf(field.value()).startsWith("kamelet:sink"));
        boolean consumes = !role.equals("source");
        boolean produces = !role.equals("sink");
        if (consumes && !startsFromKamelet) {
            findings.add(Rule.TEMPLATE_SHAPE, "a " + role + " template must start with from: uri: kamelet:source, found '"
                    + YamlTree.uriOf(fromOf(template)) + "'");
        }
        if (!consumes && startsFromKamelet) {
            findings.add(Rule.TEMPLATE_SHAPE, "a source template must start from its own endpoint, not kamelet:source");
        }
        if (produces && !sendsToKamelet) {
            findings.add(Rule.TEMPLATE_SHAPE, "a " + role + " template must end in a step to: kamelet:sink");
        }
    }

    private static void checkHeaderHygiene(JsonNode from, KameletFindings findings) {
        String firstCallOut = null;
        for (YamlTree.Field step : YamlTree.fieldsInOrder(from)) {
            if (step.name().equals("removeHeaders") && removesHttpDispatchHeaders(step.value())) {
                if (firstCallOut != null) {
                    findings.add(Rule.HEADER_HYGIENE, "removeHeaders for CamelHttp* comes after '" + firstCallOut
                            + "'; remove them before anything is called");
                }
                return;
            }
            if (firstCallOut == null && isCallOut(step)) {
                firstCallOut = step.name() + describeUri(step.value());
            }
        }
        findings.add(Rule.HEADER_HYGIENE, "a sink must drop headers that came with untrusted data before calling out:"
                + " add removeHeaders with a pattern covering CamelHttp* (" + String.join(", ", HTTP_DISPATCH_HEADERS)
                + ")");
    }

    private static boolean isCallOut(YamlTree.Field step) {
        if (!CALL_OUT_STEPS.contains(step.name())) {
            return false;
        }
        return !YamlTree.uriOf(step.value()).startsWith("log:");
    }

    private static String describeUri(JsonNode step) {
        String uri = YamlTree.uriOf(step);
        return uri.isEmpty() ? "" : " " + uri;
    }

    private static boolean removesHttpDispatchHeaders(JsonNode removeHeaders) {
        String pattern = removeHeaders.isTextual() ? removeHeaders.asText() : removeHeaders.path("pattern").asText("");
        String exclude = removeHeaders.path("excludePattern").asText("");
        // The same matcher RemoveHeadersProcessor uses: exact, trailing wildcard, then regex, case-insensitive.
        return !pattern.isEmpty() && HTTP_DISPATCH_HEADERS.stream().allMatch(header ->
                PatternHelper.matchPattern(header, pattern)
                        && (exclude.isEmpty() || !PatternHelper.matchPattern(header, exclude)));
    }
}
