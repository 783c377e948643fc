package io.inventorysync.fuzz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * Sends one hand-made request to the application and tells what came back: the status and body, or that it hung
 * (no answer within {@link #TIMEOUT}) or the connection broke. Headers are sent as given, no Content-Type is
 * added; a chunked body carries no Content-Length, so the server cannot refuse it by its declared size.
 */
final class FuzzHttp {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    FuzzHttp(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    Answer send(String method, String pathAndQuery, Map<String, String> headers, byte[] body, boolean chunked) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(TIMEOUT);
        headers.forEach(request::header);
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        request.method(method, publisher);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""), null);
        } catch (HttpTimeoutException e) {
            return new Answer(-1, "", "", "no answer within " + TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            return new Answer(-1, "", "", "connection failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @param failure why there is no status (hang, broken connection), or null */
    record Answer(int status, String body, String contentType, String failure) {

        boolean is4xx() {
            return status >= 400 && status < 500;
        }

        boolean is5xx() {
            return status >= 500;
        }

        /** A machine-readable or human-readable reason in the body: a JSON error or at least some text. */
        boolean hasReason() {
            return body != null && (body.contains("\"error\"") || body.contains("\"message\"") || body.contains("\"detail\""));
        }

        String shortBody() {
            return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
        }
    }
}
