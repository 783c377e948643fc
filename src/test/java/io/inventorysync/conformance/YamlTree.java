package io.inventorysync.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Walks a parsed YAML tree in the order it was written. Camel YAML DSL nests steps under {@code steps},
 * {@code when}, {@code otherwise}, {@code doTry}... so rules that care about "which step comes first" read the
 * flattened field list instead of knowing every EIP's shape.
 */
final class YamlTree {

    /** A field somewhere in the tree: its name and its value. */
    record Field(String name, JsonNode value) {
    }

    private YamlTree() {
    }

    /** Every field of every object under {@code root}, depth first, in document order. */
    static List<Field> fieldsInOrder(JsonNode root) {
        List<Field> fields = new ArrayList<>();
        collectFields(root, fields);
        return fields;
    }

    /** Every string value under {@code root} (map keys excluded), in document order. */
    static List<String> texts(JsonNode root) {
        List<String> texts = new ArrayList<>();
        collectTexts(root, texts);
        return texts;
    }

    /**
     * The endpoint URI a step such as {@code to} holds: YAML DSL accepts the short form {@code to: "log:x"} and
     * the long form {@code to: {uri: "log:x"}}. Empty when the step names no URI.
     */
    static String uriOf(JsonNode step) {
        if (step.isTextual()) {
            return step.asText();
        }
        return step.path("uri").asText("");
    }

    private static void collectFields(JsonNode node, List<Field> fields) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                fields.add(new Field(field.getKey(), field.getValue()));
                collectFields(field.getValue(), fields);
            }
        } else if (node.isArray()) {
            node.forEach(element -> collectFields(element, fields));
        }
    }

    private static void collectTexts(JsonNode node, List<String> texts) {
        if (node.isTextual()) {
            texts.add(node.asText());
        } else {
            node.forEach(child -> collectTexts(child, texts));
        }
    }
}
