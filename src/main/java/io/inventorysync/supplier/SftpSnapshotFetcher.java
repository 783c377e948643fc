package io.inventorysync.supplier;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

/**
 * Picks the newest file matching a glob in a directory of an SFTP server ({@code sftp://host[:port]/dir}), with
 * the same rules as {@link DirectorySnapshotFetcher}. The server's host key must match the configured fingerprint
 * ({@code SHA256:...}, as {@code ssh-keygen -lf} prints it): a supplier's stock is not taken from whoever answers.
 * Authentication by password and/or a private key file. SFTP modification times have second resolution.
 */
public final class SftpSnapshotFetcher implements SnapshotFetcher, AutoCloseable {

    private final URI url;
    private final String directory;
    private final PathMatcher matcher;
    private final String username;
    private final String password;
    private final Duration minFileAge;
    private final Duration timeout;
    private final long maxBytes;
    private final Clock clock;
    private final SshClient client;

    public SftpSnapshotFetcher(URI url, String glob, String username, String password, Path privateKey, String hostKey,
            Duration minFileAge, Duration timeout, long maxBytes, Clock clock) {
        this.url = url;
        this.directory = url.getPath() == null || url.getPath().isEmpty() ? "." : url.getPath();
        this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        this.username = username;
        this.password = password;
        this.minFileAge = minFileAge;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier((session, address, key) ->
                hostKey.equals(KeyUtils.getFingerPrint(BuiltinDigests.sha256, key)));
        if (privateKey != null) {
            client.setKeyIdentityProvider(new FileKeyPairProvider(privateKey));
        }
    }

    @Override
    public synchronized Optional<FetchedSnapshot> fetch() throws IOException {
        if (!client.isStarted()) {
            client.start();
        }
        int port = url.getPort() < 0 ? 22 : url.getPort();
        try (ClientSession session = client.connect(username, url.getHost(), port).verify(timeout).getSession()) {
            if (password != null) {
                session.addPasswordIdentity(password);
            }
            session.auth().verify(timeout);
            try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
                Instant youngest = clock.instant().minus(minFileAge);
                SftpClient.DirEntry newest = null;
                for (SftpClient.DirEntry entry : sftp.readDir(directory)) {
                    SftpClient.Attributes attributes = entry.getAttributes();
                    if (!attributes.isRegularFile() || !matcher.matches(Path.of(entry.getFilename()))
                            || modified(entry).isAfter(youngest)) {
                        continue;
                    }
                    if (newest == null || modified(entry).isAfter(modified(newest))
                            || (modified(entry).equals(modified(newest)) && entry.getFilename().compareTo(newest.getFilename()) > 0)) {
                        newest = entry;
                    }
                }
                if (newest == null) {
                    return Optional.empty();
                }
                if (newest.getAttributes().getSize() > maxBytes) {
                    throw new IOException(newest.getFilename() + " is larger than maxFileBytes " + maxBytes);
                }
                String file = directory.endsWith("/") ? directory + newest.getFilename() : directory + "/" + newest.getFilename();
                byte[] content;
                try (InputStream in = sftp.read(file)) {
                    content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                }
                String origin = "sftp://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + file;
                return Optional.of(new FetchedSnapshot(content, modified(newest).truncatedTo(ChronoUnit.MILLIS), origin));
            }
        }
    }

    private static Instant modified(SftpClient.DirEntry entry) {
        return entry.getAttributes().getModifyTime().toInstant();
    }

    @Override
    public void close() throws IOException {
        client.stop();
    }
}
