package io.inventorysync.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.inventorysync.connectors.amazon.sandbox.AmazonSandbox;
import io.inventorysync.connectors.amazon.sandbox.AmazonSandboxSettings;
import io.inventorysync.connectors.shopify.sandbox.SandboxSettings;
import io.inventorysync.connectors.shopify.sandbox.ShopifySandbox;
import io.inventorysync.embedded.EmbeddedKafkaBroker;
import io.inventorysync.ingest.WebhookHeaders;
import io.inventorysync.ingest.WebhookSigner;
import io.inventorysync.oversell.Order;
import io.inventorysync.oversell.SpikeTraceGenerator;
import io.inventorysync.support.AmazonChannelFile;
import io.inventorysync.support.TestConnectors;

/**
 * Benchmark 3: channel API efficiency under a viral spike. The oversell audit's spike trace (5,000 orders in 90
 * minutes on 20 SKUs, 85 % on three) is replayed {@code bench.compression} times faster as signed sale events
 * through the webhook into the real pipeline, which pushes to a Shopify sandbox (real rate limit: a 1,000-point
 * bucket restoring {@code bench.shopifyRestoreRate}, 100/s on the Standard plan today — so the spike is that many
 * times denser for Shopify than in life) and an Amazon sandbox whose limits and our Amazon rate limiting run
 * {@code bench.compression} times faster (so Amazon sees the spike at its real pace relative to its limits).
 * <p>
 * Reports, per channel: calls made against the floor (one call per ceil(changed listings / batch cap) per flush,
 * plus for Amazon the fixed calls of a feed), calls the sandboxes counted as throttled or over a usage plan (ours
 * to avoid: target 0), and staleness — webhook 202 of a sale to the channel showing a quantity that includes it,
 * read from the sandboxes every 5 ms — against the floor the channel's rate limit allows.
 */
public final class SpikeBenchmark {

    private static final String LOCATION = "WH-1";

    private SpikeBenchmark() {
    }

    public static void main(String[] args) {
        BenchApp.exit(SpikeBenchmark::run);
    }

    private static void run() throws Exception {
        int orders = Integer.getInteger("bench.orders", 5000);
        int minutes = Integer.getInteger("bench.minutes", 90);
        double compression = Double.parseDouble(System.getProperty("bench.compression", "60"));
        double restore = Double.parseDouble(System.getProperty("bench.shopifyRestoreRate", "100"));
        long bucket = Long.getLong("bench.shopifyBucket", 1000);
        String runId = UUID.randomUUID().toString().substring(0, 8);
        String schema = BenchApp.freshSchema(runId);
        MachineInfo.print();
        Instant t0 = Instant.parse("2026-11-27T18:00:00Z");
        SpikeTraceGenerator.Trace trace = SpikeTraceGenerator.generate(orders, Duration.ofMinutes(minutes), t0,
                Map.of("shop", 1.0), 42L);
        List<String> skus = new ArrayList<>(trace.stock().keySet());
        System.out.printf("settings: %,d orders over %d min replayed %.0fx faster (%.0f s), %d SKUs; Shopify bucket %,d"
                + " restoring %.0f/s; Amazon limits x%.0f%n", orders, minutes, compression, minutes * 60 / compression,
                skus.size(), bucket, restore, compression);

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(Files.createTempDirectory("bench-spike-kafka"), 0);
                ShopifySandbox shop = ShopifySandbox.start(SandboxSettings.defaults().withBucket(bucket, restore), 0);
                AmazonSandbox amazon = AmazonSandbox.start(AmazonSandboxSettings.defaults().withTimeScale(compression), 0)) {
            TestConnectors connectors = TestConnectors.create(shop.baseUrl(), shop.accessToken(), "0", skus);
            writeAmazonChannel(connectors.dir(), amazon, compression, skus);
            Watcher watcher = new Watcher(shop, amazon, skus, trace.stock());
            try (BenchApp app = new BenchApp(broker.bootstrapServers(), schema, runId, connectors.dir(), Map.of())) {
                Poster poster = new Poster(app.port());
                // starting stock: one absolute count per SKU, then wait until both channels show it
                for (String sku : skus) {
                    poster.post(("{\"event_id\":\"stock-%s\",\"event_type\":\"inventory.adjustment\",\"sku\":\"%s\","
                            + "\"location_id\":\"%s\",\"new_available\":%d,\"timestamp\":\"%s\",\"source\":\"%s\"}")
                            .formatted(sku, sku, LOCATION, trace.stock().get(sku), Instant.now().minusSeconds(5),
                                    TestConnectors.SOURCE), null).get(30, TimeUnit.SECONDS);
                }
                watcher.awaitStartingStock(180);
                var shopBefore = shop.stats();
                var amazonBefore = amazon.stats();
                watcher.start();
                long replayStart = System.nanoTime();
                List<CompletableFuture<?>> inFlight = new ArrayList<>();
                int n = 0;
                for (Order o : trace.orders()) {
                    long due = replayStart + (long) (Duration.between(t0, o.at()).toNanos() / compression);
                    long now;
                    while ((now = System.nanoTime()) < due) {
                        java.util.concurrent.locks.LockSupport.parkNanos(due - now);
                    }
                    int index = n++;
                    watcher.expect(o.sku(), o.quantity(), index);
                    inFlight.add(poster.post(("{\"event_id\":\"spike-%d\",\"event_type\":\"inventory.sale\",\"sku\":\"%s\","
                            + "\"location_id\":\"%s\",\"quantity_change\":%d,\"order_id\":\"ORD-%d\",\"timestamp\":\"%s\","
                            + "\"source\":\"%s\"}").formatted(index, o.sku(), LOCATION, -o.quantity(), index, Instant.now(),
                            TestConnectors.SOURCE), watcher.accepted(index)));
                }
                CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
                double replaySeconds = (System.nanoTime() - replayStart) / 1e9;
                boolean all = watcher.awaitAll(300);
                watcher.stop();
                double drainSeconds = (System.nanoTime() - replayStart) / 1e9;
                var shopAfter = shop.stats();
                var amazonAfter = amazon.stats();

                System.out.println();
                System.out.printf("=== spike: %,d sales posted in %.1f s (non-202: %d), every change on both channels: %s"
                        + " after %.1f s ===%n", n, replaySeconds, poster.failed.get(), all, drainSeconds);
                long mutations = shopAfter.mutationsApplied() - shopBefore.mutationsApplied();
                long shopCalls = shopAfter.requests() - shopBefore.requests();
                long cas = shopAfter.mutationsWithUserErrors() - shopBefore.mutationsWithUserErrors();
                System.out.printf("Shopify: %,d calls (%,d set-mutations applied, %,d refused with userErrors, %,d reads/other)"
                        + " for %,d sales; largest mutation %d quantities%n", shopCalls, mutations, cas,
                        shopCalls - mutations - cas, n, shopAfter.maxQuantitiesInOneMutation());
                System.out.printf("  floor: one call per flush (every flush carried <= %d changed listings, cap 250) = %,d;"
                        + " calls / floor = %.2f; calls per sale = %.3f%n", skus.size(), mutations,
                        (double) shopCalls / Math.max(1, mutations), (double) shopCalls / n);
                System.out.printf("  throttled answers (ours): %d%n", shopAfter.throttled() - shopBefore.throttled());
                long feeds = amazonAfter.feedsSubmitted() - amazonBefore.feedsSubmitted();
                long amazonCalls = amazonAfter.requests() - amazonBefore.requests();
                long getFeed = amazonAfter.calls("getFeed") - amazonBefore.calls("getFeed");
                System.out.printf("Amazon: %,d SP-API calls for %,d feeds (%,d messages, largest feed %d); getFeed polls %,d%n",
                        amazonCalls, feeds, amazonAfter.messagesProcessed() - amazonBefore.messagesProcessed(),
                        amazonAfter.maxMessagesInOneFeed(), getFeed);
                System.out.printf("  floor: 4 calls per feed (createFeedDocument, createFeed, getFeed, getFeedDocument) = %,d;"
                        + " calls / floor = %.2f%n", 4 * feeds, (double) amazonCalls / Math.max(1, 4 * feeds));
                System.out.printf("  calls over a usage plan (ours): %d%n", amazonAfter.totalViolations() - amazonBefore.totalViolations());
                double shopFloorMs = 10_000.0 / restore;
                double amazonInterval = 60_000.0 / compression;
                double amazonFloorMs = amazonInterval + amazon.queueDelay().toMillis() + amazon.processingDelay().toMillis();
                System.out.println("staleness, webhook 202 -> channel shows it (ms):   p50      p95      p99      max");
                System.out.printf("  Shopify %s%n", watcher.staleness(0).row());
                System.out.printf("    floor at the rate limit: one mutation per %.0f ms once the bucket is empty -> p99 >= ~%.0f ms"
                        + " (p99 / floor = %.1f)%n", shopFloorMs, shopFloorMs, watcher.staleness(0).p99() / shopFloorMs);
                System.out.printf("  Amazon  %s%n", watcher.staleness(1).row());
                System.out.printf("    floor: one feed per %.0f ms (5 per 5 min, x%.0f) + the sandbox's %d ms queue + %d ms processing"
                        + " = %.0f ms (p99 / floor = %.1f)%n", amazonInterval, compression, amazon.queueDelay().toMillis(),
                        amazon.processingDelay().toMillis(), amazonFloorMs, watcher.staleness(1).p99() / amazonFloorMs);
            }
        } finally {
            BenchApp.dropSchema(schema);
        }
        System.out.println(MachineInfo.loadAverage());
    }

    private static void writeAmazonChannel(Path dir, AmazonSandbox amazon, double scale, List<String> skus) throws Exception {
        Files.writeString(dir.resolve("amazon.yaml"), AmazonChannelFile.yaml("amazon-bench", "WH-1", "mappings/amazon.csv",
                amazon, Map.of("rateLimitScale", scale,
                // the connector's default (30 s) on the benchmark's clock, like every other Amazon figure here
                "feedPollInterval", Math.max(1, Math.round(30_000 / scale)), "pollInterval", "200ms")));
        StringBuilder csv = new StringBuilder("sku,sellerSku\n");
        skus.forEach(sku -> csv.append(sku).append(",AZ-").append(sku).append('\n'));
        Files.writeString(dir.resolve("mappings/amazon.csv"), csv.toString());
    }

    /** Posts signed events asynchronously. */
    private static final class Poster {
        private final HttpClient http = HttpClient.newBuilder().executor(java.util.concurrent.Executors.newFixedThreadPool(4)).build();
        private final URI uri;
        private final WebhookSigner signer = new WebhookSigner(TestConnectors.SECRET);
        final AtomicInteger failed = new AtomicInteger();

        Poster(int port) {
            this.uri = URI.create("http://127.0.0.1:" + port + "/api/v1/events");
        }

        CompletableFuture<?> post(String json, Runnable onAccepted) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .header(WebhookHeaders.SOURCE, TestConnectors.SOURCE)
                    .header(WebhookHeaders.SIGNATURE, signer.signatureHeader(body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((r, e) -> {
                if (e == null && r.statusCode() == 202) {
                    if (onAccepted != null) {
                        onAccepted.run();
                    }
                } else {
                    failed.incrementAndGet();
                }
                return null;
            });
        }
    }

    /**
     * Reads what both sandboxes show every 5 ms. Sales only lower a SKU's quantity (never below 0, the allocation's
     * floor), so a sale is shown once the channel shows at most the stock left after it.
     */
    private static final class Watcher {
        private final ShopifySandbox shop;
        private final AmazonSandbox amazon;
        private final List<String> skus;
        private final Map<String, Integer> stock = new LinkedHashMap<>();
        private final Map<String, List<ArrayDeque<long[]>>> pending = new LinkedHashMap<>();
        private final long[][] shownAt = new long[2][200_000];
        private final long[] acceptedAt = new long[200_000];
        private final AtomicBoolean running = new AtomicBoolean();
        private Thread thread;
        private int count;

        Watcher(ShopifySandbox shop, AmazonSandbox amazon, List<String> skus, Map<String, Integer> startingStock) {
            this.shop = shop;
            this.amazon = amazon;
            this.skus = skus;
            stock.putAll(startingStock);
            skus.forEach(sku -> pending.put(sku, List.of(new ArrayDeque<>(), new ArrayDeque<>())));
        }

        int shown(int channel, String sku) {
            return (channel == 0 ? shop.available(TestConnectors.itemGid(sku), TestConnectors.LOCATION_GID)
                    : amazon.quantity("AZ-" + sku)).orElse(Integer.MAX_VALUE);
        }

        void awaitStartingStock(int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            for (String sku : skus) {
                for (int c = 0; c < 2; c++) {
                    while (shown(c, sku) != stock.get(sku)) {
                        if (System.nanoTime() > deadline) {
                            throw new IllegalStateException("channel " + c + " does not show the starting stock of " + sku);
                        }
                        Thread.sleep(50);
                    }
                }
            }
        }

        synchronized void expect(String sku, int quantity, int index) {
            int left = stock.merge(sku, -quantity, Integer::sum);
            for (ArrayDeque<long[]> q : pending.get(sku)) {
                q.addLast(new long[] {Math.max(0, left), index});
            }
            count = index + 1;
        }

        Runnable accepted(int index) {
            return () -> acceptedAt[index] = System.nanoTime();
        }

        void start() {
            running.set(true);
            thread = new Thread(() -> {
                while (running.get()) {
                    poll();
                    java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
                }
            }, "bench-spike-watcher");
            thread.setDaemon(true);
            thread.start();
        }

        private synchronized void poll() {
            long now = System.nanoTime();
            for (String sku : skus) {
                for (int c = 0; c < 2; c++) {
                    ArrayDeque<long[]> q = pending.get(sku).get(c);
                    if (q.isEmpty()) {
                        continue;
                    }
                    int shown = shown(c, sku);
                    while (!q.isEmpty() && shown <= q.peekFirst()[0]) {
                        shownAt[c][(int) q.pollFirst()[1]] = now;
                    }
                }
            }
        }

        synchronized boolean drained() {
            return pending.values().stream().allMatch(l -> l.get(0).isEmpty() && l.get(1).isEmpty());
        }

        boolean awaitAll(int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            while (!drained()) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(50);
            }
            return true;
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(1000);
        }

        Percentiles staleness(int channel) {
            long[] nanos = new long[count];
            int n = 0;
            for (int i = 0; i < count; i++) {
                if (acceptedAt[i] > 0 && shownAt[channel][i] > 0) {
                    nanos[n++] = Math.max(0, shownAt[channel][i] - acceptedAt[i]);
                }
            }
            return Percentiles.ofNanos(nanos, n);
        }
    }
}
