package io.inventorysync.embedded;

import java.nio.file.Path;

/**
 * Test helper run in a separate JVM: starts PostgreSQL on the given directory, creates a table, announces it
 * and then waits to be killed, the way a developer's application dies under kill -9.
 */
public final class PostgresInChildJvm {

    static final String READY = "POSTGRES-READY";

    private PostgresInChildJvm() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), 0);
        try (var c = java.sql.DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
             var s = c.createStatement()) {
            s.execute("CREATE TABLE left_behind (id int)");
        }
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
