package io.inventorysync.connectors.amazon;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inventorysync.channel.ChannelApiMeters;
import io.inventorysync.channel.RetryableChannelException;
import io.inventorysync.channel.ratelimit.CostRateLimiter;

/**
 * SP-API calls for one seller: waits in the operation's {@link CostRateLimiter}, sends with the LWA access token in
 * {@code x-amz-access-token}, and sorts the answer into a result, a transient failure
 * ({@link RetryableChannelException}: 429 QuotaExceeded, 5xx, 408, timeouts, I/O) or a refusal
 * ({@link SpApiCallRejectedException}: 400, 404, 413, 415, or 403 once more after a fresh token). A 403
 * {@code Unauthorized} is first taken for an expired token: the token is dropped and the call made once more.
 *
 * <p>Amazon documents no Retry-After for 429; the wait hint is the time the operation's plan needs to restore one
 * request, and the limiter is emptied for that long, because another application of the seller is spending the same
 * quota. Also moves the bytes of feed documents through their pre-signed URLs (no SP-API token, no limiter).
 */
final class SpApiTransport {

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Pattern S3_CODE = Pattern.compile("<Code>([^<]+)</Code>");
    private static final Pattern S3_MESSAGE = Pattern.compile("<Message>([^<]+)</Message>");
    static final String UPLOAD = "feedDocumentUpload";
    static final String DOWNLOAD = "feedDocumentDownload";
    static final String USER_AGENT = "inventory-sync/0.1 (Language=Java; Platform=Camel)";

    private final HttpClient http;
    private final AmazonClientSettings settings;
    private final LwaTokenProvider lwa;
    private final Map<SpApiOperation, CostRateLimiter> limiters;
    private final ObjectMapper json;
    private final ChannelApiMeters meters;

    SpApiTransport(HttpClient http, AmazonClientSettings settings, LwaTokenProvider lwa,
                   Map<SpApiOperation, CostRateLimiter> limiters, ObjectMapper json, ChannelApiMeters meters) {
        this.meters = meters;
        this.http = http;
        this.settings = settings;
        this.lwa = lwa;
        this.limiters = limiters;
        this.json = json;
    }

    /** One SP-API call; {@code body} null for GET and DELETE. Returns the JSON answer of a 2xx (null if empty). */
    JsonNode call(SpApiOperation operation, String method, String pathAndQuery, JsonNode body)
            throws RetryableChannelException, SpApiCallRejectedException {
        String name = operation.operationId();
        for (int attempt = 1; ; attempt++) {
            // the token first: a token refresh between the limiter and the send would bunch later requests behind it
            String token = lwa.accessToken();
            acquire(operation);
            HttpResponse<String> response;
            try {
                response = send(operation, method, pathAndQuery, body, token);
            } catch (RetryableChannelException e) {
                meters.call(name, ChannelApiMeters.TRANSIENT);
                throw e;
            }
            int status = response.statusCode();
            JsonNode answer = parse(response.body());
            if (status >= 200 && status < 300) {
                meters.call(name, ChannelApiMeters.SUCCESS);
                return answer;
            }
            String code = errorField(answer, "code", "HTTP_" + status);
            String message = operation.operationId() + ": " + errorText(answer, status);
            if (status == 403 && attempt == 1) {
                meters.call(name, ChannelApiMeters.REJECTED);
                lwa.invalidate(token); // most often an access token that expired on the way; one more try with a new one
                continue;
            }
            if (status == 429) {
                meters.call(name, ChannelApiMeters.THROTTLED);
                long waitMs = oneRequestMillis(operation);
                limiters.get(operation).penalize(Duration.ofMillis(waitMs));
                throw new RetryableChannelException(code, message, waitMs, null);
            }
            if (status >= 500 || status == 408) {
                meters.call(name, ChannelApiMeters.TRANSIENT);
                throw new RetryableChannelException(code, message, null, null);
            }
            meters.call(name, ChannelApiMeters.REJECTED);
            throw new SpApiCallRejectedException(code, message);
        }
    }

    /** PUT of a feed document to its pre-signed URL, with the Content-Type it was created for. */
    void upload(URI url, String contentType, byte[] content) throws RetryableChannelException, SpApiCallRejectedException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(settings.requestTimeout())
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                .build();
        HttpResponse<String> response = counted(UPLOAD, () -> exchange(request, "feed document upload",
                HttpResponse.BodyHandlers.ofString()));
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String code = s3Field(S3_CODE, response.body(), "HTTP_" + status);
        String message = "feed document upload: HTTP " + status + " " + s3Field(S3_MESSAGE, response.body(), "");
        // 403 is an expired URL (or a clock skew): a new document and URL will do.
        if (status == 403 || status == 408 || status == 429 || status >= 500) {
            throw new RetryableChannelException(code, message, null, null);
        }
        throw new SpApiCallRejectedException(code, message);
    }

    /** GET of a document from its pre-signed URL, gunzipped when {@code gzip}. */
    byte[] download(URI url, boolean gzip) throws RetryableChannelException, SpApiCallRejectedException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(settings.requestTimeout()).GET().build();
        HttpResponse<byte[]> response = counted(DOWNLOAD, () -> exchange(request, "processing report download",
                HttpResponse.BodyHandlers.ofByteArray()));
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            String text = new String(response.body(), StandardCharsets.UTF_8);
            String code = s3Field(S3_CODE, text, "HTTP_" + status);
            String message = "processing report download: HTTP " + status + " " + s3Field(S3_MESSAGE, text, "");
            if (status == 403 || status == 408 || status == 429 || status >= 500) {
                throw new RetryableChannelException(code, message, null, null);
            }
            throw new SpApiCallRejectedException(code, message);
        }
        if (!gzip) {
            return response.body();
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new RetryableChannelException("INVALID_DOCUMENT", "the processing report is not valid GZIP: " + e, null, e);
        }
    }

    /** A pre-signed URL call (no SP-API operation, no usage plan), counted under its own operation name. */
    private <T> HttpResponse<T> counted(String operation, HttpCall<T> call) throws RetryableChannelException {
        HttpResponse<T> response;
        try {
            response = call.send();
        } catch (RetryableChannelException e) {
            meters.call(operation, ChannelApiMeters.TRANSIENT);
            throw e;
        }
        int status = response.statusCode();
        meters.call(operation, status >= 200 && status < 300 ? ChannelApiMeters.SUCCESS
                : status == 429 ? ChannelApiMeters.THROTTLED
                : status == 403 || status == 408 || status >= 500 ? ChannelApiMeters.TRANSIENT : ChannelApiMeters.REJECTED);
        return response;
    }

    @FunctionalInterface
    private interface HttpCall<T> {
        HttpResponse<T> send() throws RetryableChannelException;
    }

    private void acquire(SpApiOperation operation) throws RetryableChannelException {
        try {
            limiters.get(operation).acquire(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableChannelException("INTERRUPTED", "interrupted while waiting for the rate limit", null, e);
        }
    }

    private HttpResponse<String> send(SpApiOperation operation, String method, String pathAndQuery, JsonNode body,
                                      String token) throws RetryableChannelException {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.resolve(pathAndQuery))
                .timeout(settings.requestTimeout())
                .header("x-amz-access-token", token)
                .header("x-amz-date", AMZ_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)))
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        }
        return exchange(request.build(), operation.operationId(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, String what, HttpResponse.BodyHandler<T> handler)
            throws RetryableChannelException {
        try {
            return http.send(request, handler);
        } catch (HttpTimeoutException e) {
            throw new RetryableChannelException("TIMEOUT", what + ": no answer within " + settings.requestTimeout(), null, e);
        } catch (IOException e) {
            throw new RetryableChannelException("IO_ERROR", what + ": cannot reach " + request.uri().getHost() + ": " + e, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableChannelException("INTERRUPTED", what + ": interrupted", null, e);
        }
    }

    private long oneRequestMillis(SpApiOperation operation) {
        return (long) Math.ceil(1000 / settings.rateLimits().restorePerSecond(operation));
    }

    private JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? null : json.readTree(text);
        } catch (IOException e) {
            return null; // e.g. an HTML page from an edge proxy; the status decides then
        }
    }

    private static String errorField(JsonNode answer, String field, String fallback) {
        if (answer == null) {
            return fallback;
        }
        JsonNode error = answer.path("errors").path(0);
        return error.path(field).isTextual() && !error.get(field).asText().isBlank() ? error.get(field).asText() : fallback;
    }

    private static String errorText(JsonNode answer, int status) {
        String message = errorField(answer, "message", "HTTP " + status);
        String details = errorField(answer, "details", "");
        return details.isEmpty() ? message : message + " (" + details + ")";
    }

    private static String s3Field(Pattern pattern, String xml, String fallback) {
        Matcher matcher = pattern.matcher(xml == null ? "" : xml);
        return matcher.find() ? matcher.group(1) : fallback;
    }
}
