package io.inventorysync.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;

import io.inventorysync.connectors.shopify.sandbox.SandboxSettings;
import io.inventorysync.connectors.shopify.sandbox.ShopifySandbox;
import io.inventorysync.embedded.EmbeddedKafkaBroker;
import io.inventorysync.reconciliation.Reconciliations;

/**
 * The reconciliation's scale claim: it streams, so the memory a run holds does not grow with the catalog, and its
 * duration is bounded by the channel's read budget, not by us. Reconciles a small catalog (the baseline) and a
 * large one (default 10,000 and 100,000 SKUs) of one Shopify sandbox through the real application, with 0.5 % of the
 * levels drifted, and prints for each: duration against the floor the cost bucket allows, listings per second,
 * differences found, and the live heap the run added (sampled after forced collections), with the large / small
 * ratios. Linear time and a flat heap are the expected shape.
 * <p>
 * Settings: {@code bench.small} (10,000), {@code bench.large} (100,000), {@code bench.restoreRate} (1,000 points/s,
 * Shopify Plus), {@code bench.bucket} (10,000 points), {@code bench.chunk} (reconciliation chunk, 200),
 * {@code bench.keepSchema} (false).
 */
public final class ReconciliationScaleBenchmark {

    private static final String LOCATION = "gid://shopify/Location/77";
    private static final double DRIFT_SHARE = 0.005;
    private static final int READ_COST_PER_ITEM = 2;

    private ReconciliationScaleBenchmark() {
    }

    public static void main(String[] args) {
        int status = 1;
        try {
            run();
            status = 0;
        } catch (Exception e) {
            e.printStackTrace();
        }
        System.exit(status);
    }

    record Catalog(String channel, int size) {
        String sku(int i) {
            return "%s-%06d".formatted(channel.toUpperCase(), i);
        }

        String item(int i) {
            return "gid://shopify/InventoryItem/" + (size * 10L + i);
        }
    }

    record Result(Catalog catalog, double seconds, long compared, long differences, long heapAddedBytes, double floorSeconds) {
    }

    private static void run() throws Exception {
        int small = Integer.getInteger("bench.small", 10_000);
        int large = Integer.getInteger("bench.large", 100_000);
        double restoreRate = Double.parseDouble(System.getProperty("bench.restoreRate", "1000"));
        long bucket = Long.getLong("bench.bucket", 10_000L);
        int chunk = Integer.getInteger("bench.chunk", 200);
        String runId = UUID.randomUUID().toString().substring(0, 8);
        String schema = "bench_rec_" + System.currentTimeMillis() / 1000 + "_" + runId;
        List<Catalog> catalogs = List.of(new Catalog("shop-small", small), new Catalog("shop-large", large));

        System.out.printf("machine: %d cpus, %,d MB max heap, Java %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1 << 20), System.getProperty("java.version"));
        System.out.printf("settings: catalogs %,d and %,d SKUs, %.1f %% drifted, sandbox bucket %,d points restoring %,.0f/s,"
                + " chunk %d%n", small, large, DRIFT_SHARE * 100, bucket, restoreRate, chunk);

        Path kafkaDir = Files.createTempDirectory("inventory-sync-bench-kafka");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(kafkaDir, 0);
                ShopifySandbox sandbox = ShopifySandbox.start(SandboxSettings.defaults().withBucket(bucket, restoreRate), 0)) {
            Path connectors = connectors(catalogs, sandbox.baseUrl(), sandbox.accessToken());
            try (BenchApp app = start(broker.bootstrapServers(), schema, runId, connectors, chunk)) {
                JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
                Reconciliations reconciliations = app.bean(Reconciliations.class);
                List<Result> results = new ArrayList<>();
                for (Catalog catalog : catalogs) {
                    seed(catalog, jdbc, sandbox);
                    results.add(reconcile(catalog, reconciliations, jdbc, restoreRate));
                }
                print(results);
            }
        } finally {
            if (!Boolean.getBoolean("bench.keepSchema")) {
                BenchApp.dropSchema(schema);
            }
        }
    }

    /** Both channels share one sandbox (one shop), each with its own SKUs and items. */
    private static Path connectors(List<Catalog> catalogs, String shopUrl, String token) throws IOException {
        Path dir = Files.createTempDirectory("inventory-sync-bench-reconciliation");
        Files.createDirectories(dir.resolve("mappings"));
        for (Catalog catalog : catalogs) {
            Files.writeString(dir.resolve(catalog.channel() + ".yaml"), """
                    kind: channel
                    name: %s
                    type: shopify
                    locations: [WH-1]
                    mapping: mappings/%s.csv
                    settings:
                      shopUrl: %s
                      accessToken: %s
                      apiVersion: 2026-10
                      reconcileMaxDifferenceShare: 0.5
                    """.formatted(catalog.channel(), catalog.channel(), shopUrl, token));
            StringBuilder csv = new StringBuilder("sku,inventoryItemId,locationId\n");
            for (int i = 0; i < catalog.size(); i++) {
                csv.append(catalog.sku(i)).append(',').append(catalog.item(i)).append(',').append(LOCATION).append('\n');
            }
            Files.writeString(dir.resolve("mappings/" + catalog.channel() + ".csv"), csv);
        }
        return dir;
    }

    private static BenchApp start(String bootstrap, String schema, String runId, Path connectors, int chunk) {
        return new BenchApp(bootstrap, schema, runId, connectors, Map.of(
                "inventory-sync.dispatch.enabled", "false",
                "camel.main.auto-startup", "false",
                "inventory-sync.reconciliation.chunk-size", String.valueOf(chunk),
                "inventory-sync.reconciliation.settle", "0s"));
    }

    /** What we last pushed (channel_listing) and what the shop shows: equal but for every 200th level. */
    private static void seed(Catalog catalog, JdbcTemplate jdbc, ShopifySandbox sandbox) {
        jdbc.update("""
                INSERT INTO channel_listing (channel, sku, desired_quantity, desired_version, desired_at,
                                             pushed_version, pushed_quantity, pushed_at)
                SELECT ?, format('%s-%s', upper(?), lpad(i::text, 6, '0')), i % 97, 1, now(), 1, i % 97, now()
                FROM generate_series(0, ? - 1) AS i""", catalog.channel(), catalog.channel(), catalog.size());
        int every = (int) Math.round(1 / DRIFT_SHARE);
        for (int i = 0; i < catalog.size(); i++) {
            sandbox.setLevel(catalog.item(i), LOCATION, i % every == 0 ? i % 97 + 5 : i % 97);
        }
    }

    private static Result reconcile(Catalog catalog, Reconciliations reconciliations, JdbcTemplate jdbc,
            double restoreRate) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = liveHeap(memory);
        AtomicLong peak = new AtomicLong(before);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(liveHeap(memory), Math::max);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long started = System.nanoTime();
        long id = reconciliations.begin(catalog.channel(), "benchmark");
        reconciliations.execute(id, catalog.channel());
        double seconds = (System.nanoTime() - started) / 1e9;
        sampler.interrupt();
        sampler.join();
        Map<String, Object> run = jdbc.queryForMap(
                "SELECT status, listings_compared, differences, error FROM reconciliation_run WHERE id = ?", id);
        if (!"done".equals(run.get("status"))) {
            throw new IllegalStateException("reconciliation of " + catalog.channel() + " ended " + run);
        }
        long compared = ((Number) run.get("listings_compared")).longValue();
        long differences = ((Number) run.get("differences")).longValue();
        double floor = (double) catalog.size() * READ_COST_PER_ITEM / restoreRate;
        System.out.printf("%s: %,d compared, %,d differ, %.1f s (cost-bucket floor %.1f s), live heap +%,d KB%n",
                catalog.channel(), compared, differences, seconds, floor, (peak.get() - before) / 1024);
        return new Result(catalog, seconds, compared, differences, Math.max(0, peak.get() - before), floor);
    }

    /** Heap still referenced: used heap right after a full collection. */
    private static long liveHeap(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static void print(List<Result> results) {
        Result small = results.get(0);
        Result large = results.get(1);
        System.out.println();
        System.out.println("=== reconciliation at scale ===");
        System.out.printf("%-12s %10s %10s %10s %12s %12s %14s%n", "catalog", "compared", "differ", "seconds",
                "floor (s)", "listings/s", "live heap +KB");
        for (Result r : results) {
            System.out.printf("%-12s %,10d %,10d %10.1f %12.1f %,12.0f %,14d%n", r.catalog().channel(), r.compared(),
                    r.differences(), r.seconds(), r.floorSeconds(), r.compared() / r.seconds(), r.heapAddedBytes() / 1024);
        }
        System.out.printf("catalog ratio       %8.1f×%n", (double) large.catalog().size() / small.catalog().size());
        System.out.printf("duration ratio      %8.2f×  (linear = catalog ratio)%n", large.seconds() / small.seconds());
        System.out.printf("time / floor        %8.2f (small)  %.2f (large)%n", small.seconds() / small.floorSeconds(),
                large.seconds() / large.floorSeconds());
        System.out.printf("live heap ratio     %8.2f×  (streaming = about 1, not the catalog ratio)%n",
                (double) Math.max(1, large.heapAddedBytes()) / Math.max(1, small.heapAddedBytes()));
    }
}
