package io.inventorysync.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL runs as a separate process. When the JVM that started it is killed (kill -9, an IDE's hard stop),
 * the server keeps running and keeps its data directory locked, so the next start on that directory would fail
 * after a long wait with a confusing error. This finds such a left-over server and stops it.
 */
final class OrphanedPostmaster {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanedPostmaster.class);

    /** zonky holds a file lock on this file in the data directory for as long as its JVM runs the server. */
    private static final String ZONKY_LOCK_FILE = "epg-lock";
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private OrphanedPostmaster() {
    }

    /**
     * Stops the server recorded in {@code dataDir}/postmaster.pid if it is alive while no JVM owns the directory.
     *
     * @throws IllegalStateException if another live process is using the directory, or the orphan will not stop
     */
    static void stopIfAny(Path dataDir) {
        Optional<ProcessHandle> postmaster = runningPostmaster(dataDir);
        if (postmaster.isEmpty()) {
            return;
        }
        if (ownedByLiveJvm(dataDir)) {
            throw new IllegalStateException("PostgreSQL data directory " + dataDir
                    + " is in use by another running process (PostgreSQL pid " + postmaster.get().pid()
                    + "); stop it or use another data directory");
        }
        ProcessHandle orphan = postmaster.get();
        LOG.warn("Stopping PostgreSQL (pid {}) left running on {} by a previous run that did not shut down",
                orphan.pid(), dataDir);
        // SIGTERM: a "smart" shutdown; the sessions of the dead JVM are gone, so it completes promptly and
        // leaves a cleanly checkpointed cluster.
        orphan.destroy();
        try {
            orphan.onExit().get(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException("PostgreSQL pid " + orphan.pid() + " on " + dataDir
                    + " did not stop within " + SHUTDOWN_WAIT + "; stop it by hand", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted stopping PostgreSQL pid " + orphan.pid(), e);
        }
    }

    /** The live postmaster named in postmaster.pid; a stale file (process gone, or pid reused) is ignored. */
    private static Optional<ProcessHandle> runningPostmaster(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        long pid;
        try {
            List<String> lines = Files.readAllLines(pidFile);
            pid = Long.parseLong(lines.get(0).trim());
        } catch (IOException | RuntimeException e) {
            // PostgreSQL judges an unreadable pid file itself on start.
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
    }

    private static boolean ownedByLiveJvm(Path dataDir) {
        Path lockFile = dataDir.resolve(ZONKY_LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot check the lock on " + lockFile, e);
        }
    }
}
