package io.inventorysync.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

    private TestStack() {
    }

    public static synchronized EmbeddedKafkaBroker kafka() {
        if (broker == null) {
            try {
                Path dir = Files.createTempDirectory("inventory-sync-it-kafka");
                broker = EmbeddedKafkaBroker.start(dir, 0);
                Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
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

    public static String postgresUrl(String schema) {
        return "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema + "&reWriteBatchedInserts=true";
    }
}
