package io.inventorysync.connectors.amazon.sandbox;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The sandbox's own test API under {@code /sandbox/}: read back and edit listings, arm issues and faults, reconfigure,
 * list feeds, reset and read statistics. It is not Amazon's and needs no token (the sandbox binds to loopback).
 */
final class AdminHandler implements HttpHandler {

    private final AmazonSandbox sandbox;
    private final HttpReplies http;

    AdminHandler(AmazonSandbox sandbox, HttpReplies http) {
        this.sandbox = sandbox;
        this.http = http;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath().replaceAll("/+$", "");
            try {
                switch (route) {
                    case "GET /sandbox/listings", "GET /sandbox/levels" -> getListings(exchange);
                    case "POST /sandbox/listings", "POST /sandbox/levels" -> postListings(exchange);
                    case "POST /sandbox/skus" -> postSkus(exchange);
                    case "GET /sandbox/issues" -> http.json(exchange, 200, Map.of("issues", sandbox.issues()));
                    case "POST /sandbox/issues" -> postIssues(exchange);
                    case "DELETE /sandbox/issues" -> {
                        sandbox.clearIssues();
                        http.json(exchange, 200, Map.of("issues", List.of()));
                    }
                    case "GET /sandbox/faults" -> http.json(exchange, 200, sandbox.faults());
                    case "POST /sandbox/faults" -> {
                        sandbox.injectFaults(http.mapper().treeToValue(http.json(exchange), SandboxFaults.class));
                        http.json(exchange, 200, sandbox.faults());
                    }
                    case "POST /sandbox/tokens/expire" -> {
                        sandbox.expireAccessTokens();
                        http.json(exchange, 200, Map.of("expired", true));
                    }
                    case "GET /sandbox/config" -> http.json(exchange, 200, config());
                    case "POST /sandbox/config" -> postConfig(exchange);
                    case "GET /sandbox/feeds" -> http.json(exchange, 200, Map.of("feeds", sandbox.feeds()));
                    case "GET /sandbox/stats", "GET /sandbox/requests" -> http.json(exchange, 200, sandbox.stats());
                    case "POST /sandbox/reset" -> {
                        sandbox.reset();
                        http.json(exchange, 200, Map.of("reset", true));
                    }
                    default -> http.json(exchange, 404, Map.of("error", "no such sandbox endpoint: " + route));
                }
            } catch (IllegalArgumentException | IOException e) {
                http.json(exchange, 400, Map.of("error", String.valueOf(e.getMessage())));
            }
        }
    }

    private void getListings(HttpExchange exchange) throws IOException {
        String sku = HttpReplies.query(exchange.getRequestURI().getRawQuery()).get("sku");
        if (sku == null) {
            http.json(exchange, 200, Map.of("listings", sandbox.listings()));
            return;
        }
        Optional<SandboxListing> listing = sandbox.listing(sku);
        if (listing.isPresent()) {
            http.json(exchange, 200, listing.get());
        } else {
            http.json(exchange, 404, Map.of("error", "no listing for SKU " + sku));
        }
    }

    /** One {@code {"sku","quantity"}}, an array of them, or {@code {"listings":[...]}}: a seller's edit in Seller Central. */
    private void postListings(HttpExchange exchange) throws IOException {
        JsonNode body = http.json(exchange);
        JsonNode list = body.isArray() ? body : body.has("listings") ? body.get("listings") : http.mapper().createArrayNode().add(body);
        List<SandboxListing> updated = new ArrayList<>();
        for (JsonNode listing : list) {
            if (!listing.path("sku").isTextual() || !listing.path("quantity").isIntegralNumber()) {
                throw new IllegalArgumentException("each listing needs a sku and an integer quantity");
            }
            updated.add(sandbox.setQuantity(listing.get("sku").asText(), listing.get("quantity").asInt()));
        }
        http.json(exchange, 200, Map.of("listings", updated));
    }

    private void postSkus(HttpExchange exchange) throws IOException {
        List<String> skus = new ArrayList<>();
        http.json(exchange).path("skus").forEach(sku -> skus.add(sku.asText()));
        sandbox.registerSkus(skus);
        http.json(exchange, 200, Map.of("registered", skus.size()));
    }

    /** One issue, an array, or {@code {"issues":[...]}}. */
    private void postIssues(HttpExchange exchange) throws IOException {
        JsonNode body = http.json(exchange);
        JsonNode list = body.isArray() ? body : body.has("issues") ? body.get("issues") : http.mapper().createArrayNode().add(body);
        for (JsonNode issue : list) {
            sandbox.injectIssue(http.mapper().treeToValue(issue, SandboxIssue.class));
        }
        http.json(exchange, 200, Map.of("issues", sandbox.issues()));
    }

    private void postConfig(HttpExchange exchange) throws IOException {
        JsonNode body = http.json(exchange);
        if (body.has("acceptUnknownSkus")) {
            sandbox.setAcceptUnknownSkus(body.get("acceptUnknownSkus").asBoolean());
        }
        if (body.has("gzipReports")) {
            sandbox.setGzipReports(body.get("gzipReports").asBoolean());
        }
        if (body.has("accessTokenLifetimeSeconds")) {
            sandbox.setAccessTokenLifetime(Duration.ofSeconds(body.get("accessTokenLifetimeSeconds").asLong()));
        }
        if (body.has("queueDelayMs") || body.has("processingDelayMs")) {
            Duration queue = body.has("queueDelayMs") ? Duration.ofMillis(body.get("queueDelayMs").asLong()) : sandbox.queueDelay();
            Duration processing = body.has("processingDelayMs")
                    ? Duration.ofMillis(body.get("processingDelayMs").asLong()) : sandbox.processingDelay();
            sandbox.configureDelays(queue, processing);
        }
        if (body.has("timeScale")) {
            sandbox.configureRateLimits(SandboxRateLimits.amazonDefaults().scaled(body.get("timeScale").asDouble()));
        }
        http.json(exchange, 200, config());
    }

    private Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("sellerId", sandbox.sellerId());
        config.put("marketplaceIds", sandbox.settings().marketplaceIds());
        config.put("acceptUnknownSkus", sandbox.acceptUnknownSkus());
        config.put("gzipReports", sandbox.gzipReports());
        config.put("accessTokenLifetimeSeconds", sandbox.accessTokenLifetime().toSeconds());
        config.put("queueDelayMs", sandbox.queueDelay().toMillis());
        config.put("processingDelayMs", sandbox.processingDelay().toMillis());
        SandboxRateLimits limits = sandbox.rateLimits();
        Map<String, Object> rateLimits = new LinkedHashMap<>(limits.operations());
        rateLimits.put("JSON_LISTINGS_FEED", Map.of("submissions", limits.feedSubmissions(),
                "windowMs", limits.feedSubmissionWindow().toMillis()));
        config.put("rateLimits", rateLimits);
        return config;
    }
}
