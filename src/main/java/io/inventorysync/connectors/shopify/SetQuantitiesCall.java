package io.inventorysync.connectors.shopify;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inventorysync.channel.RetryableChannelException;

/**
 * One {@code inventorySetQuantities} mutation for a list of levels. Every quantity carries
 * {@code changeFromQuantity}: the expected current value, or an explicit JSON null (required by Shopify from
 * 2026-04 to skip the check; dropping the key instead is an error).
 */
final class SetQuantitiesCall {

    static final int MUTATION_COST = 10;
    static final String MUTATION = """
            mutation InventorySyncSetQuantities($input: InventorySetQuantitiesInput!%s) {
              inventorySetQuantities(input: $input)%s {
                inventoryAdjustmentGroup { id }
                userErrors { field message code }
              }
            }""";

    /** A quantity to send. */
    record Quantity(LevelKey level, int quantity, Integer changeFromQuantity) {
    }

    /** One userError; {@code quantityIndex} is the index in the sent list, or -1 when it names no quantity. */
    record UserError(int quantityIndex, String code, String message) {
    }

    private final ShopifyGraphQlTransport transport;
    private final ShopifyClientSettings settings;
    private final ObjectMapper json;

    SetQuantitiesCall(ShopifyGraphQlTransport transport, ShopifyClientSettings settings, ObjectMapper json) {
        this.transport = transport;
        this.settings = settings;
        this.json = json;
    }

    /** Sends the mutation; an empty list means everything was applied (Shopify applies all or nothing). */
    List<UserError> send(List<Quantity> quantities, String referenceDocumentUri)
            throws RetryableChannelException, ShopifyCallRejectedException {
        ObjectNode variables = variables(quantities, referenceDocumentUri);
        JsonNode payload = transport.execute("inventorySetQuantities", mutation(settings.idempotencyKeys()), variables, MUTATION_COST)
                .path("data").path("inventorySetQuantities");
        if (payload.isMissingNode() || payload.isNull()) {
            throw new ShopifyCallRejectedException("INVALID_RESPONSE", "inventorySetQuantities returned no payload");
        }
        List<UserError> errors = new ArrayList<>();
        for (JsonNode error : payload.path("userErrors")) {
            errors.add(new UserError(quantityIndex(error.path("field"), quantities.size()),
                    error.path("code").asText("UNKNOWN"), error.path("message").asText()));
        }
        return errors;
    }

    /** The request variables: {@code input} (and {@code idempotencyKey}, a new one per call). */
    ObjectNode variables(List<Quantity> quantities, String referenceDocumentUri) {
        ObjectNode variables = json.createObjectNode();
        ObjectNode input = variables.putObject("input");
        input.put("name", settings.quantityName());
        input.put("reason", settings.reason());
        input.put("referenceDocumentUri", referenceDocumentUri);
        ArrayNode list = input.putArray("quantities");
        for (Quantity q : quantities) {
            ObjectNode node = list.addObject();
            node.put("inventoryItemId", q.level().inventoryItemId());
            node.put("locationId", q.level().locationId());
            node.put("quantity", q.quantity());
            if (q.changeFromQuantity() == null) {
                node.putNull("changeFromQuantity");
            } else {
                node.put("changeFromQuantity", q.changeFromQuantity());
            }
        }
        if (settings.idempotencyKeys()) {
            variables.put("idempotencyKey", UUID.randomUUID().toString());
        }
        return variables;
    }

    static String mutation(boolean idempotencyKey) {
        return idempotencyKey
                ? MUTATION.formatted(", $idempotencyKey: String!", " @idempotent(key: $idempotencyKey)")
                : MUTATION.formatted("", "");
    }

    /** {@code ["input","quantities","3",...]} names quantity 3. */
    private static int quantityIndex(JsonNode field, int size) {
        if (field.isArray() && field.size() >= 3 && "quantities".equals(field.get(1).asText())) {
            try {
                int index = Integer.parseInt(field.get(2).asText());
                return index >= 0 && index < size ? index : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }
}
