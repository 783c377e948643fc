package io.inventorysync.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (zonky's bundled binaries) run as a child process of this JVM, with its cluster in a
 * directory the caller owns: a restart on the same directory keeps every database and table. Works as root too
 * (zonky runs the server in a user namespace). Superuser {@value #USERNAME}, trust authentication, localhost only.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    /** The superuser initdb creates; trust authentication, so no password. */
    public static final String USERNAME = "postgres";
    /** The database every cluster starts with. */
    public static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /**
     * Starts PostgreSQL on {@code dataDir}, creating the cluster there first if the directory holds none.
     *
     * @param dataDir cluster directory; created if missing
     * @param port    port on localhost; {@code 0} picks a free one
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            OrphanedPostmaster.stopIfAny(dir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // zonky tunes for throwaway test databases (-F turns fsync off, and commits are
                    // asynchronous); this cluster keeps a stock ledger across runs, so a crash must not lose
                    // committed rows or corrupt it. Later -c options on the command line win over -F.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, dir);
            LOG.info("Embedded PostgreSQL ready at {} (data: {})", server.jdbcUrl(), dir);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL on " + dir, e);
        }
    }

    /** JDBC URL of the {@value #DATABASE} database; connect as {@link #username()} without a password. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    public String username() {
        return USERNAME;
    }

    public int port() {
        return postgres.getPort();
    }

    /** The cluster directory (absolute). */
    public Path dataDir() {
        return dataDir;
    }

    /** Stops the server (fast shutdown: open sessions are ended, committed data is kept); idempotent. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop embedded PostgreSQL on " + dataDir, e);
        }
    }
}
