package io.inventorysync.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerIT {

    @TempDir
    Path dataDir;

    @Test
    void committedRowsAreDurableAndSurviveARestartOnTheSameDirectory() throws SQLException {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0)) {
            assertThat(server.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:" + server.port() + "/postgres");
            try (Connection c = connect(server); Statement s = c.createStatement()) {
                // zonky's test-oriented defaults (fsync off, asynchronous commit) are overridden.
                assertThat(setting(s, "fsync")).isEqualTo("on");
                assertThat(setting(s, "synchronous_commit")).isEqualTo("on");
                s.execute("CREATE TABLE stock (sku text PRIMARY KEY, quantity int NOT NULL)");
                s.execute("INSERT INTO stock VALUES ('SKU-1', 7)");
                // The dialect the ledger relies on: an upsert.
                s.execute("INSERT INTO stock VALUES ('SKU-1', 9) ON CONFLICT (sku) DO UPDATE SET quantity = EXCLUDED.quantity");
                assertThat(quantityOf(s, "SKU-1")).isEqualTo(9);
            }
        }

        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(dataDir, 0);
             Connection c = connect(restarted);
             Statement s = c.createStatement()) {
            assertThat(quantityOf(s, "SKU-1")).isEqualTo(9);
        }
    }

    @Test
    void serverLeftRunningByAKilledJvmIsStoppedSoTheDirectoryCanBeUsedAgain() throws Exception {
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                PostgresInChildJvm.class.getName(), dataDir.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                String line = out.readLine();
                if (line == null) {
                    throw new AssertionError("child JVM ended before PostgreSQL was ready");
                }
                return line.contains(PostgresInChildJvm.READY);
            });
        } finally {
            child.destroyForcibly().waitFor();
        }
        long orphanPid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        assertThat(ProcessHandle.of(orphanPid)).as("PostgreSQL outlives the killed JVM")
                .hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0);
             Connection c = connect(server);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM left_behind")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isZero();
            assertThat(ProcessHandle.of(orphanPid).filter(ProcessHandle::isAlive)).isEmpty();
        }
    }

    private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
    }

    private static int quantityOf(Statement s, String sku) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT quantity FROM stock WHERE sku = '" + sku + "'")) {
            assertThat(rs.next()).as("row for %s", sku).isTrue();
            return rs.getInt(1);
        }
    }

    private static String setting(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW " + name)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
