package io.inventorysync.monitor;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cronitor's Telemetry API: {@code GET <url>?state=run|complete|fail} with {@code series=<run id>}, so Cronitor
 * pairs a run's start with its end, and {@code message} (Cronitor keeps 2,000 characters; a longer message is cut
 * and ends in "…"). A run's end carries its figures as metrics: {@code duration} as measured here (pings are queued
 * and retried, so their arrival times are not the run's), {@code count} and {@code error_count} when the job
 * reported counts. Every ping names its {@code host} (this instance) and, when configured, its {@code env}.
 */
final class CronitorPings implements PingFormat {

    /** Cronitor keeps at most this many characters of a message. */
    static final int MAX_MESSAGE_CHARS = 2000;
    private static final String CUT = "…";

    private final String environment;
    private final String host;

    CronitorPings(MonitorProperties properties, String host) {
        this.environment = properties.getPingEnvironment();
        this.host = host;
    }

    @Override
    public HttpRequest.Builder request(URI pingUrl, MonitorPing ping) throws URISyntaxException {
        List<String> parameters = new ArrayList<>();
        parameters.add(parameter("state", switch (ping.event()) {
            case START -> "run";
            case SUCCESS -> "complete";
            case FAIL -> "fail";
        }));
        parameters.add(parameter("series", ping.runId().toString()));
        if (!ping.message().isEmpty()) {
            parameters.add(parameter("message", truncate(ping.message())));
        }
        if (ping.duration() != null) {
            parameters.add(parameter("metric", "duration:" + seconds(ping)));
        }
        if (ping.hasCounts()) {
            parameters.add(parameter("metric", "count:" + ping.processed()));
            parameters.add(parameter("metric", "error_count:" + ping.failed()));
        }
        if (host != null && !host.isBlank()) {
            parameters.add(parameter("host", host));
        }
        if (environment != null && !environment.isBlank()) {
            parameters.add(parameter("env", environment));
        }
        return HttpRequest.newBuilder(url(pingUrl, String.join("&", parameters))).GET();
    }

    private static URI url(URI base, String parameters) throws URISyntaxException {
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        // the monitor key is the last path segment; a trailing slash would make it part of the key
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String query = (base.getRawQuery() == null ? "" : base.getRawQuery() + "&") + parameters;
        return new URI(base.getScheme() + "://" + base.getRawAuthority() + path + "?" + query);
    }

    /** Cut to Cronitor's limit in characters (code points, so no surrogate pair is split), marked as cut. */
    static String truncate(String message) {
        if (message.codePointCount(0, message.length()) <= MAX_MESSAGE_CHARS) {
            return message;
        }
        return message.substring(0, message.offsetByCodePoints(0, MAX_MESSAGE_CHARS - 1)) + CUT;
    }

    private static String seconds(MonitorPing ping) {
        return BigDecimal.valueOf(ping.duration().toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    /** Percent-encoded, a space as %20: unambiguous whether the server decodes the query as a form or not. */
    private static String parameter(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
