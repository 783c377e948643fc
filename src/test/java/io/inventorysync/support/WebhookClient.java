package io.inventorysync.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.inventorysync.ingest.WebhookHeaders;
import io.inventorysync.ingest.WebhookSigner;

/** Posts to the pack's HTTP API the way a source or an operator would. */
public final class WebhookClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    public WebhookClient(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    public HttpResponse<String> postSigned(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return post(body, new WebhookSigner(TestConnectors.SECRET).signatureHeader(body));
    }

    public HttpResponse<String> post(byte[] body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/events"))
                .header("Content-Type", "application/json")
                .header(WebhookHeaders.SOURCE, TestConnectors.SOURCE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header(WebhookHeaders.SIGNATURE, signature);
        }
        return send(request.build());
    }

    public HttpResponse<String> admin(String method, String path, String json, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
