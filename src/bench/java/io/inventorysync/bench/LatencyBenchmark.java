package io.inventorysync.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.inventorysync.connectors.shopify.sandbox.SandboxSettings;
import io.inventorysync.connectors.shopify.sandbox.SandboxStats;
import io.inventorysync.connectors.shopify.sandbox.ShopifySandbox;
import io.inventorysync.embedded.EmbeddedKafkaBroker;
import io.inventorysync.ingest.WebhookHeaders;
import io.inventorysync.ingest.WebhookSigner;
import io.inventorysync.support.TestConnectors;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Benchmark 2: end-to-end latency at a steady offered load, from the webhook's 202 for an event to the Shopify
 * sandbox applying the {@code inventorySetQuantities} call that carries it; beside it, in the same run, the
 * broker hop alone (durable produce to consume) at the same load, and a bare POST round trip to the sandbox.
 * <p>
 * Everything runs in this JVM (one clock): an in-process KRaft broker, the Shopify sandbox, the real application
 * (routes, ledger on PostgreSQL 127.0.0.1:5432 in a fresh schema, dispatcher). Every event is a receiving of +1
 * for one of {@code bench.skus} SKUs picked uniformly, so each carries a visible change (see {@link ShopArrivals}).
 * A warm-up pushes every SKU once first (the first push of a listing reads it before setting it).
 * <p>
 * Settings: {@code bench.loads} (events/s, "1000,5000"), {@code bench.seconds} per load (30),
 * {@code bench.warmupSeconds} (45, at the first load, not measured: on 2 cores the JIT compiler still takes a quarter of
 * the CPU after 10 s), {@code bench.skus} (1000),
 * {@code bench.eventsPerRequest} (1), {@code bench.maxInFlight} (512 requests), {@code bench.shopifyRestoreRate} (1000 points/s, Shopify Plus's current
 * figure) and {@code bench.shopifyBucket} (2000 points), {@code bench.app.*} any application property (e.g.
 * {@code -Dbench.app.inventory-sync.ledger.max-poll-records=100}).
 */
public final class LatencyBenchmark {

    private static final String CHANNEL_LOCATION = "WH-1";

    private LatencyBenchmark() {
    }

    public static void main(String[] args) {
        BenchApp.exit(LatencyBenchmark::run);
    }

    private static void run() throws Exception {
        double[] loads = Arrays.stream(System.getProperty("bench.loads", "1000,5000").split(","))
                .mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
        double seconds = Double.parseDouble(System.getProperty("bench.seconds", "30"));
        double warmup = Double.parseDouble(System.getProperty("bench.warmupSeconds", "45"));
        int skuCount = Integer.getInteger("bench.skus", 1000);
        int perRequest = Integer.getInteger("bench.eventsPerRequest", 1);
        double restore = Double.parseDouble(System.getProperty("bench.shopifyRestoreRate", "1000"));
        long bucket = Long.getLong("bench.shopifyBucket", 2000);
        String runId = UUID.randomUUID().toString().substring(0, 8);
        String schema = BenchApp.freshSchema(runId);

        MachineInfo.print();
        System.out.printf("settings: loads %s events/s, %.0f s each (+%.0f s warm-up), %,d SKUs, %d event(s) per POST,"
                + " Shopify bucket %,d points restoring %.0f/s (a mutation costs 10)%n",
                Arrays.toString(loads), seconds, warmup, skuCount, perRequest, bucket, restore);

        List<String> skus = new ArrayList<>();
        Map<String, String> itemBySku = new LinkedHashMap<>();
        for (int i = 1; i <= skuCount; i++) {
            String sku = "LAT-%05d".formatted(i);
            skus.add(sku);
            itemBySku.put(sku, TestConnectors.itemGid(sku));
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("bench.app."))
                .forEach(k -> overrides.put(k.substring("bench.app.".length()), System.getProperty(k)));

        List<String> report = new ArrayList<>();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(Files.createTempDirectory("bench-latency-kafka"), 0);
                ShopifySandbox shop = ShopifySandbox.start(SandboxSettings.defaults().withBucket(bucket, restore), 0)) {
            broker.createTopic("bench-" + runId + ".hop", 6);
            Map<Double, Percentiles> hop = new LinkedHashMap<>();
            for (double load : loads) {
                hop.put(load, KafkaHopBaseline.run(broker.bootstrapServers(), "bench-" + runId + ".hop", load,
                        Math.min(seconds, 15)));
                System.out.printf("baseline kafka hop at %,.0f/s: %s%n", load, hop.get(load).row());
            }
            Percentiles roundTrip = SandboxRoundTripBaseline.run(100, 1000);
            System.out.printf("baseline sandbox POST round trip at 100/s: %s%n", roundTrip.row());

            TestConnectors connectors = TestConnectors.create(shop.baseUrl(), shop.accessToken(), "0", skus);
            int maxEvents = (int) (Arrays.stream(loads).map(l -> l * seconds).sum() + loads[0] * warmup) + skuCount + 16;
            ShopArrivals arrivals = new ShopArrivals(skus, itemBySku, maxEvents);
            shop.addApplyListener(arrivals);
            try (BenchApp app = new BenchApp(broker.bootstrapServers(), schema, runId, connectors.dir(), overrides)) {
                Sender sender = new Sender(app.port(), skus, arrivals, maxEvents);
                // warm-up: every SKU once (first pushes read before they set), then steady load unmeasured
                for (int i = 0; i < skuCount; i++) {
                    sender.sendOne(new int[] {i});
                }
                sender.awaitArrivals(120);
                System.out.printf("warm-up: %,d SKUs on the shop%n", skuCount);
                sender.run(loads[0], warmup, perRequest);
                sender.awaitArrivals(120);
                MeterRegistry meters = app.bean(MeterRegistry.class);
                for (double load : loads) {
                    SandboxStats before = shop.stats();
                    Snapshot timers = Snapshot.of(meters);
                    long cpuBefore = processCpuNanos();
                    Sender.Result result = sender.run(load, seconds, perRequest);
                    boolean all = sender.awaitArrivals(120);
                    SandboxStats after = shop.stats();
                    Sender.Latencies latencies = sender.latencies(result, arrivals);
                    Percentiles latency = latencies.from202();
                    String line = "%,6.0f/s  offered %,.0f/s accepted %,.0f/s (non-202: %d)  pipeline %s | kafka hop %s"
                            .formatted(load, result.offeredPerSecond(), result.acceptedPerSecond(), result.failed(),
                                    latency.row(), hop.get(load).row());
                    report.add(line);
                    report.add("          from the send (upper bound) %s | intake send->202 %s"
                            .formatted(latencies.fromSend().row(), latencies.intake().row()));
                    report.add(("          p99 pipeline / p99 kafka hop = %.1f (from the send: %.1f) ;"
                            + " p99 pipeline / p99 sandbox POST = %.1f ;").formatted(latency.p99() / hop.get(load).p99(),
                                    latencies.fromSend().p99() / hop.get(load).p99(), latency.p99() / roundTrip.p99())
                            + " mutations %,d, throttled %d, all arrived: %s".formatted(
                                    after.mutationsApplied() - before.mutationsApplied(), after.throttled() - before.throttled(), all));
                    // everything in this JVM (client, broker, sandbox, application); PostgreSQL's processes are apart
                    report.add("          " + Snapshot.of(meters).since(timers) + " JVM CPU per event %.0f us;".formatted(
                            (processCpuNanos() - cpuBefore) / 1e3 / Math.max(1, result.last() - result.first())));
                    System.out.println(line);
                }
            }
        } finally {
            BenchApp.dropSchema(schema);
        }
        System.out.println();
        System.out.println("=== latency: webhook 202 -> shop applies the call carrying the event (ms) ===");
        System.out.println("   load    p50/p95/p99/max pipeline | p50/p95/p99/max kafka produce->consume (same load)");
        report.forEach(System.out::println);
        System.out.println("target: p99 <= 50 ms at 1,000 events/s");
        System.out.println(MachineInfo.loadAverage());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Means of the application's own timers over one load step: where the time goes. */
    record Snapshot(double[] count, double[] totalMs) {
        static final String[][] TIMERS = {
                {"http.server.requests", null, "webhook request (server side)"},
                {"inventory.ledger.batch.duration", null, "ledger batch"},
                {"inventory.sync.latency", "channel", "ledger commit->pushed"}};

        static Snapshot of(MeterRegistry meters) {
            double[] count = new double[TIMERS.length];
            double[] total = new double[TIMERS.length];
            for (int i = 0; i < TIMERS.length; i++) {
                for (Timer t : meters.find(TIMERS[i][0]).timers()) {
                    count[i] += t.count();
                    total[i] += t.totalTime(TimeUnit.MILLISECONDS);
                }
            }
            return new Snapshot(count, total);
        }

        String since(Snapshot before) {
            StringBuilder s = new StringBuilder("app timers (mean over the step):");
            for (int i = 0; i < TIMERS.length; i++) {
                double n = count[i] - before.count[i];
                if (n > 0) {
                    s.append(" %s %.1f ms x %,.0f;".formatted(TIMERS[i][2], (totalMs[i] - before.totalMs[i]) / n, n));
                }
            }
            return s.toString();
        }
    }

    /** Posts signed receivings at a steady rate, open loop, and remembers when each got its 202. */
    static final class Sender {
        /**
         * Requests in flight at most: the JDK client opens one HTTP/1.1 connection per request in flight, so an open
         * loop the server cannot keep up with would run the process out of file descriptors. When the limit is
         * reached the sender waits, and the offered rate it reports drops below the target.
         */
        static final int MAX_IN_FLIGHT = Integer.getInteger("bench.maxInFlight", 512);
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(java.util.concurrent.Executors.newFixedThreadPool(4)).build();
        private final java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(MAX_IN_FLIGHT);
        private final URI uri;
        private final WebhookSigner signer = new WebhookSigner(TestConnectors.SECRET);
        private final List<String> skus;
        private final ShopArrivals arrivals;
        private final long[] acceptedAt;
        private final long[] sentAt;
        private final SplittableRandom random = new SplittableRandom(7);
        private final AtomicInteger failed = new AtomicInteger();
        private int next;

        Sender(int port, List<String> skus, ShopArrivals arrivals, int maxEvents) {
            this.uri = URI.create("http://127.0.0.1:" + port + "/api/v1/events");
            this.skus = skus;
            this.arrivals = arrivals;
            this.acceptedAt = new long[maxEvents];
            this.sentAt = new long[maxEvents];
        }

        void sendOne(int[] skuIndexes) throws Exception {
            send(skuIndexes).get(30, TimeUnit.SECONDS);
        }

        Result run(double eventsPerSecond, double seconds, int perRequest) throws Exception {
            int first = next;
            failed.set(0);
            long requests = Math.round(eventsPerSecond * seconds / perRequest);
            Pacer pacer = new Pacer(eventsPerSecond / perRequest);
            List<CompletableFuture<?>> inFlight = new ArrayList<>();
            long started = System.nanoTime();
            for (long r = 0; r < requests; r++) {
                pacer.await(r);
                int[] pick = new int[perRequest];
                for (int i = 0; i < perRequest; i++) {
                    pick[i] = random.nextInt(skus.size());
                }
                inFlight.add(send(pick));
            }
            double sendSeconds = (System.nanoTime() - started) / 1e9;
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            double allSeconds = (System.nanoTime() - started) / 1e9;
            int last = next;
            return new Result(first, last, (last - first) / sendSeconds, (last - first - failed.get()) / allSeconds,
                    failed.get());
        }

        private CompletableFuture<?> send(int[] skuIndexes) {
            StringBuilder body = new StringBuilder(skuIndexes.length > 1 ? "[" : "");
            int[] indexes = new int[skuIndexes.length];
            String now = Instant.now().toString();
            for (int i = 0; i < skuIndexes.length; i++) {
                int index = next++;
                indexes[i] = index;
                arrivals.expect(skuIndexes[i], index);
                if (i > 0) {
                    body.append(',');
                }
                body.append("{\"event_id\":\"lat-").append(index).append("\",\"event_type\":\"inventory.receiving\",\"sku\":\"")
                        .append(skus.get(skuIndexes[i])).append("\",\"location_id\":\"").append(CHANNEL_LOCATION)
                        .append("\",\"quantity_change\":1,\"timestamp\":\"").append(now).append("\",\"source\":\"")
                        .append(TestConnectors.SOURCE).append("\"}");
            }
            if (skuIndexes.length > 1) {
                body.append(']');
            }
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .header(WebhookHeaders.SOURCE, TestConnectors.SOURCE)
                    .header(WebhookHeaders.SIGNATURE, signer.signatureHeader(bytes))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
            inFlight.acquireUninterruptibly();
            long sent = System.nanoTime();
            for (int index : indexes) {
                sentAt[index] = sent;
            }
            return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
                inFlight.release();
                long now2 = System.nanoTime();
                for (int index : indexes) {
                    acceptedAt[index] = error == null && response.statusCode() == 202 ? now2 : -1;
                }
                if (error != null || response.statusCode() != 202) {
                    failed.addAndGet(indexes.length);
                }
                return null;
            });
        }

        boolean awaitArrivals(int maxSeconds) throws InterruptedException {
            long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
            while (!arrivals.allArrived()) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(20);
            }
            return true;
        }

        record Result(int first, int last, double offeredPerSecond, double acceptedPerSecond, int failed) {
        }

        /**
         * The webhook accepts an event between the request leaving the sender and its 202 coming back, so the
         * figure is bracketed: from the 202 (a lower bound; 0 when the shop had the call before the sender read its
         * answer) and from the send (an upper bound, which includes the webhook's own time).
         */
        Latencies latencies(Result result, ShopArrivals arrivals) {
            int size = result.last() - result.first();
            long[] from202 = new long[size];
            long[] fromSend = new long[size];
            long[] intake = new long[size];
            int n = 0;
            for (int i = result.first(); i < result.last(); i++) {
                long arrived = arrivals.arrivedAt(i);
                if (acceptedAt[i] > 0 && arrived > 0) {
                    from202[n] = Math.max(0, arrived - acceptedAt[i]);
                    fromSend[n] = arrived - sentAt[i];
                    intake[n] = acceptedAt[i] - sentAt[i];
                    n++;
                }
            }
            return new Latencies(Percentiles.ofNanos(from202, n), Percentiles.ofNanos(fromSend, n),
                    Percentiles.ofNanos(intake, n));
        }

        record Latencies(Percentiles from202, Percentiles fromSend, Percentiles intake) {
        }
    }
}
