package io.inventorysync.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import io.inventorysync.channel.ListingStore;
import io.inventorysync.connector.ConnectorCatalog;
import io.inventorysync.deadletter.DeadLetter;
import io.inventorysync.deadletter.DeadLetterPublisher;
import io.inventorysync.ledger.ChannelProjection;
import io.inventorysync.ledger.LedgerRecord;
import io.inventorysync.ledger.LedgerRepository;
import io.inventorysync.ledger.LedgerService;
import io.inventorysync.ledger.LedgerSettings;
import io.inventorysync.ledger.SchemaEventDecoder;
import io.inventorysync.mapping.SkuMappings;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The ledger alone ({@link LedgerService} on PostgreSQL, no Kafka, no Camel), measured in CPU time: the applying
 * thread's and its PostgreSQL backend's. Wall-clock rates swing by tens of percent on a shared two-core machine;
 * CPU per event barely moves, so this is the figure to compare two versions of the write path by. Run:
 * {@code mvn -o -q -Pbench test-compile exec:java -Dbench.main=io.inventorysync.bench.LedgerCpuBenchmark
 * -Dbench.events=200000 -Dbench.batch=500}.
 */
public final class LedgerCpuBenchmark {

    private static final long CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private LedgerCpuBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("bench.events", 200_000);
        int batch = Integer.getInteger("bench.batch", 500);
        String schema = "benchcpu_" + UUID.randomUUID().toString().substring(0, 8);
        String url = "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema
                + System.getProperty("bench.jdbcParams", "");
        Flyway.configure().dataSource(url, "postgres", "").schemas(schema).load().migrate();
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "postgres", "", true);
        try {
            EventStreamGenerator generator = new EventStreamGenerator(1_000, 1.0, events, "cpu", 42L);
            List<LedgerRecord> records = new ArrayList<>(events);
            for (int i = 0; i < events; i++) {
                EventStreamGenerator.Generated g = generator.next();
                records.add(new LedgerRecord(g.json(), g.key(), false));
            }
            ConnectorCatalog catalog = ConnectorCatalog.load(BenchConnectors.create(generator.skus()), UnaryOperator.identity());
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            LedgerService ledger = new LedgerService(new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                    new LedgerRepository(jdbc), new ChannelProjection(catalog.channels(), new SkuMappings(catalog)),
                    new ListingStore(jdbc)::writeDesired, new SchemaEventDecoder(), new CountingDeadLetters(), meters,
                    new LedgerSettings("bench.events", Duration.ofMinutes(15)));
            long backend = jdbc.queryForObject("SELECT pg_backend_pid()", Long.class);

            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long wall = System.nanoTime();
            long jvmCpu = threads.getCurrentThreadCpuTime();
            long pgTicks = cpuTicks(backend);
            for (int from = 0; from < events; from += batch) {
                ledger.apply(records.subList(from, Math.min(events, from + batch)));
            }
            double seconds = (System.nanoTime() - wall) / 1e9;
            double jvmMicros = (threads.getCurrentThreadCpuTime() - jvmCpu) / 1e3 / events;
            double pgMicros = (cpuTicks(backend) - pgTicks) * 1e6 / CLOCK_TICKS_PER_SECOND / events;

            System.out.printf("%,d events in batches of %d: %.2f s wall, %,.0f events/s%n", events, batch, seconds,
                    events / seconds);
            System.out.printf("CPU per event: ledger thread %.1f µs, PostgreSQL backend %.1f µs, sum %.1f µs%n",
                    jvmMicros, pgMicros, jvmMicros + pgMicros);
            for (String phase : List.of("decode", "load", "apply", "write", "projection")) {
                Timer t = meters.find("inventory.ledger.batch.phase").tag("phase", phase).timer();
                System.out.printf("  %-11s %6.2f µs/event (wall)%n", phase, t.totalTime(TimeUnit.NANOSECONDS) / 1e3 / events);
            }
        } finally {
            if (Boolean.getBoolean("bench.keepSchema")) {
                System.out.println("kept schema " + schema);
            } else {
                new JdbcTemplate(dataSource).execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
            }
            dataSource.destroy();
        }
        System.exit(0);
    }

    /** utime + stime of a local process, in clock ticks (fields 14 and 15 of /proc/<pid>/stat). */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** Dead letters are not the subject here; the benchmark's stream has none, and a count would show if it had. */
    private static final class CountingDeadLetters extends DeadLetterPublisher {
        private long count;

        CountingDeadLetters() {
            super(null);
        }

        @Override
        public void publish(DeadLetter letter) {
            if (count++ == 0) {
                System.out.println("dead letter (unexpected): " + letter.reason());
            }
        }
    }
}
