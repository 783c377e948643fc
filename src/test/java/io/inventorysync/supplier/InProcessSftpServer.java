package io.inventorysync.supplier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/** A real SFTP server (Apache MINA SSHD) on a loopback port, serving one directory to one user with a password. */
public final class InProcessSftpServer implements AutoCloseable {

    public static final String USER = "acme";
    public static final String PASSWORD = "acme-secret";

    private final SshServer server;
    private final String fingerprint;

    private InProcessSftpServer(SshServer server, String fingerprint) {
        this.server = server;
        this.fingerprint = fingerprint;
    }

    public static InProcessSftpServer serve(Path root) {
        try {
            SshServer server = SshServer.setUpDefaultServer();
            server.setHost("127.0.0.1");
            server.setPort(0);
            SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider();
            server.setKeyPairProvider(keys);
            server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
            server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
            server.setFileSystemFactory(new VirtualFileSystemFactory(root));
            server.start();
            KeyPair hostKey = keys.loadKeys(null).iterator().next();
            return new InProcessSftpServer(server, KeyUtils.getFingerPrint(BuiltinDigests.sha256, hostKey.getPublic()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the in-process SFTP server", e);
        }
    }

    public int port() {
        return server.getPort();
    }

    /** The host key fingerprint a supplier file pins ({@code SHA256:...}). */
    public String hostKeyFingerprint() {
        return fingerprint;
    }

    @Override
    public void close() {
        try {
            server.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
