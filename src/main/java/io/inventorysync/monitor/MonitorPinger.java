package io.inventorysync.monitor;

import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends a monitor's pings to its ping URL in the protocol configured for it ({@link PingProtocol}: healthchecks.io
 * and self-hosted Healthchecks, or Cronitor). A ping never blocks or breaks the job: it is sent asynchronously with
 * short timeouts and a few retries; one that cannot be delivered is logged (without its URL, which holds the
 * check's key) and counted in {@code inventory.monitor.pings{outcome=failed}}. Pings of one monitor go out in
 * order, so a success never overtakes its start.
 */
public class MonitorPinger implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MonitorPinger.class);

    private final MonitorProperties properties;
    private final MeterRegistry meters;
    private final HttpClient client;
    private final Map<PingProtocol, PingFormat> formats = new EnumMap<>(PingProtocol.class);
    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> pending = new ConcurrentHashMap<>();

    /** @param host this instance's name, sent where a protocol reports the sender (Cronitor's {@code host}) */
    public MonitorPinger(MonitorProperties properties, MeterRegistry meters, String host) {
        this.properties = properties;
        this.meters = meters;
        this.client = HttpClient.newBuilder().connectTimeout(properties.getPingTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        for (PingProtocol protocol : PingProtocol.values()) {
            formats.put(protocol, protocol.format(properties, host));
        }
    }

    /** Queues a ping after the monitor's earlier ones; returns at once. */
    public void ping(MonitorDefinition monitor, MonitorPing ping) {
        PingTarget target = monitor.ping();
        if (target == null) {
            return;
        }
        MonitorPing.Event event = ping.event();
        AtomicInteger waiting = pending.computeIfAbsent(monitor.id(), id -> new AtomicInteger());
        if (waiting.incrementAndGet() > properties.getMaxPendingPings()) {
            waiting.decrementAndGet();
            count(monitor, "dropped");
            LOG.warn("Monitor {}: {} ping dropped, {} pings still waiting for its ping URL", monitor.id(), event,
                    properties.getMaxPendingPings());
            return;
        }
        HttpRequest request;
        try {
            request = formats.get(target.protocol()).request(target.url(), ping)
                    .timeout(properties.getPingTimeout()).build();
        } catch (URISyntaxException | IllegalArgumentException e) {
            waiting.decrementAndGet();
            count(monitor, "failed");
            LOG.warn("Monitor {}: its ping URL is not valid; no pings sent", monitor.id());
            return;
        }
        tails.compute(monitor.id(), (id, tail) -> (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail)
                .thenCompose(x -> send(monitor, event, request, 1))
                .exceptionally(e -> null)
                .whenComplete((x, e) -> waiting.decrementAndGet()));
    }

    private CompletableFuture<Void> send(MonitorDefinition monitor, MonitorPing.Event event, HttpRequest request, int attempt) {
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
                                monitor.id(), event, attempt, problem);
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    long delay = properties.getPingRetryDelay().toMillis() << (attempt - 1);
                    return CompletableFuture.supplyAsync(() -> null,
                            CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS))
                            .thenCompose(x -> send(monitor, event, request, attempt + 1));
                })
                .thenCompose(next -> next);
    }

    private void count(MonitorDefinition monitor, String outcome) {
        meters.counter("inventory.monitor.pings", "monitor", monitor.id(), "outcome", outcome).increment();
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
