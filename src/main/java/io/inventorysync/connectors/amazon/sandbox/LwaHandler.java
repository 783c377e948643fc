package io.inventorysync.connectors.amazon.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * {@code POST /auth/o2/token}: Login with Amazon's token endpoint for the refresh-token grant, with LWA's error
 * answers ({@code invalid_request}, {@code unsupported_grant_type}, {@code invalid_client}, {@code invalid_grant}).
 */
final class LwaHandler implements HttpHandler {

    private final Supplier<AmazonSandboxSettings> settings;
    private final AccessTokens tokens;
    private final SandboxCounters counters;
    private final HttpReplies http;

    LwaHandler(Supplier<AmazonSandboxSettings> settings, AccessTokens tokens, SandboxCounters counters, HttpReplies http) {
        this.settings = settings;
        this.tokens = tokens;
        this.counters = counters;
        this.http = http;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"/auth/o2/token".equals(exchange.getRequestURI().getPath())) {
                http.json(exchange, 404, Map.of("error", "not_found"));
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                http.json(exchange, 405, Map.of("error", "invalid_request", "error_description", "POST only"));
                return;
            }
            Map<String, String> form = HttpReplies.query(new String(http.body(exchange), StandardCharsets.UTF_8));
            AmazonSandboxSettings s = settings.get();
            String grantType = form.get("grant_type");
            if (grantType == null || grantType.isBlank()) {
                refuse(exchange, 400, "invalid_request", "The request is missing a required parameter : grant_type");
            } else if (!"refresh_token".equals(grantType)) {
                refuse(exchange, 400, "unsupported_grant_type", "The sandbox supports grant_type=refresh_token only");
            } else if (!s.lwaClientId().equals(form.get("client_id")) || !s.lwaClientSecret().equals(form.get("client_secret"))) {
                refuse(exchange, 401, "invalid_client", "Client authentication failed");
            } else if (!s.lwaRefreshToken().equals(form.get("refresh_token"))) {
                refuse(exchange, 400, "invalid_grant", "The request has an invalid grant parameter : refresh_token");
            } else {
                counters.tokensIssued.incrementAndGet();
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("access_token", tokens.issue());
                answer.put("refresh_token", s.lwaRefreshToken());
                answer.put("token_type", "bearer");
                answer.put("expires_in", Math.max(1, tokens.lifetime().toSeconds()));
                http.json(exchange, 200, answer);
            }
        }
    }

    private void refuse(HttpExchange exchange, int status, String error, String description) throws IOException {
        counters.tokenRequestsRejected.incrementAndGet();
        http.json(exchange, status, Map.of("error", error, "error_description", description));
    }
}
