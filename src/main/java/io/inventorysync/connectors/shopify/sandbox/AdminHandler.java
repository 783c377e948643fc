package io.inventorysync.connectors.shopify.sandbox;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The sandbox's own test API under {@code /sandbox/}: read back and edit levels, arm faults, reconfigure, reset
 * and read statistics. It is not Shopify's and needs no token (the sandbox binds to loopback by default).
 */
final class AdminHandler implements HttpHandler {

    private final ShopifySandbox sandbox;
    private final JsonResponder json;

    AdminHandler(ShopifySandbox sandbox, JsonResponder json) {
        this.sandbox = sandbox;
        this.json = json;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath().replaceAll("/+$", "");
            try {
                switch (route) {
                    case "GET /sandbox/levels" -> getLevels(exchange);
                    case "POST /sandbox/levels" -> postLevels(exchange);
                    case "POST /sandbox/items" -> postItems(exchange);
                    case "GET /sandbox/faults" -> json.send(exchange, 200, sandbox.faults());
                    case "POST /sandbox/faults" -> {
                        sandbox.injectFaults(json.mapper().treeToValue(json.readTree(exchange), SandboxFaults.class));
                        json.send(exchange, 200, sandbox.faults());
                    }
                    case "GET /sandbox/config" -> json.send(exchange, 200, config());
                    case "POST /sandbox/config" -> postConfig(exchange);
                    case "POST /sandbox/reset" -> {
                        sandbox.reset();
                        json.send(exchange, 200, Map.of("reset", true));
                    }
                    case "GET /sandbox/requests" -> json.send(exchange, 200, sandbox.stats());
                    default -> json.send(exchange, 404, Map.of("error", "no such sandbox endpoint: " + route));
                }
            } catch (IllegalArgumentException | IOException e) {
                json.send(exchange, 400, Map.of("error", String.valueOf(e.getMessage())));
            }
        }
    }

    private void getLevels(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String item = query.get("inventoryItemId");
        String location = query.get("locationId");
        if (item == null && location == null) {
            json.send(exchange, 200, Map.of("levels", sandbox.levels()));
            return;
        }
        if (item == null || location == null) {
            throw new IllegalArgumentException("give both inventoryItemId and locationId, or neither");
        }
        var level = sandbox.level(item, location);
        if (level.isPresent()) {
            json.send(exchange, 200, level.get());
        } else {
            json.send(exchange, 404, Map.of("error", "no level for " + item + " at " + location));
        }
    }

    /** One {@code {"inventoryItemId","locationId","available"}} object, an array of them, or {@code {"levels":[...]}}. */
    private void postLevels(HttpExchange exchange) throws IOException {
        JsonNode body = json.readTree(exchange);
        JsonNode list = body.isArray() ? body : body.has("levels") ? body.get("levels") : json.mapper().createArrayNode().add(body);
        List<SandboxLevel> updated = new ArrayList<>();
        for (JsonNode level : list) {
            if (!level.path("inventoryItemId").isTextual() || !level.path("locationId").isTextual()
                    || !level.path("available").isIntegralNumber()) {
                throw new IllegalArgumentException("each level needs inventoryItemId, locationId and an integer available");
            }
            updated.add(sandbox.setLevel(level.get("inventoryItemId").asText(), level.get("locationId").asText(),
                    level.get("available").asInt()));
        }
        json.send(exchange, 200, Map.of("levels", updated));
    }

    private void postItems(HttpExchange exchange) throws IOException {
        JsonNode body = json.readTree(exchange);
        List<String> items = new ArrayList<>();
        body.path("inventoryItemIds").forEach(id -> items.add(id.asText()));
        List<String> locations = new ArrayList<>();
        body.path("locationIds").forEach(id -> locations.add(id.asText()));
        sandbox.registerItems(items);
        sandbox.registerLocations(locations);
        json.send(exchange, 200, Map.of("registeredItems", items.size(), "registeredLocations", locations.size()));
    }

    private void postConfig(HttpExchange exchange) throws IOException {
        JsonNode body = json.readTree(exchange);
        if (body.has("autoCreateItems")) {
            sandbox.setAutoCreateItems(body.get("autoCreateItems").asBoolean());
        }
        if (body.has("maximumAvailable") || body.has("restoreRate")) {
            Map<String, Object> current = config();
            long maximum = body.has("maximumAvailable") ? body.get("maximumAvailable").asLong() : (long) current.get("maximumAvailable");
            double rate = body.has("restoreRate") ? body.get("restoreRate").asDouble() : (double) current.get("restoreRate");
            sandbox.configureBucket(maximum, rate);
        }
        if (body.has("throttleStatusCode")) {
            sandbox.injectFaults(SandboxFaults.throttleStatusCode(body.get("throttleStatusCode").asInt()));
        }
        json.send(exchange, 200, config());
    }

    private Map<String, Object> config() {
        var status = sandbox.throttleStatus();
        Map<String, Object> config = new HashMap<>();
        config.put("autoCreateItems", sandbox.autoCreateItems());
        config.put("maximumAvailable", status.maximumAvailable());
        config.put("currentlyAvailable", status.currentlyAvailable());
        config.put("restoreRate", status.restoreRate());
        config.put("throttleStatusCode", sandbox.faults().throttleStatusCode());
        return config;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }
}
