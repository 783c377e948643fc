package io.inventorysync.monitor;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * healthchecks.io's pinging API, which self-hosted Healthchecks speaks too: {@code POST <url>/start?rid=},
 * {@code <url>?rid=} or {@code <url>/fail?rid=}, the message as the body. It takes no figures of their own: the
 * counts are in a success's message.
 */
final class HealthchecksPings implements PingFormat {

    /** healthchecks.io stores at most this much of a ping body by default. */
    static final int MAX_BODY_BYTES = 10_000;

    @Override
    public HttpRequest.Builder request(URI pingUrl, MonitorPing ping) throws URISyntaxException {
        return HttpRequest.newBuilder(url(pingUrl, ping))
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(truncate(ping.message())));
    }

    static URI url(URI base, MonitorPing ping) throws URISyntaxException {
        String suffix = switch (ping.event()) {
            case START -> "/start";
            case SUCCESS -> "";
            case FAIL -> "/fail";
        };
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        if (path.endsWith("/") && !suffix.isEmpty()) {
            path = path.substring(0, path.length() - 1);
        }
        String query = (base.getRawQuery() == null ? "" : base.getRawQuery() + "&") + "rid=" + ping.runId();
        return new URI(base.getScheme() + "://" + base.getRawAuthority() + path + suffix + "?" + query);
    }

    private static byte[] truncate(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return bytes.length <= MAX_BODY_BYTES ? bytes : Arrays.copyOf(bytes, MAX_BODY_BYTES);
    }
}
