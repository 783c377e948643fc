package io.inventorysync.alert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** POSTs JSON to a webhook and wants a 2xx answer; errors never carry the URL (it holds a token). */
final class JsonWebhook {

    private final HttpClient http;
    private final ObjectMapper json;

    JsonWebhook(HttpClient http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    /** {@code payload} as JSON; {@code what} names the receiver in errors ("chat webhook"). */
    void post(String url, String bearerToken, Object payload, Duration timeout, String what)
            throws NotificationFailedException {
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new NotificationFailedException(what + " message not serialisable: " + e.getOriginalMessage());
        }
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (bearerToken != null && !bearerToken.isBlank()) {
                request.header("Authorization", "Bearer " + bearerToken);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                String answer = response.body() == null ? "" : response.body().strip();
                answer = answer.length() > 200 ? answer.substring(0, 200) : answer;
                throw new NotificationFailedException(what + " answered HTTP " + response.statusCode()
                        + (answer.isEmpty() ? "" : ": " + SecretText.redact(answer, url, bearerToken)));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new NotificationFailedException(what + " unreachable: " + SecretText.describe(e, url, bearerToken));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotificationFailedException(what + " call interrupted");
        }
    }
}
