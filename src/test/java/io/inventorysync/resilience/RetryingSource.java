package io.inventorysync.resilience;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import io.inventorysync.ingest.WebhookHeaders;
import io.inventorysync.ingest.WebhookSigner;
import io.inventorysync.support.TestConnectors;

/**
 * Posts batches to the pack's webhook the way a dependable source does: a batch counts as delivered only on 202;
 * 503 (with its Retry-After, capped) and a refused or cut connection mean "send the same batch again", to
 * whichever instance is up. Re-sent batches carry the same event ids, so they are redeliveries the ledger must
 * recognise.
 */
final class RetryingSource {

    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(5);
    private static final Duration CONNECTION_RETRY = Duration.ofMillis(250);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final WebhookSigner signer = new WebhookSigner(TestConnectors.SECRET);
    private final AtomicReference<List<Integer>> ports = new AtomicReference<>(List.of());
    private final AtomicLong turn = new AtomicLong();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicInteger connectionFailures = new AtomicInteger();
    private final AtomicInteger resentBatches = new AtomicInteger();

    /** The instances to post to, in turn; an empty list while none is up. */
    void target(List<Integer> livePorts) {
        ports.set(List.copyOf(livePorts));
    }

    /** Sends one batch until an instance answers 202. */
    void deliver(List<StockEvent> batch) throws InterruptedException {
        byte[] body = batch.stream().map(StockEvent::json).collect(Collectors.joining(",", "[", "]"))
                .getBytes(StandardCharsets.UTF_8);
        String signature = signer.signatureHeader(body);
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        for (int attempt = 1; ; attempt++) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("batch not accepted within 5 minutes: " + batch.get(0).id());
            }
            List<Integer> live = ports.get();
            if (live.isEmpty()) {
                Thread.sleep(CONNECTION_RETRY.toMillis());
                continue;
            }
            if (attempt > 1) {
                resentBatches.incrementAndGet();
            }
            int port = live.get((int) (turn.getAndIncrement() % live.size()));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events"))
                    .timeout(Duration.ofSeconds(90))
                    .header("Content-Type", "application/json")
                    .header(WebhookHeaders.SOURCE, TestConnectors.SOURCE)
                    .header(WebhookHeaders.SIGNATURE, signature)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                connectionFailures.incrementAndGet(); // the instance died under us or is not up yet
                Thread.sleep(CONNECTION_RETRY.toMillis());
                continue;
            }
            if (response.statusCode() == 202) {
                accepted.incrementAndGet();
                return;
            }
            if (response.statusCode() == 503) {
                unavailable.incrementAndGet();
                long retryAfter = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
                Thread.sleep(Math.min(Duration.ofSeconds(retryAfter).toMillis(), MAX_RETRY_AFTER.toMillis()));
                continue;
            }
            throw new AssertionError("webhook refused a valid batch: HTTP " + response.statusCode() + " " + response.body());
        }
    }

    int accepted() {
        return accepted.get();
    }

    int unavailable() {
        return unavailable.get();
    }

    int connectionFailures() {
        return connectionFailures.get();
    }

    /** Posts that repeated a batch already posted (after a 503 or a cut or refused connection). */
    int resentBatches() {
        return resentBatches.get();
    }
}
