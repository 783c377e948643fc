package io.inventorysync.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.inventorysync.InventorySyncApplication;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The real application (Spring Boot, the YAML routes, the ledger on PostgreSQL) against the benchmark's broker,
 * schema and topic, with embedded infrastructure, the demo and dispatch switched off. Routes start only once the
 * application is up, so the clock measures consuming, not booting; it stops when the ledger has applied every
 * event, then the applied_event table is checked to hold them all.
 */
final class LedgerPipelineRun implements AutoCloseable {

    static final List<String> PHASES = List.of("decode", "load", "apply", "write", "projection");

    private final ConfigurableApplicationContext app;
    private final MeterRegistry meters;
    private final JdbcTemplate jdbc;

    LedgerPipelineRun(String bootstrap, String jdbcUrl, String schema, String topic, String runId, Path connectors,
            int maxPollRecords) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("inventory-sync.embedded.enabled", "false");
        p.put("inventory-sync.demo.enabled", "false");
        p.put("inventory-sync.dispatch.enabled", "false");
        p.put("camel.main.routes-include-pattern", "classpath:routes/*.camel.yaml");
        p.put("camel.main.auto-startup", "false");
        p.put("camel.component.kafka.brokers", bootstrap);
        p.put("spring.datasource.url", jdbcUrl);
        p.put("spring.flyway.schemas", schema);
        p.put("spring.flyway.default-schema", schema);
        p.put("inventory-sync.topics.events", topic);
        p.put("inventory-sync.topics.dead-letters", "bench-" + runId + ".dead-letters");
        p.put("inventory-sync.ledger.group-id", "bench-ledger-" + runId);
        p.put("inventory-sync.ledger.max-poll-records", String.valueOf(maxPollRecords));
        p.put("inventory-sync.dead-letters.index-group-id", "bench-dl-index-" + runId);
        p.put("inventory-sync.connectors-dir", connectors.toString());
        p.put("server.port", "0");
        p.put("logging.level.root", "WARN");
        // as command-line arguments: builder properties are only defaults, which application.yaml would override
        String[] args = p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        this.app = new SpringApplicationBuilder(InventorySyncApplication.class).run(args);
        this.meters = app.getBean(MeterRegistry.class);
        this.jdbc = app.getBean(JdbcTemplate.class);
    }

    /** @return events per second, from starting the routes until the ledger has applied {@code events} */
    double consume(long events) throws Exception {
        long started = System.nanoTime();
        app.getBean(CamelContext.class).getRouteController().startAllRoutes();
        long deadline = started + Duration.ofMinutes(30).toNanos();
        long lastReport = started;
        while (processed() < events) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("ledger applied only " + processed() + " of " + events + " events");
            }
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                lastReport = System.nanoTime();
                System.out.printf("  ... ledger at %,d / %,d events%n", processed(), events);
            }
            Thread.sleep(20);
        }
        double seconds = EventLoader.seconds(started);
        long applied = appliedRows();
        long checkUntil = System.nanoTime() + 30_000_000_000L;
        while (applied < events && System.nanoTime() < checkUntil) {
            Thread.sleep(200);
            applied = appliedRows();
        }
        System.out.printf("ledger pipeline: %,d events in %.2f s; applied_event holds %,d rows%n", processed(), seconds, applied);
        if (applied != events) {
            throw new IllegalStateException("applied_event holds " + applied + " rows, expected " + events);
        }
        return events / seconds;
    }

    /** Events the ledger finished with (any outcome, invalid ones included), counted after each commit. */
    private long processed() {
        double n = meters.find("inventory.events.processed").counters().stream().mapToDouble(Counter::count).sum();
        Counter invalid = meters.find("inventory.events.invalid").counter();
        return (long) (n + (invalid == null ? 0 : invalid.count()));
    }

    private long appliedRows() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM applied_event", Long.class);
        return n == null ? 0 : n;
    }

    /** Seconds spent per ledger phase, summed over all batches, plus batch count and the whole batch time. */
    PhaseBreakdown phases() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String phase : PHASES) {
            Timer t = meters.find("inventory.ledger.batch.phase").tag("phase", phase).timer();
            seconds.put(phase, t == null ? 0 : t.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) / 1e9);
        }
        Timer offsets = meters.find("inventory.ledger.offsets.commit").timer();
        if (offsets != null) {
            System.out.printf("offset commits: %,d batches, %.2f s (outside the batch phases)%n", offsets.count(),
                    offsets.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) / 1e9);
        }
        Timer batch = meters.find("inventory.ledger.batch.duration").timer();
        return new PhaseBreakdown(seconds, batch == null ? 0 : batch.count(),
                batch == null ? 0 : batch.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) / 1e9);
    }

    @Override
    public void close() {
        app.close();
    }

    record PhaseBreakdown(Map<String, Double> seconds, long batches, double batchSeconds) {
    }
}
