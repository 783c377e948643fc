package io.inventorysync.monitor;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends healthchecks.io-protocol pings ({@code <url>/start?rid=}, {@code <url>?rid=}, {@code <url>/fail?rid=}, the
 * error text or a summary as the POST body), so a monitor can be watched by healthchecks.io, Cronitor's
 * healthchecks-compatible endpoint or a self-hosted server too. A ping never blocks or breaks the job: it is
 * sent asynchronously with short timeouts and a few retries; one that cannot be delivered is logged (without its
 * URL, which holds the check's key) and counted in {@code inventory.monitor.pings{outcome=failed}}. Pings of one
 * monitor go out in order, so a success never overtakes its start.
 */
public class MonitorPinger implements AutoCloseable {

    /** healthchecks.io stores at most this much of a ping body by default. */
    static final int MAX_BODY_BYTES = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(MonitorPinger.class);

    public enum Kind {
        START("/start"), SUCCESS(""), FAIL("/fail");

        private final String suffix;

        Kind(String suffix) {
            this.suffix = suffix;
        }
    }

    private final MonitorProperties properties;
    private final MeterRegistry meters;
    private final HttpClient client;
    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> pending = new ConcurrentHashMap<>();

    public MonitorPinger(MonitorProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
        this.client = HttpClient.newBuilder().connectTimeout(properties.getPingTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Queues a ping after the monitor's earlier ones; returns at once. */
    public void ping(MonitorDefinition monitor, Kind kind, UUID runId, String body) {
        if (monitor.pingUrl() == null) {
            return;
        }
        AtomicInteger waiting = pending.computeIfAbsent(monitor.id(), id -> new AtomicInteger());
        if (waiting.incrementAndGet() > properties.getMaxPendingPings()) {
            waiting.decrementAndGet();
            count(monitor, "dropped");
            LOG.warn("Monitor {}: {} ping dropped, {} pings still waiting for its ping URL", monitor.id(), kind,
                    properties.getMaxPendingPings());
            return;
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(url(monitor.pingUrl(), kind, runId)).timeout(properties.getPingTimeout())
                    .header("Content-Type", "text/plain; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(truncate(body))).build();
        } catch (URISyntaxException | IllegalArgumentException e) {
            waiting.decrementAndGet();
            count(monitor, "failed");
            LOG.warn("Monitor {}: its ping URL is not valid; no pings sent", monitor.id());
            return;
        }
        tails.compute(monitor.id(), (id, tail) -> (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail)
                .thenCompose(x -> send(monitor, kind, request, 1))
                .exceptionally(e -> null)
                .whenComplete((x, e) -> waiting.decrementAndGet()));
    }

    private CompletableFuture<Void> send(MonitorDefinition monitor, Kind kind, HttpRequest request, int attempt) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> {
                    if (error == null && response.statusCode() / 100 == 2) {
                        count(monitor, "sent");
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    String problem = error != null ? error.getClass().getSimpleName() : "HTTP " + response.statusCode();
                    if (attempt >= properties.getPingAttempts()) {
                        count(monitor, "failed");
                        LOG.warn("Monitor {}: {} ping failed after {} attempts ({}); the job is not affected",
                                monitor.id(), kind, attempt, problem);
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    long delay = properties.getPingRetryDelay().toMillis() << (attempt - 1);
                    return CompletableFuture.supplyAsync(() -> null,
                            CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS))
                            .thenCompose(x -> send(monitor, kind, request, attempt + 1));
                })
                .thenCompose(next -> next);
    }

    private void count(MonitorDefinition monitor, String outcome) {
        meters.counter("inventory.monitor.pings", "monitor", monitor.id(), "outcome", outcome).increment();
    }

    static URI url(URI base, Kind kind, UUID runId) throws URISyntaxException {
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        if (path.endsWith("/") && !kind.suffix.isEmpty()) {
            path = path.substring(0, path.length() - 1);
        }
        String query = (base.getRawQuery() == null ? "" : base.getRawQuery() + "&") + "rid=" + runId;
        return new URI(base.getScheme() + "://" + base.getRawAuthority() + path + kind.suffix + "?" + query);
    }

    private static byte[] truncate(String body) {
        byte[] bytes = (body == null ? "" : body).getBytes(StandardCharsets.UTF_8);
        return bytes.length <= MAX_BODY_BYTES ? bytes : java.util.Arrays.copyOf(bytes, MAX_BODY_BYTES);
    }

    /** Waits briefly for queued pings, so a stopping instance still reports its last runs. */
    @Override
    public void close() {
        try {
            CompletableFuture.allOf(tails.values().toArray(CompletableFuture[]::new)).get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("Monitor pings still waiting at shutdown are dropped");
        }
    }
}
