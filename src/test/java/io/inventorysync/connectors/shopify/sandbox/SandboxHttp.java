package io.inventorysync.connectors.shopify.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A bare HTTP caller for sandbox tests: no client code under test in between. */
final class SandboxHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ShopifySandbox sandbox;

    SandboxHttp(ShopifySandbox sandbox) {
        this.sandbox = sandbox;
    }

    record Answer(int status, HttpResponse<String> raw, JsonNode body) {
    }

    Answer graphQl(String token, String query, Map<String, Object> variables) throws IOException, InterruptedException {
        Map<String, Object> body = variables == null ? Map.of("query", query) : Map.of("query", query, "variables", variables);
        return post(sandbox.graphqlUrl("2026-10"), token, JSON.writeValueAsString(body));
    }

    Answer graphQl(String query, Map<String, Object> variables) throws IOException, InterruptedException {
        return graphQl(sandbox.accessToken(), query, variables);
    }

    Answer post(String url, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("X-Shopify-Access-Token", token);
        }
        return answer(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    Answer admin(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return answer(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    private static Answer answer(HttpResponse<String> response) throws IOException {
        String text = response.body();
        return new Answer(response.statusCode(), response, text == null || text.isEmpty() ? null : JSON.readTree(text));
    }
}
