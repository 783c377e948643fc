package io.inventorysync.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.inventorysync.conformance.KameletRules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A kamelet's spec.definition properties: documented, typed, secrets marked, required ones defined. */
final class KameletPropertyRules {

    static final String CREDENTIALS_DESCRIPTOR = "urn:camel:group:credentials";

    private static final Set<String> JSON_TYPES = Set.of("string", "integer", "number", "boolean", "object", "array");

    /** Last words of a property name that make it a secret ("apiToken", "clientSecret", "apiKey"). */
    private static final Set<String> SECRET_WORDS =
            Set.of("password", "passphrase", "secret", "token", "key", "credential", "credentials");
    /** ...unless "key" is qualified as a data key, which is not a secret ("partitionKey", "idempotencyKey"). */
    private static final Set<String> DATA_KEY_QUALIFIERS = Set.of(
            "partition", "idempotency", "idempotent", "message", "routing", "sort", "group", "correlation",
            "dedup", "deduplication", "cache", "header", "primary", "foreign", "lookup", "sku", "object", "record",
            "bucket", "map", "aggregation", "business", "natural", "composite", "unique", "shard", "hash");

    private KameletPropertyRules() {
    }

    static void check(JsonNode definition, KameletFindings findings) {
        definition.path("properties").properties()
                .forEach(property -> checkProperty(property.getKey(), property.getValue(), findings));
        checkRequired(definition, findings);
    }

    private static void checkProperty(String name, JsonNode property, KameletFindings findings) {
        String where = "property '" + name + "'";
        if (!JSON_TYPES.contains(property.path("type").asText(""))) {
            findings.add(Rule.PROPERTY_DOCS, where + " needs a type (one of " + JSON_TYPES + ")");
        }
        String title = property.path("title").asText("");
        if (title.isBlank()) {
            findings.add(Rule.PROPERTY_DOCS, where + " has no title");
        } else {
            titleProblem(title).ifPresent(problem -> findings.add(Rule.PROPERTY_DOCS, where + " title '" + title
                    + "' " + problem));
        }
        if (property.path("description").asText("").isBlank()) {
            findings.add(Rule.PROPERTY_DOCS, where + " has no description");
        }

        boolean passwordFormat = "password".equals(property.path("format").asText());
        boolean credentialsDescriptor = containsText(property.path("x-descriptors"), CREDENTIALS_DESCRIPTOR);
        if (looksSecret(name) || passwordFormat || credentialsDescriptor) {
            if (!passwordFormat) {
                findings.add(Rule.SECRETS, where + " is a secret and needs format: password");
            }
            if (!credentialsDescriptor) {
                findings.add(Rule.SECRETS, where + " is a secret and needs x-descriptors: [" + CREDENTIALS_DESCRIPTOR
                        + "]");
            }
        }
    }

    static Optional<String> titleProblem(String title) {
        String[] words = title.trim().split("\\s+");
        if (Set.of("the", "a", "an").contains(words[0].toLowerCase(Locale.ROOT))) {
            return Optional.of("must not start with '" + words[0] + "'");
        }
        // A unit in brackets, "Poll Interval (ms)", is not a word of the title.
        for (String word : title.replaceAll("\\([^)]*\\)", " ").trim().split("\\s+")) {
            int first = word.codePoints().filter(Character::isLetterOrDigit).findFirst().orElse('X');
            if (Character.isLowerCase(first)) {
                return Optional.of("must be in Capitalised Words ('" + word + "')");
            }
        }
        return Optional.empty();
    }

    static boolean looksSecret(String propertyName) {
        List<String> words = words(propertyName);
        String last = words.get(words.size() - 1);
        if (!SECRET_WORDS.contains(last)) {
            return false;
        }
        return !last.equals("key") || words.size() == 1 || !DATA_KEY_QUALIFIERS.contains(words.get(words.size() - 2));
    }

    private static List<String> words(String propertyName) {
        List<String> words = new ArrayList<>();
        for (String part : propertyName.split("(?<=[a-z0-9])(?=[A-Z])|[-_.]+")) {
            if (!part.isEmpty()) {
                words.add(part.toLowerCase(Locale.ROOT));
            }
        }
        return words.isEmpty() ? List.of(propertyName.toLowerCase(Locale.ROOT)) : words;
    }

    private static void checkRequired(JsonNode definition, KameletFindings findings) {
        for (JsonNode required : definition.path("required")) {
            if (!definition.path("properties").has(required.asText())) {
                findings.add(Rule.REQUIRED, "required lists '" + required.asText()
                        + "', which spec.definition.properties does not define");
            }
        }
    }

    private static boolean containsText(JsonNode array, String text) {
        for (JsonNode element : array) {
            if (element.asText().equals(text)) {
                return true;
            }
        }
        return false;
    }
}
