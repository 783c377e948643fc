package io.inventorysync.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.SpringApplication;

import io.inventorysync.connectors.shopify.sandbox.SandboxFaults;
import io.inventorysync.connectors.shopify.sandbox.ShopifySandbox;
import io.inventorysync.embedded.EmbeddedKafkaBroker;

/**
 * The real parts every integration test shares in one JVM: one KRaft broker (the same class the embedded default
 * runs) and one Shopify sandbox. PostgreSQL is the server on 127.0.0.1:5432; each test class gets its own schema.
 * Started once, stopped when the JVM ends.
 */
public final class TestStack {

    private static EmbeddedKafkaBroker broker;
    private static ShopifySandbox sandbox;
    private static boolean schemasCleaned;

    private TestStack() {
    }

    public static synchronized EmbeddedKafkaBroker kafka() {
        if (broker == null) {
            try {
                Path dir = Files.createTempDirectory("inventory-sync-it-kafka");
                broker = EmbeddedKafkaBroker.start(dir, 0);
                // after Spring Boot has closed the test contexts at exit, not beside them: their Kafka clients
                // would otherwise wait out their close timeouts against a broker already gone (30 s and more)
                SpringApplication.getShutdownHandlers().add(broker::close);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return broker;
    }

    public static synchronized ShopifySandbox shopify() {
        if (sandbox == null) {
            sandbox = ShopifySandbox.start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
        }
        return sandbox;
    }

    /**
     * A fresh schema for one test class, named with its creation time. Schemas older than two hours (left by
     * earlier runs) are dropped the first time; younger ones may belong to a run going on in another JVM.
     */
    public static synchronized String freshSchema(String prefix) {
        if (!schemasCleaned) {
            try (Connection c = DriverManager.getConnection(postgresUrl("public"), "postgres", "");
                    Statement st = c.createStatement()) {
                List<String> old = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'it\\_%'")) {
                    while (rs.next()) {
                        old.add(rs.getString(1));
                    }
                }
                long cutoff = System.currentTimeMillis() / 1000 - 2 * 3600;
                for (String schema : old) {
                    String[] parts = schema.split("_");
                    boolean stamped = parts.length >= 4 && parts[parts.length - 2].matches("\\d{10}");
                    if (stamped && Long.parseLong(parts[parts.length - 2]) > cutoff) {
                        continue;
                    }
                    st.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
                }
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL on 127.0.0.1:5432 (database test) is needed by the tests", e);
            }
            schemasCleaned = true;
        }
        return "it_" + prefix + "_" + System.currentTimeMillis() / 1000 + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The shared Shopify sandbox with no faults armed and a full default cost bucket, as a test starts from. */
    public static ShopifySandbox calmShopify() {
        ShopifySandbox shop = shopify();
        shop.injectFaults(new SandboxFaults(0, 0, 0L, 200, null));
        shop.configureBucket(1000, 50);
        shop.refillBucket();
        return shop;
    }

    public static String postgresUrl(String schema) {
        return "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema + "&reWriteBatchedInserts=true";
    }
}
