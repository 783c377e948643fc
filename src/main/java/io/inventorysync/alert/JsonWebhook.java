package io.inventorysync.alert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** POSTs JSON to a webhook and wants a 2xx answer; errors never carry the URL (it holds a token). */
final class JsonWebhook {

    private final HttpClient http;

    JsonWebhook(HttpClient http) {
        this.http = http;
    }

    void post(String url, String bearerToken, String json, Duration timeout, String what)
            throws NotificationFailedException {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            if (bearerToken != null && !bearerToken.isBlank()) {
                request.header("Authorization", "Bearer " + bearerToken);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                String body = response.body() == null ? "" : response.body().strip();
                body = body.length() > 200 ? body.substring(0, 200) : body;
                throw new NotificationFailedException(what + " answered HTTP " + response.statusCode()
                        + (body.isEmpty() ? "" : ": " + SecretText.redact(body, url, bearerToken)));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new NotificationFailedException(what + " unreachable: " + SecretText.describe(e, url, bearerToken));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotificationFailedException(what + " call interrupted");
        }
    }
}
