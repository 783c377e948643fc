package io.inventorysync.connectors.shopify.sandbox;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.language.Document;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;

/**
 * {@code POST /admin/api/{version}/graphql.json}. Order of checks: injected latency and 5xx (an edge failure comes
 * before anything else), access token (or an injected refusal of it), JSON body, GraphQL parse and validation, single-query cost limit, input
 * array cap, cost bucket (or an injected throttle), then execution. Every GraphQL answer carries
 * {@code extensions.cost}.
 */
final class GraphQlHandler implements HttpHandler {

    static final int MAX_QUERY_COST = 1000;
    static final int MAX_INPUT_ARRAY_SIZE = 250;
    private static final Pattern PATH = Pattern.compile("/admin/api/(\\d{4}-\\d{2}|unstable)/graphql\\.json");
    private static final String UNAUTHORIZED_BODY =
            "{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}";
    private static final String RATE_LIMIT_DOCS = "https://shopify.dev/api/usage/rate-limits";

    private final String accessToken;
    private final GraphQLSchema schema;
    private final GraphQL graphQl;
    private final CostBucket bucket;
    private final FaultInjector faults;
    private final RequestCounters counters;
    private final JsonResponder json;

    GraphQlHandler(String accessToken, GraphQLSchema schema, CostBucket bucket, FaultInjector faults,
                   RequestCounters counters, JsonResponder json) {
        this.accessToken = accessToken;
        this.schema = schema;
        this.graphQl = SandboxSchema.graphQl(schema);
        this.bucket = bucket;
        this.faults = faults;
        this.counters = counters;
        this.json = json;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            counters.requests.incrementAndGet();
            if (!PATH.matcher(exchange.getRequestURI().getPath()).matches()) {
                json.send(exchange, 404, Map.of("errors", "Not Found"));
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                json.send(exchange, 405, Map.of("errors", "Method Not Allowed"), Map.of("Allow", "POST"));
                return;
            }
            faults.delay();
            if (faults.takeServerError()) {
                counters.http5xx.incrementAndGet();
                json.send(exchange, faults.http5xxStatus(), Map.of("errors", "Service Unavailable (injected by the sandbox)"));
                return;
            }
            if (faults.takeUnauthorized()
                    || !accessToken.equals(exchange.getRequestHeaders().getFirst("X-Shopify-Access-Token"))) {
                counters.unauthorized.incrementAndGet();
                json.send(exchange, 401, UNAUTHORIZED_BODY);
                return;
            }
            answer(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        JsonNode body;
        try {
            body = json.readTree(exchange);
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.path("query").isTextual()) {
            json.send(exchange, 400, Map.of("errors", Map.of("query", "Required parameter missing or invalid")));
            return;
        }
        String query = body.get("query").asText();
        String operationName = body.path("operationName").isTextual() ? body.get("operationName").asText() : null;
        Map<String, Object> variables = body.path("variables").isObject()
                ? json.mapper().convertValue(body.get("variables"), new TypeReference<Map<String, Object>>() { })
                : Map.of();
        ExecutionInput input = ExecutionInput.newExecutionInput().query(query).operationName(operationName)
                .variables(variables).build();

        ParseAndValidateResult parsed = ParseAndValidate.parse(input);
        if (parsed.isFailure()) {
            sendErrors(exchange, List.of(spec(parsed.getSyntaxException().toInvalidSyntaxError(), "parseError")), 0);
            return;
        }
        Document document = parsed.getDocument();
        RequestAnalysis analysis = RequestAnalysis.of(document, operationName, variables).orElse(null);
        int requested = analysis == null ? 0 : analysis.requestedCost();
        if (analysis != null) {
            (analysis.mutation() ? counters.mutationsReceived : counters.queries).incrementAndGet();
            if (analysis.mutation()) {
                counters.recordMutationSize(analysis.largestInputList().size());
            }
        }
        List<ValidationError> invalid = ParseAndValidate.validate(schema, document, Locale.ENGLISH);
        if (!invalid.isEmpty()) {
            List<Map<String, Object>> errors = new ArrayList<>();
            invalid.forEach(error -> errors.add(spec(error, lowerCamel(String.valueOf(error.getValidationErrorType())))));
            sendErrors(exchange, errors, requested);
            return;
        }
        if (analysis == null) {
            sendErrors(exchange, List.of(error("An operation name is required when a document has several operations.",
                    "operationNotFound", null)), 0);
            return;
        }
        // A query the bucket could never hold is refused up front (Shopify: single-query limit 1000 = bucket size).
        long maxCost = Math.min(MAX_QUERY_COST, bucket.status().maximumAvailable());
        if (requested > maxCost) {
            sendErrors(exchange, List.of(error("Query cost is " + requested
                    + ", which exceeds the single query max cost limit (" + maxCost + ").",
                    "MAX_COST_EXCEEDED", null)), requested);
            return;
        }
        if (analysis.largestInputList().size() > MAX_INPUT_ARRAY_SIZE) {
            // Shopify's general input limit; the wording follows its published message as far as known.
            sendErrors(exchange, List.of(error("The input array size of " + analysis.largestInputList().size()
                    + " is greater than the maximum allowed of " + MAX_INPUT_ARRAY_SIZE + ".",
                    "MAX_INPUT_SIZE_EXCEEDED", analysis.largestInputList().path())), requested);
            return;
        }
        boolean forced = faults.takeThrottle();
        if (forced) {
            bucket.drain();
        }
        if (forced || !bucket.tryConsume(requested)) {
            sendThrottled(exchange, requested);
            return;
        }
        ExecutionResult result = graphQl.execute(input);
        Map<String, Object> answer = new LinkedHashMap<>(result.toSpecification());
        answer.put("extensions", Map.of("cost", cost(requested, requested)));
        json.send(exchange, 200, answer);
    }

    private void sendThrottled(HttpExchange exchange, int requested) throws IOException {
        counters.throttled.incrementAndGet();
        CostBucket.ThrottleStatus status = bucket.status();
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", "THROTTLED");
        extensions.put("documentation", RATE_LIMIT_DOCS);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", "Throttled");
        error.put("extensions", extensions);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", List.of(error));
        body.put("extensions", Map.of("cost", cost(requested, null)));
        int httpStatus = faults.throttleStatusCode();
        Map<String, String> headers = new LinkedHashMap<>();
        if (httpStatus == 429) {
            double seconds = Math.max(0, requested - status.currentlyAvailable()) / status.restoreRate();
            headers.put("Retry-After", String.format(Locale.ROOT, "%.1f", Math.max(0.1, seconds)));
        }
        json.send(exchange, httpStatus, body, headers);
    }

    private void sendErrors(HttpExchange exchange, List<Map<String, Object>> errors, int requested) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", errors);
        body.put("extensions", Map.of("cost", cost(requested, 0)));
        json.send(exchange, 200, body);
    }

    private Map<String, Object> cost(int requested, Integer actual) {
        CostBucket.ThrottleStatus status = bucket.status();
        Map<String, Object> throttleStatus = new LinkedHashMap<>();
        throttleStatus.put("maximumAvailable", (double) status.maximumAvailable());
        throttleStatus.put("currentlyAvailable", status.currentlyAvailable());
        throttleStatus.put("restoreRate", status.restoreRate());
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("requestedQueryCost", requested);
        cost.put("actualQueryCost", actual);
        cost.put("throttleStatus", throttleStatus);
        return cost;
    }

    private static Map<String, Object> spec(GraphQLError error, String code) {
        Map<String, Object> spec = new LinkedHashMap<>(error.toSpecification());
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        spec.put("extensions", extensions);
        return spec;
    }

    private static Map<String, Object> error(String message, String code, List<String> path) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        if (path != null) {
            error.put("path", path);
        }
        error.put("extensions", Map.of("code", code));
        return error;
    }

    private static String lowerCamel(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
