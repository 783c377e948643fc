package io.inventorysync.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.inventorysync.InventorySyncApplication;

/**
 * The real application in this JVM against a benchmark's broker, PostgreSQL schema and connectors directory, with
 * the embedded infrastructure and the demo off, and whatever else the benchmark overrides.
 */
final class BenchApp implements AutoCloseable {

    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

    private final ConfigurableApplicationContext context;

    BenchApp(String bootstrap, String schema, String runId, Path connectors, Map<String, String> overrides) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("inventory-sync.embedded.enabled", "false");
        p.put("inventory-sync.demo.enabled", "false");
        p.put("camel.main.name", "inventory-sync-bench-" + runId);
        p.put("camel.main.routes-include-pattern", "classpath:routes/*.camel.yaml");
        p.put("camel.component.kafka.brokers", bootstrap);
        p.put("spring.datasource.url", POSTGRES + "?currentSchema=" + schema + "&reWriteBatchedInserts=true");
        p.put("spring.flyway.schemas", schema);
        p.put("spring.flyway.default-schema", schema);
        p.put("inventory-sync.topics.events", "bench-" + runId + ".events");
        p.put("inventory-sync.topics.dead-letters", "bench-" + runId + ".dead-letters");
        p.put("inventory-sync.ledger.group-id", "bench-ledger-" + runId);
        p.put("inventory-sync.dead-letters.index-group-id", "bench-dl-index-" + runId);
        p.put("inventory-sync.connectors-dir", connectors.toString());
        p.put("inventory-sync.admin.token", "bench-admin-token");
        p.put("server.port", "0");
        p.put("logging.level.root", "WARN");
        p.putAll(overrides);
        // as command-line arguments: builder properties are only defaults, which application.yaml would override
        String[] args = p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        this.context = new SpringApplicationBuilder(InventorySyncApplication.class).run(args);
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Override
    public void close() {
        context.close();
    }

    static String freshSchema(String runId) {
        return "bench_" + System.currentTimeMillis() / 1000 + "_" + runId;
    }

    static void dropSchema(String schema) {
        try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", "");
                Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        } catch (Exception e) {
            System.err.println("could not drop schema " + schema + ": " + e.getMessage());
        }
    }

    /** Runs a benchmark body and ends the JVM with 0 or 1: exec:java would otherwise wait for leftover threads. */
    static void exit(ThrowingRunnable body) {
        int status = 1;
        try {
            body.run();
            status = 0;
        } catch (Throwable e) {
            e.printStackTrace();
        }
        System.out.flush();
        System.exit(status);
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
