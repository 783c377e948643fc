package io.inventorysync.connectors.amazon.sandbox;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The SP-API operations the connector uses: Feeds API 2021-06-30 (createFeedDocument, getFeedDocument, createFeed,
 * getFeeds, getFeed, cancelFeed) and Listings Items API 2021-08-01 getListingsItem. Order of checks, as at Amazon's
 * gateway: route, injected latency and 5xx, the {@code x-amz-access-token}, an injected throttle, the operation's
 * usage plan (a refusal is a violation), then the operation itself. Errors are SP-API {@code ErrorList}s.
 */
final class SpApiHandler implements HttpHandler {

    static final String FEEDS = "/feeds/2021-06-30";
    static final String LISTINGS_ITEMS = "/listings/2021-08-01/items";
    static final String JSON_LISTINGS_FEED = "JSON_LISTINGS_FEED";
    private static final String ACCESS_DENIED = "Access to requested resource is denied.";

    /** One matched request: the operation and the decoded path segments after the operation's base. */
    private record Route(String operationId, List<String> parameters) {
    }

    private final Supplier<AmazonSandboxSettings> settings;
    private final Supplier<String> baseUrl;
    private final AccessTokens tokens;
    private final Throttle throttle;
    private final FaultInjector faults;
    private final SandboxCounters counters;
    private final FeedDocuments documents;
    private final FeedQueue feeds;
    private final ListingCatalog catalog;
    private final HttpReplies http;

    SpApiHandler(Supplier<AmazonSandboxSettings> settings, Supplier<String> baseUrl, AccessTokens tokens,
                 Throttle throttle, FaultInjector faults, SandboxCounters counters, FeedDocuments documents,
                 FeedQueue feeds, ListingCatalog catalog, HttpReplies http) {
        this.settings = settings;
        this.baseUrl = baseUrl;
        this.tokens = tokens;
        this.throttle = throttle;
        this.faults = faults;
        this.counters = counters;
        this.documents = documents;
        this.feeds = feeds;
        this.catalog = catalog;
        this.http = http;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            counters.requests.incrementAndGet();
            Optional<Route> route = route(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
            if (route.isEmpty()) {
                http.errors(exchange, 404, "NotFound", "The requested resource was not found.", "");
                return;
            }
            faults.delay();
            if (faults.takeServerError()) {
                counters.http5xx.incrementAndGet();
                int status = faults.http5xxStatus();
                if (status == 503) {
                    http.errors(exchange, 503, "ServiceUnavailable", "Service temporarily unavailable. Please try again.", "");
                } else {
                    http.errors(exchange, status, "InternalFailure", "We encountered an internal error. Please try again.", "");
                }
                return;
            }
            AccessTokens.Check token = tokens.check(exchange.getRequestHeaders().getFirst("x-amz-access-token"));
            if (token != AccessTokens.Check.VALID || faults.takeUnauthorized()) {
                counters.unauthorized.incrementAndGet();
                http.errors(exchange, 403, "Unauthorized", ACCESS_DENIED,
                        token == AccessTokens.Check.EXPIRED ? "The access token you provided has expired." : "");
                return;
            }
            String operationId = route.get().operationId();
            if (faults.takeThrottle()) {
                counters.injectedThrottles.incrementAndGet();
                quotaExceeded(exchange);
                return;
            }
            if (!throttle.tryCall(operationId)) {
                quotaExceeded(exchange);
                return;
            }
            counters.call(operationId);
            dispatch(exchange, route.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void dispatch(HttpExchange exchange, Route route) throws IOException {
        List<String> p = route.parameters();
        switch (route.operationId()) {
            case SandboxRateLimits.CREATE_FEED_DOCUMENT -> createFeedDocument(exchange);
            case SandboxRateLimits.GET_FEED_DOCUMENT -> getFeedDocument(exchange, p.get(0));
            case SandboxRateLimits.CREATE_FEED -> createFeed(exchange);
            case SandboxRateLimits.GET_FEEDS -> getFeeds(exchange);
            case SandboxRateLimits.GET_FEED -> getFeed(exchange, p.get(0));
            case SandboxRateLimits.CANCEL_FEED -> cancelFeed(exchange, p.get(0));
            case SandboxRateLimits.GET_LISTINGS_ITEM -> getListingsItem(exchange, p.get(0), p.get(1));
            default -> throw new IllegalStateException(route.operationId());
        }
    }

    private void createFeedDocument(HttpExchange exchange) throws IOException {
        JsonNode body = readJson(exchange);
        if (body == null) {
            return;
        }
        String contentType = body.path("contentType").asText("");
        if (contentType.isBlank()) {
            invalidInput(exchange, "contentType is required.");
            return;
        }
        FeedDocuments.Document document = documents.createInput(contentType);
        ok(exchange, 201, SandboxRateLimits.CREATE_FEED_DOCUMENT,
                Map.of("feedDocumentId", document.id, "url", documents.presign(baseUrl.get(), document, "PUT")));
    }

    private void getFeedDocument(HttpExchange exchange, String id) throws IOException {
        Optional<FeedDocuments.Document> document = documents.get(id);
        if (document.isEmpty()) {
            http.errors(exchange, 404, "NotFound", "The feed document " + id + " does not exist.", "");
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("feedDocumentId", id);
        answer.put("url", documents.presign(baseUrl.get(), document.get(), "GET"));
        if (document.get().gzip) {
            answer.put("compressionAlgorithm", "GZIP");
        }
        ok(exchange, 200, SandboxRateLimits.GET_FEED_DOCUMENT, answer);
    }

    private void createFeed(HttpExchange exchange) throws IOException {
        JsonNode body = readJson(exchange);
        if (body == null) {
            return;
        }
        String feedType = body.path("feedType").asText("");
        String inputId = body.path("inputFeedDocumentId").asText("");
        JsonNode marketplaces = body.path("marketplaceIds");
        if (feedType.isBlank() || inputId.isBlank() || !marketplaces.isArray()) {
            invalidInput(exchange, "feedType, marketplaceIds and inputFeedDocumentId are required.");
            return;
        }
        if (marketplaces.isEmpty() || marketplaces.size() > 25) {
            invalidInput(exchange, "marketplaceIds must hold from 1 to 25 marketplace ids.");
            return;
        }
        List<String> marketplaceIds = new ArrayList<>();
        for (JsonNode marketplace : marketplaces) {
            if (!settings.get().marketplaceIds().contains(marketplace.asText())) {
                invalidInput(exchange, "Invalid marketplaceId: " + marketplace.asText());
                return;
            }
            marketplaceIds.add(marketplace.asText());
        }
        if (!JSON_LISTINGS_FEED.equals(feedType)) {
            invalidInput(exchange, "The sandbox processes feedType JSON_LISTINGS_FEED only, not " + feedType + ".");
            return;
        }
        Optional<FeedDocuments.Document> input = documents.get(inputId);
        if (input.isEmpty() || input.get().kind != FeedDocuments.Kind.INPUT || input.get().content == null) {
            invalidInput(exchange, "inputFeedDocumentId " + inputId + " is not an uploaded feed document.");
            return;
        }
        if (!throttle.tryFeedSubmission()) {
            quotaExceeded(exchange);
            return;
        }
        SandboxFeed feed = feeds.submit(feedType, marketplaceIds, inputId, faults.takeFatal(), faults.takeCancel());
        ok(exchange, 202, SandboxRateLimits.CREATE_FEED, Map.of("feedId", feed.feedId()));
    }

    private void getFeeds(HttpExchange exchange) throws IOException {
        Map<String, String> query = HttpReplies.query(exchange.getRequestURI().getRawQuery());
        Set<String> types = csv(query.get("feedTypes"));
        Set<String> statuses = csv(query.get("processingStatuses"));
        int pageSize = Math.max(1, Math.min(100, parseInt(query.get("pageSize"), 10)));
        List<Map<String, Object>> page = new ArrayList<>();
        List<SandboxFeed> all = new ArrayList<>(feeds.all());
        java.util.Collections.reverse(all);
        for (SandboxFeed feed : all) {
            if ((types.isEmpty() || types.contains(feed.feedType()))
                    && (statuses.isEmpty() || statuses.contains(feed.processingStatus())) && page.size() < pageSize) {
                page.add(feedJson(feed));
            }
        }
        ok(exchange, 200, SandboxRateLimits.GET_FEEDS, Map.of("feeds", page));
    }

    private void getFeed(HttpExchange exchange, String feedId) throws IOException {
        Optional<SandboxFeed> feed = feeds.get(feedId);
        if (feed.isEmpty()) {
            http.errors(exchange, 404, "NotFound", "The feed " + feedId + " does not exist.", "");
            return;
        }
        ok(exchange, 200, SandboxRateLimits.GET_FEED, feedJson(feed.get()));
    }

    private void cancelFeed(HttpExchange exchange, String feedId) throws IOException {
        if (feeds.get(feedId).isEmpty()) {
            http.errors(exchange, 404, "NotFound", "The feed " + feedId + " does not exist.", "");
            return;
        }
        if (!feeds.cancel(feedId)) {
            invalidInput(exchange, "Only feeds with processingStatus IN_QUEUE can be cancelled.");
            return;
        }
        http.bytes(exchange, 200, "application/json", new byte[0], rateHeaders(SandboxRateLimits.CANCEL_FEED));
    }

    private void getListingsItem(HttpExchange exchange, String sellerId, String sku) throws IOException {
        if (!settings.get().sellerId().equals(sellerId)) {
            counters.unauthorized.incrementAndGet();
            http.errors(exchange, 403, "Unauthorized", ACCESS_DENIED, "");
            return;
        }
        Map<String, String> query = HttpReplies.query(exchange.getRequestURI().getRawQuery());
        Set<String> marketplaces = csv(query.get("marketplaceIds"));
        if (marketplaces.isEmpty()) {
            invalidInput(exchange, "Missing required 'marketplaceIds'.");
            return;
        }
        for (String marketplace : marketplaces) {
            if (!settings.get().marketplaceIds().contains(marketplace)) {
                invalidInput(exchange, "Invalid marketplaceId: " + marketplace);
                return;
            }
        }
        Optional<SandboxListing> listing = catalog.get(sku);
        if (listing.isEmpty()) {
            http.errors(exchange, 404, "NOT_FOUND", "SKU '" + sku + "' not found in marketplace "
                    + marketplaces.iterator().next(), null);
            return;
        }
        Set<String> included = csv(query.getOrDefault("includedData", "summaries"));
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("sku", sku);
        if (included.contains("summaries")) {
            List<Map<String, Object>> summaries = new ArrayList<>();
            for (String marketplace : marketplaces) {
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("marketplaceId", marketplace);
                summary.put("asin", asin(sku));
                summary.put("productType", "PRODUCT");
                summary.put("conditionType", "new_new");
                summary.put("status", listing.get().quantity() != null && listing.get().quantity() > 0
                        ? List.of("BUYABLE", "DISCOVERABLE") : List.of("DISCOVERABLE"));
                summary.put("itemName", "Sandbox item " + sku);
                summary.put("createdDate", listing.get().createdAt());
                summary.put("lastUpdatedDate", listing.get().updatedAt());
                summaries.add(summary);
            }
            item.put("summaries", summaries);
        }
        if (included.contains("fulfillmentAvailability")) {
            Map<String, Object> availability = new LinkedHashMap<>();
            availability.put("fulfillmentChannelCode", "DEFAULT");
            if (listing.get().quantity() != null) {
                availability.put("quantity", listing.get().quantity());
            }
            item.put("fulfillmentAvailability", List.of(availability));
        }
        if (included.contains("issues")) {
            item.put("issues", List.of());
        }
        ok(exchange, 200, SandboxRateLimits.GET_LISTINGS_ITEM, item);
    }

    private static Map<String, Object> feedJson(SandboxFeed feed) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("feedId", feed.feedId());
        answer.put("feedType", feed.feedType());
        answer.put("marketplaceIds", feed.marketplaceIds());
        answer.put("createdTime", feed.createdTime());
        answer.put("processingStatus", feed.processingStatus());
        if (feed.processingStartTime() != null) {
            answer.put("processingStartTime", feed.processingStartTime());
        }
        if (feed.processingEndTime() != null) {
            answer.put("processingEndTime", feed.processingEndTime());
        }
        if (feed.resultFeedDocumentId() != null) {
            answer.put("resultFeedDocumentId", feed.resultFeedDocumentId());
        }
        return answer;
    }

    /** The request body as JSON, or null after answering 400 when it is not JSON. */
    private JsonNode readJson(HttpExchange exchange) throws IOException {
        try {
            return http.json(exchange);
        } catch (IOException e) {
            invalidInput(exchange, "The request body is not valid JSON.");
            return null;
        }
    }

    private void ok(HttpExchange exchange, int status, String operationId, Object body) throws IOException {
        http.json(exchange, status, body, rateHeaders(operationId));
    }

    private Map<String, String> rateHeaders(String operationId) {
        return Map.of("x-amzn-RequestId", HttpReplies.requestId(),
                "x-amzn-RateLimit-Limit", String.valueOf(throttle.rate(operationId)));
    }

    private void invalidInput(HttpExchange exchange, String message) throws IOException {
        http.errors(exchange, 400, "InvalidInput", message, "");
    }

    private void quotaExceeded(HttpExchange exchange) throws IOException {
        http.errors(exchange, 429, "QuotaExceeded", "You exceeded your quota for the requested resource.", "");
    }

    private static Optional<Route> route(String method, String rawPath) {
        String path = rawPath.replaceAll("/+$", "");
        if (path.startsWith(LISTINGS_ITEMS + "/")) {
            List<String> segments = segments(path.substring(LISTINGS_ITEMS.length() + 1));
            return segments.size() == 2 && "GET".equals(method)
                    ? Optional.of(new Route(SandboxRateLimits.GET_LISTINGS_ITEM, segments)) : Optional.empty();
        }
        if (path.equals(FEEDS + "/documents") && "POST".equals(method)) {
            return Optional.of(new Route(SandboxRateLimits.CREATE_FEED_DOCUMENT, List.of()));
        }
        if (path.startsWith(FEEDS + "/documents/") && "GET".equals(method)) {
            List<String> segments = segments(path.substring((FEEDS + "/documents/").length()));
            return segments.size() == 1 ? Optional.of(new Route(SandboxRateLimits.GET_FEED_DOCUMENT, segments)) : Optional.empty();
        }
        if (path.equals(FEEDS + "/feeds")) {
            return switch (method) {
                case "POST" -> Optional.of(new Route(SandboxRateLimits.CREATE_FEED, List.of()));
                case "GET" -> Optional.of(new Route(SandboxRateLimits.GET_FEEDS, List.of()));
                default -> Optional.empty();
            };
        }
        if (path.startsWith(FEEDS + "/feeds/")) {
            List<String> segments = segments(path.substring((FEEDS + "/feeds/").length()));
            if (segments.size() != 1) {
                return Optional.empty();
            }
            return switch (method) {
                case "GET" -> Optional.of(new Route(SandboxRateLimits.GET_FEED, segments));
                case "DELETE" -> Optional.of(new Route(SandboxRateLimits.CANCEL_FEED, segments));
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    /** Path segments, percent-decoded one by one (so an encoded '/' inside a SKU stays in its segment). */
    private static List<String> segments(String rawPath) {
        return Arrays.stream(rawPath.split("/"))
                .map(segment -> URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8))
                .toList();
    }

    private static Set<String> csv(String value) {
        Set<String> values = new LinkedHashSet<>();
        if (value != null) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.trim());
                }
            }
        }
        return values;
    }

    private static int parseInt(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** A stable, ASIN-shaped id for a SKU. */
    private static String asin(String sku) {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        long hash = Integer.toUnsignedLong(sku.hashCode()) * 2_654_435_761L;
        StringBuilder asin = new StringBuilder("B0");
        for (int i = 0; i < 8; i++) {
            asin.append(alphabet.charAt((int) Math.floorMod(hash, 36L)));
            hash /= 36;
            if (hash == 0) {
                hash = sku.length() + 7L * (i + 1);
            }
        }
        return asin.toString().toUpperCase(Locale.ROOT);
    }
}
