package io.inventorysync.connectors.shopify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inventorysync.channel.RetryableChannelException;

/**
 * Reads the current quantity of many levels with aliased {@code inventoryItem { inventoryLevel { quantities } }}
 * queries, each chunk small enough to stay under Shopify's single-query cost limit. If Shopify prices a chunk
 * above the limit anyway (its cost model is richer than our estimate), the chunk is split and read again.
 */
final class InventoryLevelReader {

    private static final int QUERY_BASE_COST = 1;

    private final ShopifyGraphQlTransport transport;
    private final ShopifyClientSettings settings;
    private final ObjectMapper json;

    InventoryLevelReader(ShopifyGraphQlTransport transport, ShopifyClientSettings settings, ObjectMapper json) {
        this.transport = transport;
        this.settings = settings;
        this.json = json;
    }

    /**
     * The current value of the configured quantity per level; a level that does not exist (unknown item, item not
     * stocked at the location) maps to null.
     */
    Map<LevelKey, Integer> read(List<LevelKey> levels) throws RetryableChannelException, ShopifyCallRejectedException {
        Map<LevelKey, Integer> result = new HashMap<>();
        List<LevelKey> distinct = levels.stream().distinct().toList();
        int perChunk = itemsPerQuery();
        for (int from = 0; from < distinct.size(); from += perChunk) {
            readChunk(distinct.subList(from, Math.min(distinct.size(), from + perChunk)), result);
        }
        return result;
    }

    /** Items per query so that 1 + n * readCostPerItem stays within the single-query limit and the bucket. */
    int itemsPerQuery() {
        long budget = Math.min(settings.maxQueryCost(), transport.limiter().capacity());
        return (int) Math.max(1, (budget - QUERY_BASE_COST) / settings.readCostPerItem());
    }

    private void readChunk(List<LevelKey> chunk, Map<LevelKey, Integer> into)
            throws RetryableChannelException, ShopifyCallRejectedException {
        try {
            JsonNode data = transport.execute("inventoryLevels", query(chunk.size()), variables(chunk),
                    QUERY_BASE_COST + (long) chunk.size() * settings.readCostPerItem()).path("data");
            for (int i = 0; i < chunk.size(); i++) {
                into.put(chunk.get(i), quantityIn(data.path("q" + i)));
            }
        } catch (ShopifyCallRejectedException e) {
            if (!ShopifyGraphQlTransport.MAX_COST_EXCEEDED.equals(e.code()) || chunk.size() == 1) {
                throw e;
            }
            int half = chunk.size() / 2;
            readChunk(chunk.subList(0, half), into);
            readChunk(chunk.subList(half, chunk.size()), into);
        }
    }

    private Integer quantityIn(JsonNode item) {
        JsonNode quantities = item.path("inventoryLevel").path("quantities");
        for (JsonNode quantity : quantities) {
            if (settings.quantityName().equals(quantity.path("name").asText()) && quantity.path("quantity").isInt()) {
                return quantity.get("quantity").asInt();
            }
        }
        return null;
    }

    /** Ids travel as variables, never spliced into the query text. */
    static String query(int size) {
        StringBuilder declarations = new StringBuilder("$names: [String!]!");
        StringBuilder selections = new StringBuilder();
        for (int i = 0; i < size; i++) {
            declarations.append(", $i").append(i).append(": ID!, $l").append(i).append(": ID!");
            selections.append("  q").append(i).append(": inventoryItem(id: $i").append(i)
                    .append(") { id inventoryLevel(locationId: $l").append(i)
                    .append(") { id quantities(names: $names) { name quantity } } }\n");
        }
        return "query InventorySyncReadLevels(" + declarations + ") {\n" + selections + "}";
    }

    ObjectNode variables(List<LevelKey> chunk) {
        ObjectNode variables = json.createObjectNode();
        variables.putArray("names").add(settings.quantityName());
        for (int i = 0; i < chunk.size(); i++) {
            variables.put("i" + i, chunk.get(i).inventoryItemId());
            variables.put("l" + i, chunk.get(i).locationId());
        }
        return variables;
    }
}
