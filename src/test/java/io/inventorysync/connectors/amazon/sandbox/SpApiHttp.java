package io.inventorysync.connectors.amazon.sandbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A bare HTTP caller for sandbox tests: no client code under test in between. */
final class SpApiHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String FEED_CONTENT_TYPE = "application/json; charset=UTF-8";
    private final HttpClient http = HttpClient.newHttpClient();
    private final AmazonSandbox sandbox;

    SpApiHttp(AmazonSandbox sandbox) {
        this.sandbox = sandbox;
    }

    record Answer(int status, HttpResponse<byte[]> raw, JsonNode body) {

        String text() {
            return new String(raw.body(), StandardCharsets.UTF_8);
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    Answer lwa(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(sandbox.lwaTokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A fresh access token through the refresh-token grant. */
    String token() {
        Answer answer = lwa(Map.of("grant_type", "refresh_token", "refresh_token", sandbox.lwaRefreshToken(),
                "client_id", sandbox.lwaClientId(), "client_secret", sandbox.lwaClientSecret()));
        if (answer.status() != 200) {
            throw new IllegalStateException("no token: " + answer.text());
        }
        return answer.body().get("access_token").asText();
    }

    Answer call(String token, String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path));
        if (token != null) {
            request.header("x-amz-access-token", token);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json(body)));
        }
        return send(request.build());
    }

    Answer put(String url, String contentType, byte[] content) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build());
    }

    Answer get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    Answer admin(String method, String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json(body)))
                .build());
    }

    /** createFeedDocument + upload + createFeed; the feedId. */
    String submitFeed(String token, Object feed) {
        Answer document = call(token, "POST", "/feeds/2021-06-30/documents", Map.of("contentType", FEED_CONTENT_TYPE));
        if (document.status() != 201) {
            throw new IllegalStateException("createFeedDocument: " + document.text());
        }
        Answer upload = put(document.body().get("url").asText(), FEED_CONTENT_TYPE, json(feed).getBytes(StandardCharsets.UTF_8));
        if (upload.status() != 200) {
            throw new IllegalStateException("upload: " + upload.text());
        }
        Answer created = call(token, "POST", "/feeds/2021-06-30/feeds", Map.of("feedType", "JSON_LISTINGS_FEED",
                "marketplaceIds", java.util.List.of(sandbox.marketplaceId()),
                "inputFeedDocumentId", document.body().get("feedDocumentId").asText()));
        if (created.status() != 202) {
            throw new IllegalStateException("createFeed: " + created.text());
        }
        return created.body().get("feedId").asText();
    }

    /** getFeedDocument + download (gunzipped when said so), as JSON. */
    JsonNode report(String token, String documentId) {
        Answer location = call(token, "GET", "/feeds/2021-06-30/documents/" + documentId, null);
        if (location.status() != 200) {
            throw new IllegalStateException("getFeedDocument: " + location.text());
        }
        byte[] content = get(location.body().get("url").asText()).raw().body();
        if ("GZIP".equals(location.body().path("compressionAlgorithm").asText())) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
                content = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            return JSON.readTree(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = null;
            try {
                body = response.body().length == 0 ? null : JSON.readTree(response.body());
            } catch (IOException notJson) {
                // XML from the S3 side, kept as text
            }
            return new Answer(response.statusCode(), response, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
