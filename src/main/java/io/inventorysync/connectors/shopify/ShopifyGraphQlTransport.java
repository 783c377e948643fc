package io.inventorysync.connectors.shopify;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inventorysync.channel.ChannelApiMeters;
import io.inventorysync.channel.RetryableChannelException;
import io.inventorysync.channel.ratelimit.CostRateLimiter;

/**
 * One GraphQL call to a shop: waits for the cost in the shop's {@link CostRateLimiter}, posts, re-aligns the
 * limiter to the answer's {@code extensions.cost.throttleStatus}, and sorts the answer into data, a transient
 * failure ({@link RetryableChannelException}) or a refusal of the whole call ({@link ShopifyCallRejectedException}).
 *
 * <p>THROTTLED is recognised whether it comes as HTTP 200 with a THROTTLED error (commonly reported) or as
 * HTTP 429 (also reported); a Retry-After header is honoured in both the wait hint and the limiter.
 */
final class ShopifyGraphQlTransport {

    static final String THROTTLED = "THROTTLED";
    static final String MAX_COST_EXCEEDED = "MAX_COST_EXCEEDED";

    private final HttpClient http;
    private final ShopifyClientSettings settings;
    private final CostRateLimiter limiter;
    private final ObjectMapper json;
    private final ChannelApiMeters meters;

    ShopifyGraphQlTransport(HttpClient http, ShopifyClientSettings settings, CostRateLimiter limiter, ObjectMapper json,
            ChannelApiMeters meters) {
        this.http = http;
        this.settings = settings;
        this.limiter = limiter;
        this.json = json;
        this.meters = meters;
    }

    CostRateLimiter limiter() {
        return limiter;
    }

    /**
     * Posts {@code query} with {@code variables}; returns the whole answer (with {@code data}) when it has no errors.
     *
     * @param operation the GraphQL operation's name, for the API call meters
     */
    JsonNode execute(String operation, String query, ObjectNode variables, long requestedCost)
            throws RetryableChannelException, ShopifyCallRejectedException {
        acquire(requestedCost);
        try {
            JsonNode body = call(query, variables, requestedCost);
            meters.call(operation, ChannelApiMeters.SUCCESS);
            return body;
        } catch (RetryableChannelException e) {
            meters.failed(operation, e, THROTTLED);
            throw e;
        } catch (ShopifyCallRejectedException e) {
            meters.call(operation, ChannelApiMeters.REJECTED);
            throw e;
        }
    }

    private JsonNode call(String query, ObjectNode variables, long requestedCost)
            throws RetryableChannelException, ShopifyCallRejectedException {
        HttpResponse<String> response = send(query, variables);
        JsonNode body = parse(response.body());
        syncLimiter(body);
        int status = response.statusCode();
        Optional<Long> retryAfterHeader = retryAfterMillis(response);
        if (status == 429 || hasErrorCode(body, THROTTLED)) {
            retryAfterHeader.ifPresent(ms -> limiter.penalize(Duration.ofMillis(ms)));
            long fromCost = throttleWaitMillis(body, requestedCost);
            long wait = Math.max(fromCost, retryAfterHeader.orElse(0L));
            throw new RetryableChannelException(THROTTLED, "Shopify throttled the call (HTTP " + status + ")", wait, null);
        }
        if (status >= 500) {
            throw new RetryableChannelException("HTTP_" + status, "Shopify answered HTTP " + status,
                    retryAfterHeader.orElse(null), null);
        }
        if (status == 408) {
            throw new RetryableChannelException("HTTP_408", "Shopify answered HTTP 408", retryAfterHeader.orElse(null), null);
        }
        if (status == 401) {
            throw new ShopifyCallRejectedException("UNAUTHORIZED", "Shopify refused the access token: " + errorText(body));
        }
        if (status == 403) {
            throw new ShopifyCallRejectedException("FORBIDDEN", "The access token lacks a scope (write_inventory, "
                    + "read_inventory): " + errorText(body));
        }
        if (status != 200) {
            throw new ShopifyCallRejectedException("HTTP_" + status, "Shopify answered HTTP " + status + ": " + errorText(body));
        }
        if (body == null) {
            throw new RetryableChannelException("INVALID_RESPONSE", "Shopify answered HTTP 200 without a JSON body", null, null);
        }
        JsonNode errors = body.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            String code = errors.get(0).path("extensions").path("code").asText("GRAPHQL_ERROR");
            String message = errors.get(0).path("message").asText();
            if ("INTERNAL_SERVER_ERROR".equals(code)) {
                throw new RetryableChannelException(code, message, null, null);
            }
            throw new ShopifyCallRejectedException(code, message);
        }
        return body;
    }

    private void acquire(long cost) throws RetryableChannelException {
        try {
            // A cost the local bucket can never hold is still sent: Shopify decides, and says so in its answer.
            limiter.acquire(Math.min(cost, limiter.capacity()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableChannelException("INTERRUPTED", "interrupted while waiting for the rate limit", null, e);
        }
    }

    private HttpResponse<String> send(String query, ObjectNode variables) throws RetryableChannelException {
        ObjectNode request = json.createObjectNode();
        request.put("query", query);
        request.set("variables", variables);
        HttpRequest httpRequest = HttpRequest.newBuilder(settings.graphqlEndpoint())
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("User-Agent", "inventory-sync")
                .header("X-Shopify-Access-Token", settings.accessToken())
                .POST(HttpRequest.BodyPublishers.ofString(request.toString(), StandardCharsets.UTF_8))
                .build();
        try {
            return http.send(httpRequest, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new RetryableChannelException("TIMEOUT", "no answer from Shopify within " + settings.requestTimeout(), null, e);
        } catch (IOException e) {
            throw new RetryableChannelException("IO_ERROR", "cannot reach Shopify: " + e, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableChannelException("INTERRUPTED", "interrupted while calling Shopify", null, e);
        }
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null; // e.g. an HTML error page from an edge proxy; the status decides then
        }
    }

    private void syncLimiter(JsonNode body) {
        if (body == null) {
            return;
        }
        JsonNode status = body.path("extensions").path("cost").path("throttleStatus");
        if (status.path("currentlyAvailable").isNumber() && status.path("maximumAvailable").isNumber()
                && status.path("restoreRate").isNumber()) {
            limiter.syncAvailable(status.get("currentlyAvailable").asLong(), status.get("maximumAvailable").asLong(),
                    status.get("restoreRate").asDouble());
        }
    }

    /** (cost - currentlyAvailable) / restoreRate: how long until Shopify's bucket covers the call again. */
    private static long throttleWaitMillis(JsonNode body, long requestedCost) {
        if (body == null) {
            return 0;
        }
        JsonNode cost = body.path("extensions").path("cost");
        JsonNode status = cost.path("throttleStatus");
        long requested = cost.path("requestedQueryCost").isNumber() ? cost.get("requestedQueryCost").asLong() : requestedCost;
        double rate = status.path("restoreRate").asDouble(0);
        if (rate <= 0 || !status.path("currentlyAvailable").isNumber()) {
            return 0;
        }
        double missing = Math.max(0, requested - status.get("currentlyAvailable").asDouble());
        return (long) Math.ceil(missing / rate * 1000);
    }

    /** Retry-After in seconds (Shopify's REST API sends decimals, e.g. "2.0"). HTTP-dates are not used by Shopify. */
    private static Optional<Long> retryAfterMillis(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of((long) Math.ceil(Double.parseDouble(value.trim()) * 1000));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static boolean hasErrorCode(JsonNode body, String code) {
        if (body == null || !body.path("errors").isArray()) {
            return false;
        }
        for (JsonNode error : body.get("errors")) {
            if (code.equals(error.path("extensions").path("code").asText())) {
                return true;
            }
        }
        return false;
    }

    private static String errorText(JsonNode body) {
        if (body == null) {
            return "(no JSON body)";
        }
        JsonNode errors = body.path("errors");
        if (errors.isTextual()) {
            return errors.asText();
        }
        if (errors.isArray() && !errors.isEmpty()) {
            return errors.get(0).path("message").asText(errors.toString());
        }
        return body.toString();
    }
}
