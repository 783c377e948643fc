package io.inventorysync.embedded;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The embedded Kafka broker and PostgreSQL server of a zero-setup local run, started together and stopped
 * together. Data lives under one directory: {@code kafka/} and {@code postgres/}.
 */
public final class EmbeddedInfrastructure implements AutoCloseable {

    private final EmbeddedKafkaBroker kafka;
    private final EmbeddedPostgresServer postgres;

    private EmbeddedInfrastructure(EmbeddedKafkaBroker kafka, EmbeddedPostgresServer postgres) {
        this.kafka = kafka;
        this.postgres = postgres;
    }

    /**
     * Starts both servers; if either fails, the other is stopped again before the failure is thrown.
     *
     * @param dataDir      parent of the {@code kafka/} and {@code postgres/} data directories
     * @param kafkaPort    Kafka client port, {@code 0} for a free one
     * @param postgresPort PostgreSQL port, {@code 0} for a free one
     */
    public static EmbeddedInfrastructure start(Path dataDir, int kafkaPort, int postgresPort) {
        // PostgreSQL spends its start-up in child processes (initdb, postmaster) and the broker in this JVM:
        // starting them side by side saves a few seconds of every local start.
        CompletableFuture<EmbeddedPostgresServer> postgresStart = CompletableFuture.supplyAsync(
                () -> EmbeddedPostgresServer.start(dataDir.resolve("postgres"), postgresPort),
                task -> new Thread(task, "embedded-postgres-start").start());
        EmbeddedKafkaBroker kafka;
        try {
            kafka = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), kafkaPort);
        } catch (RuntimeException e) {
            try {
                postgresStart.join().close();
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
        try {
            return new EmbeddedInfrastructure(kafka, postgresStart.join());
        } catch (CompletionException e) {
            kafka.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    public EmbeddedKafkaBroker kafka() {
        return kafka;
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    /** Stops both servers, the second even if stopping the first fails; idempotent. */
    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }
}
