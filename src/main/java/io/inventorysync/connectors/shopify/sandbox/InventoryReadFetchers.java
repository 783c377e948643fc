package io.inventorysync.connectors.shopify.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;

/** The read side: {@code inventoryItem(id) { inventoryLevel(locationId) { quantities(names) } } }. */
final class InventoryReadFetchers {

    /** Quantity names Shopify knows; the sandbox stores available and on_hand and reports the rest as 0. */
    static final Set<String> QUANTITY_NAMES = Set.of("available", "on_hand", "committed", "reserved", "incoming",
            "damaged", "quality_control", "safety_stock");

    private final InventoryStore store;

    InventoryReadFetchers(InventoryStore store) {
        this.store = store;
    }

    DataFetcher<Map<String, Object>> inventoryItem() {
        return env -> {
            String id = env.getArgument("id");
            if (!store.itemExists(id)) {
                return null;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", id);
            item.put("sku", null);
            item.put("tracked", true);
            return item;
        };
    }

    DataFetcher<Map<String, Object>> inventoryLevel() {
        return env -> {
            Map<String, Object> item = env.getSource();
            String itemId = (String) item.get("id");
            String locationId = env.getArgument("locationId");
            return store.level(itemId, locationId).map(level -> {
                long levelId = store.levelId(itemId, locationId).orElse(0L);
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("id", "gid://shopify/InventoryLevel/" + levelId + "?inventory_item_id="
                        + ShopifyIds.numericPart(itemId));
                view.put("item", Map.of("id", itemId, "tracked", true));
                view.put("location", LocationView.of(locationId));
                view.put("updatedAt", level.updatedAt());
                view.put("_level", level);
                return view;
            }).orElse(null);
        };
    }

    DataFetcher<DataFetcherResult<List<Map<String, Object>>>> quantities() {
        return env -> {
            Map<String, Object> view = env.getSource();
            SandboxLevel level = (SandboxLevel) view.get("_level");
            List<String> names = env.getArgument("names");
            List<Map<String, Object>> result = new ArrayList<>();
            DataFetcherResult.Builder<List<Map<String, Object>>> answer = DataFetcherResult.newResult();
            for (String name : names) {
                if (!QUANTITY_NAMES.contains(name)) {
                    answer.error(GraphqlErrorBuilder.newError(env)
                            .message("'%s' is not a valid inventory quantity name.", name).build());
                    continue;
                }
                Map<String, Object> quantity = new LinkedHashMap<>();
                quantity.put("id", "gid://shopify/InventoryQuantity/" + ShopifyIds.numericPart(level.locationId())
                        + "?inventory_item_id=" + ShopifyIds.numericPart(level.inventoryItemId()) + "&name=" + name);
                quantity.put("name", name);
                quantity.put("quantity", quantityOf(level, name));
                quantity.put("updatedAt", level.updatedAt());
                result.add(quantity);
            }
            return answer.data(result).build();
        };
    }

    private static int quantityOf(SandboxLevel level, String name) {
        return switch (name) {
            case "available" -> level.available();
            case "on_hand" -> level.onHand();
            case "committed" -> level.onHand() - level.available();
            default -> 0;
        };
    }
}
