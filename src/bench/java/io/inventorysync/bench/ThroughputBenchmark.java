package io.inventorysync.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import io.inventorysync.embedded.EmbeddedKafkaBroker;

/**
 * Benchmark 1 of the proof harness: the ledger's throughput against the broker's own limit on the same machine.
 * Loads N events into a fresh topic of an in-process KRaft broker, reads them once with a bare consumer (the
 * limit), then once through the real application's ledger into a fresh PostgreSQL schema, and prints both
 * rates, their ratio and where the ledger's batch time goes. Run: see docs/benchmarks.md.
 * <p>
 * Settings (system properties): {@code bench.events} (1,000,000), {@code bench.skus} (1,000), {@code bench.partitions}
 * (6), {@code bench.maxPollRecords} (2000, the ledger route's default), {@code bench.jdbcParams} (extra JDBC URL
 * parameters, none by default, as in the application's own default URL), {@code bench.keepSchema} (false).
 */
public final class ThroughputBenchmark {

    private ThroughputBenchmark() {
    }

    public static void main(String[] args) {
        // exec:java waits for every non-daemon thread of the JVM, and Kafka clients, Camel and Spring leave some
        // behind once closed: end the JVM explicitly, with a status that says whether the benchmark ran through
        int status = 1;
        try {
            run();
            status = 0;
        } catch (Exception e) {
            e.printStackTrace();
        }
        System.exit(status);
    }

    private static void run() throws Exception {
        long events = Long.getLong("bench.events", 1_000_000L);
        int skus = Integer.getInteger("bench.skus", 1_000);
        int partitions = Integer.getInteger("bench.partitions", 6);
        int maxPoll = Integer.getInteger("bench.maxPollRecords", 2000);
        String jdbcParams = System.getProperty("bench.jdbcParams", "");
        boolean keepSchema = Boolean.getBoolean("bench.keepSchema");
        String runId = UUID.randomUUID().toString().substring(0, 8);
        String schema = "bench_" + System.currentTimeMillis() / 1000 + "_" + runId;
        String jdbcUrl = "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema
                + (jdbcParams.isBlank() ? "" : "&" + jdbcParams);
        String topic = "bench-" + runId + ".events";

        System.out.printf("machine: %d cpus, %,d MB max heap, Java %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1 << 20), System.getProperty("java.version"));
        System.out.printf("settings: %,d events, %,d SKUs (Zipf s=1), %d partitions, max.poll.records %d, JDBC %s%n",
                events, skus, partitions, maxPoll, jdbcUrl);

        Path kafkaDir = Files.createTempDirectory("inventory-sync-bench-kafka");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(kafkaDir, 0)) {
            broker.createTopic(topic, partitions);
            EventStreamGenerator generator = new EventStreamGenerator(skus, 1.0, events, runId, 42L);
            double produced = EventLoader.load(broker.bootstrapServers(), topic, generator, events);
            System.out.printf("produced %,d events (acks=all): %,.0f records/s%n", events, produced);

            double raw = RawConsumerBaseline.run(broker.bootstrapServers(), topic, events, maxPoll);
            double pipeline;
            LedgerPipelineRun.PhaseBreakdown phases;
            try (LedgerPipelineRun run = new LedgerPipelineRun(broker.bootstrapServers(), jdbcUrl, schema, topic, runId,
                    BenchConnectors.create(generator.skus()), maxPoll)) {
                pipeline = run.consume(events);
                phases = run.phases();
            }
            print(events, raw, pipeline, phases);
        } finally {
            if (!keepSchema) {
                dropSchema(schema);
            }
        }
        System.out.println("uptime " + ManagementFactory.getRuntimeMXBean().getUptime() / 1000 + " s");
    }

    private static void print(long events, double raw, double pipeline, LedgerPipelineRun.PhaseBreakdown phases) {
        System.out.println();
        System.out.println("=== throughput ===");
        System.out.printf("raw consumer     %,12.0f records/s%n", raw);
        System.out.printf("ledger pipeline  %,12.0f events/s%n", pipeline);
        System.out.printf("ratio            %12.3f  (pipeline / raw; target >= 0.25)%n", pipeline / raw);
        System.out.println("=== ledger batch time by phase ===");
        System.out.printf("batches %,d, %.0f events per batch on average, %.2f s in batches%n", phases.batches(),
                phases.batches() == 0 ? 0.0 : (double) events / phases.batches(), phases.batchSeconds());
        double sum = 0;
        for (Map.Entry<String, Double> e : phases.seconds().entrySet()) {
            sum += e.getValue();
            System.out.printf("  %-11s %8.2f s  %5.1f %%  %7.2f ms/batch%n", e.getKey(), e.getValue(),
                    100 * e.getValue() / phases.batchSeconds(), 1000 * e.getValue() / Math.max(1, phases.batches()));
        }
        double rest = phases.batchSeconds() - sum;
        System.out.printf("  %-11s %8.2f s  %5.1f %%  %7.2f ms/batch  (begin/commit, metrics)%n", "commit+rest", rest,
                100 * rest / phases.batchSeconds(), 1000 * rest / Math.max(1, phases.batches()));
    }

    private static void dropSchema(String schema) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
                Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        } catch (Exception e) {
            System.err.println("could not drop schema " + schema + ": " + e.getMessage());
        }
    }
}
