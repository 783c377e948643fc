package io.inventorysync.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SFTP pickup against a real SFTP server (Apache MINA SSHD, in process). */
class SftpSnapshotFetcherIT {

    @TempDir
    Path root;
    InProcessSftpServer server;
    SftpSnapshotFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        Files.createDirectories(root.resolve("outgoing"));
        server = InProcessSftpServer.serve(root);
    }

    @AfterEach
    void stop() throws IOException {
        if (fetcher != null) {
            fetcher.close();
        }
        server.close();
    }

    private SftpSnapshotFetcher fetcher(String password, String hostKey, Duration minFileAge) {
        fetcher = new SftpSnapshotFetcher(URI.create("sftp://127.0.0.1:" + server.port() + "/outgoing"), "*.csv",
                InProcessSftpServer.USER, password, null, hostKey, minFileAge, Duration.ofSeconds(10), 1024 * 1024,
                Clock.systemUTC());
        return fetcher;
    }

    private void file(String name, String content, Instant modified) throws IOException {
        Path file = root.resolve("outgoing").resolve(name);
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    @Test
    void newestMatchingFileIsFetchedWithItsModificationTime() throws IOException {
        Instant t = Instant.parse("2026-11-20T08:00:00Z");
        file("stock-1.csv", "sku,quantity\nA,1\n", t);
        file("stock-2.csv", "sku,quantity\nA,2\n", t.plusSeconds(60));
        file("notes.txt", "not a snapshot", t.plusSeconds(120));

        Optional<FetchedSnapshot> fetched = fetcher(InProcessSftpServer.PASSWORD, server.hostKeyFingerprint(), Duration.ZERO).fetch();

        assertThat(fetched).isPresent();
        assertThat(new String(fetched.get().content(), StandardCharsets.UTF_8)).isEqualTo("sku,quantity\nA,2\n");
        assertThat(fetched.get().snapshotAt()).isEqualTo(t.plusSeconds(60));
        assertThat(fetched.get().origin()).endsWith("/outgoing/stock-2.csv").doesNotContain(InProcessSftpServer.PASSWORD);
    }

    @Test
    void fileYoungerThanMinFileAgeIsLeftForLater() throws IOException {
        file("stock.csv", "sku,quantity\nA,1\n", Instant.now());

        assertThat(fetcher(InProcessSftpServer.PASSWORD, server.hostKeyFingerprint(), Duration.ofMinutes(1)).fetch()).isEmpty();
    }

    @Test
    void serverWithAnotherHostKeyIsRefused() throws IOException {
        file("stock.csv", "sku,quantity\nA,1\n", Instant.now().minusSeconds(60));

        assertThatThrownBy(() -> fetcher(InProcessSftpServer.PASSWORD, "SHA256:" + "A".repeat(43), Duration.ZERO).fetch())
                .isInstanceOf(IOException.class);
    }

    @Test
    void wrongPasswordFailsTheFetch() throws IOException {
        file("stock.csv", "sku,quantity\nA,1\n", Instant.now().minusSeconds(60));

        assertThatThrownBy(() -> fetcher("wrong", server.hostKeyFingerprint(), Duration.ZERO).fetch())
                .isInstanceOf(IOException.class);
    }
}
