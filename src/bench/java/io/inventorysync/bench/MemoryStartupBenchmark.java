package io.inventorysync.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Benchmark 5: start-up time and resident memory of the embedded default, each in a child JVM with a fresh data
 * directory, beside baselines measured in the same run: an idle JVM on the same class path, and the embedded
 * infrastructure alone (KRaft broker + PostgreSQL, no Spring, no Camel).
 * <ol>
 * <li>start-up: spawn → {@code /actuator/health} UP, with the embedded default as {@code mvn spring-boot:run}
 * runs it (embedded broker and PostgreSQL, demo sandboxes and feeds; free ports instead of the fixed ones);</li>
 * <li>memory under load: the same embedded default with the demo off and benchmark 1's connectors and events
 * ({@code bench.events}, 200,000 by default) produced into its broker; RSS sampled every 250 ms until the ledger
 * has applied them all.</li>
 * </ol>
 * Memory is JVM RSS, and RSS and PSS of the JVM with its child processes (embedded PostgreSQL runs as several).
 * Settings: {@code bench.events}, {@code bench.startups} (start-ups of each kind, 2), {@code bench.jvmArgs}
 * (options for every child JVM, none by default, as {@code spring-boot:run}), {@code bench.classpath}.
 */
public final class MemoryStartupBenchmark {

    private static final String APP = "io.inventorysync.InventorySyncApplication";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private MemoryStartupBenchmark() {
    }

    public static void main(String[] args) {
        BenchApp.exit(MemoryStartupBenchmark::run);
    }

    private static void run() throws Exception {
        long events = Long.getLong("bench.events", 200_000L);
        int startups = Integer.getInteger("bench.startups", 2);
        MachineInfo.print();
        System.out.printf("settings: %d start-up(s) of each kind, %,d events under load, child JVM options '%s'%n",
                startups, events, System.getProperty("bench.jvmArgs", ""));
        List<String> rows = new ArrayList<>();

        Measure idle = new Measure();
        Measure infra = new Measure();
        Measure app = new Measure();
        for (int i = 0; i < startups; i++) {
            try (ChildJvm jvm = ChildJvm.start(IdleMain.class.getName(), List.of(), "READY")) {
                idle.add(jvm.awaitReadyLine(60), settle(jvm, 2));
            }
            Path dir = Files.createTempDirectory("bench-infra-data");
            try (ChildJvm jvm = ChildJvm.start(InfrastructureOnlyMain.class.getName(), List.of(dir.toString()), "READY")
                    .countingProcessesWith(dir.toString())) {
                infra.add(jvm.awaitReadyLine(180), settle(jvm, 5));
            } finally {
                delete(dir);
            }
            Path data = Files.createTempDirectory("bench-embedded-data");
            int port = freePort();
            List<String> args = List.of("--inventory-sync.embedded.data-dir=" + data, "--server.port=" + port,
                    "--inventory-sync.embedded.kafka-port=" + freePort(), "--inventory-sync.embedded.postgres-port=" + freePort(),
                    "--inventory-sync.demo.shopify-sandbox-port=" + freePort(),
                    "--inventory-sync.demo.amazon-sandbox-port=" + freePort());
            try (ChildJvm jvm = ChildJvm.start(APP, args, null, true).countingProcessesWith(data.toString())) {
                double seconds = awaitHealthUp(jvm, port, 300);
                app.add(seconds, settle(jvm, 10));
                System.out.printf("embedded default start %d: %.2f s to health UP (log %s)%n", i + 1, seconds, jvm.log);
            } finally {
                delete(data);
            }
        }
        rows.add(idle.row("idle JVM (same class path)"));
        rows.add(infra.row("embedded broker + PostgreSQL alone"));
        rows.add(app.row("embedded default (demo on)"));

        // memory under benchmark 1's load
        Path data = Files.createTempDirectory("bench-load-data");
        String runId = UUID.randomUUID().toString().substring(0, 8);
        EventStreamGenerator generator = new EventStreamGenerator(1_000, 1.0, events, runId, 42L);
        Path connectors = BenchConnectors.create(generator.skus());
        int port = freePort();
        int kafkaPort = freePort();
        List<String> args = List.of("--inventory-sync.embedded.data-dir=" + data, "--server.port=" + port,
                "--inventory-sync.embedded.kafka-port=" + kafkaPort, "--inventory-sync.embedded.postgres-port=" + freePort(),
                "--inventory-sync.demo.enabled=false", "--inventory-sync.dispatch.enabled=false",
                "--inventory-sync.connectors-dir=" + connectors, "--camel.main.routes-include-pattern=classpath:routes/*.camel.yaml");
        ChildJvm.Memory beforeLoad;
        ChildJvm.Memory peak;
        ChildJvm.Memory after;
        double rate;
        try (ChildJvm jvm = ChildJvm.start(APP, args, null, true).countingProcessesWith(data.toString())) {
            awaitHealthUp(jvm, port, 300);
            beforeLoad = settle(jvm, 5);
            AtomicBoolean loading = new AtomicBoolean(true);
            AtomicReference<ChildJvm.Memory> max = new AtomicReference<>(beforeLoad);
            Thread sampler = new Thread(() -> {
                while (loading.get()) {
                    max.getAndUpdate(m -> m.max(jvm.memory()));
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-rss-sampler");
            sampler.start();
            long started = System.nanoTime();
            EventLoader.load("127.0.0.1:" + kafkaPort, "inventory.events", generator, events);
            long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
            while (processed(port) < events) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the ledger applied only " + processed(port) + " of " + events);
                }
                Thread.sleep(500);
            }
            rate = events / EventLoader.seconds(started);
            loading.set(false);
            sampler.join();
            peak = max.get();
            after = jvm.memory();
        } finally {
            delete(data);
        }

        System.out.println();
        System.out.println("=== start-up (spawn -> ready) and memory when ready ===");
        rows.forEach(System.out::println);
        System.out.printf("start-up ratio: embedded default / infrastructure alone = %.2f ; / idle JVM = %.1f%n",
                app.meanSeconds() / infra.meanSeconds(), app.meanSeconds() / idle.meanSeconds());
        System.out.println("=== memory under benchmark 1's load (%,d events, produced and applied at %,.0f events/s) ==="
                .formatted(events, rate));
        System.out.println("ready, before load: " + beforeLoad);
        System.out.println("peak during load:   " + peak);
        System.out.println("after load:         " + after);
        System.out.printf("memory ratio: peak JVM+children PSS / infrastructure alone = %.2f ; peak JVM RSS / idle JVM = %.1f%n",
                peak.treePss() / infra.memory.treePss(), peak.jvmRss() / idle.memory.jvmRss());
        System.out.println(MachineInfo.loadAverage());
    }

    /** Lets the child settle (JIT, first scheduled jobs), then reads its memory. */
    private static ChildJvm.Memory settle(ChildJvm jvm, int seconds) throws InterruptedException {
        Thread.sleep(seconds * 1000L);
        return jvm.memory();
    }

    private static double awaitHealthUp(ChildJvm jvm, int port, int maxSeconds) throws InterruptedException {
        long deadline = jvm.startedNanos + maxSeconds * 1_000_000_000L;
        URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
        while (System.nanoTime() < deadline) {
            if (!jvm.process.isAlive()) {
                throw new IllegalStateException("the application ended during start-up; log: " + jvm.log);
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && JSON.readTree(r.body()).path("status").asText().equals("UP")) {
                    return (System.nanoTime() - jvm.startedNanos) / 1e9;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("health not UP within " + maxSeconds + " s; log: " + jvm.log);
    }

    private static long processed(int port) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/metrics/inventory.events.processed")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            return 0;
        }
        JsonNode m = JSON.readTree(r.body()).path("measurements");
        return m.isEmpty() ? 0 : (long) m.get(0).path("value").asDouble();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    /** Start-ups of one kind: mean and worst time to ready, memory when ready (the last start-up's). */
    private static final class Measure {
        private final List<Double> seconds = new ArrayList<>();
        private ChildJvm.Memory memory;

        void add(double s, ChildJvm.Memory m) {
            seconds.add(s);
            memory = m;
        }

        double meanSeconds() {
            return seconds.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        String row(String name) {
            return "%-36s start-up %6.2f s (max %6.2f s, n=%d) | %s".formatted(name, meanSeconds(),
                    seconds.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN), seconds.size(), memory);
        }
    }
}
