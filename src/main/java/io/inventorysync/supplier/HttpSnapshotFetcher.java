package io.inventorysync.supplier;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

/**
 * Downloads the snapshot from an HTTP(S) URL (GET, optional basic authentication). The snapshot time is the
 * response's {@code Last-Modified} when it has one, else the time of the fetch. 204 means no snapshot yet; any
 * other answer than 200 fails the poll.
 */
public final class HttpSnapshotFetcher implements SnapshotFetcher {

    private final URI url;
    private final String authorization;
    private final Duration timeout;
    private final long maxBytes;
    private final Clock clock;
    private final HttpClient client;

    public HttpSnapshotFetcher(URI url, String username, String password, Duration timeout, long maxBytes, Clock clock) {
        this.url = url;
        this.authorization = username == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public Optional<FetchedSnapshot> fetch() throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        Instant fetchedAt = clock.instant();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + url, e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() == 204) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new IOException(url + " answered HTTP " + response.statusCode());
            }
            byte[] content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (content.length > maxBytes) {
                throw new IOException(url + " sent more than maxFileBytes " + maxBytes);
            }
            Instant snapshotAt = response.headers().firstValue("Last-Modified").map(HttpSnapshotFetcher::httpDate)
                    .orElse(fetchedAt);
            return Optional.of(new FetchedSnapshot(content, snapshotAt.truncatedTo(ChronoUnit.MILLIS), origin()));
        }
    }

    /** The URL without user info and query, which may hold credentials. */
    private String origin() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    private static Instant httpDate(String value) {
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
