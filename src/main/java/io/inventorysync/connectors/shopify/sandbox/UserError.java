package io.inventorysync.connectors.shopify.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One {@code InventorySetQuantitiesUserError}: business errors come back with HTTP 200 inside the payload. */
record UserError(List<String> field, String message, String code) {

    static UserError onQuantity(int index, String inputField, String code, String message) {
        return new UserError(List.of("input", "quantities", String.valueOf(index), inputField), message, code);
    }

    static UserError onInput(String inputField, String code, String message) {
        return new UserError(List.of("input", inputField), message, code);
    }

    Map<String, Object> toGraphQl() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("field", field);
        map.put("message", message);
        map.put("code", code);
        return map;
    }
}
