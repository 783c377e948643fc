package io.inventorysync.connectors.amazon;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inventorysync.channel.RetryableChannelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LWA access tokens for one set of {@link LwaCredentials}, shared by every call for that seller: a token is fetched
 * with the refresh-token grant, reused until shortly before it expires ({@code expires_in} less a tenth, at most a
 * minute), and then refreshed by one caller while the others wait. {@link #invalidate} drops a token SP-API refused.
 * Thread-safe.
 */
public final class LwaTokenProvider {

    private static final Logger LOG = LoggerFactory.getLogger(LwaTokenProvider.class);
    private static final long MAX_REFRESH_AHEAD_NANOS = Duration.ofMinutes(1).toNanos();

    private record Token(String value, long refreshAtNanos) {
    }

    private final LwaCredentials credentials;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong refreshes = new AtomicLong();
    private volatile Token current;

    public LwaTokenProvider(LwaCredentials credentials, HttpClient http, Duration requestTimeout) {
        this.credentials = credentials;
        this.http = http;
        this.requestTimeout = requestTimeout;
    }

    /** A valid access token, fetched or refreshed if needed. */
    public String accessToken() throws RetryableChannelException, SpApiCallRejectedException {
        Token token = current;
        if (token != null && System.nanoTime() < token.refreshAtNanos()) {
            return token.value();
        }
        synchronized (this) {
            token = current;
            if (token == null || System.nanoTime() >= token.refreshAtNanos()) {
                token = fetch();
                current = token;
            }
            return token.value();
        }
    }

    /** SP-API refused {@code token} (expired early, revoked): the next {@link #accessToken()} fetches a new one. */
    public synchronized void invalidate(String token) {
        if (current != null && current.value().equals(token)) {
            current = null;
        }
    }

    /** How many tokens were fetched so far. */
    public long refreshes() {
        return refreshes.get();
    }

    public LwaCredentials credentials() {
        return credentials;
    }

    private Token fetch() throws RetryableChannelException, SpApiCallRejectedException {
        String form = "grant_type=refresh_token"
                + "&refresh_token=" + encode(credentials.refreshToken())
                + "&client_id=" + encode(credentials.clientId())
                + "&client_secret=" + encode(credentials.clientSecret());
        HttpRequest request = HttpRequest.newBuilder(credentials.tokenUrl())
                .timeout(requestTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build();
        long sentAt = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new RetryableChannelException("LWA_TIMEOUT", "no answer from LWA within " + requestTimeout, null, e);
        } catch (IOException e) {
            throw new RetryableChannelException("LWA_IO_ERROR", "cannot reach LWA at " + credentials.tokenUrl() + ": " + e, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableChannelException("INTERRUPTED", "interrupted while calling LWA", null, e);
        }
        JsonNode body = parse(response.body());
        int status = response.statusCode();
        if (status == 200 && body != null && body.path("access_token").isTextual()) {
            long expiresIn = Math.max(1, body.path("expires_in").asLong(3600));
            long lifetime = Duration.ofSeconds(expiresIn).toNanos();
            long ahead = Math.min(MAX_REFRESH_AHEAD_NANOS, lifetime / 10);
            refreshes.incrementAndGet();
            LOG.debug("LWA access token for client {} fetched, expires in {} s", credentials.clientId(), expiresIn);
            return new Token(body.get("access_token").asText(), sentAt + lifetime - ahead);
        }
        String error = body == null ? "HTTP_" + status : body.path("error").asText("HTTP_" + status);
        String description = body == null ? String.valueOf(response.body()) : body.path("error_description").asText(error);
        if (status == 429 || status >= 500) {
            throw new RetryableChannelException("LWA_HTTP_" + status, "LWA answered HTTP " + status + ": " + description, null, null);
        }
        throw new SpApiCallRejectedException(error, "LWA refused the refresh token grant (HTTP " + status + "): " + description);
    }

    private JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? null : json.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
