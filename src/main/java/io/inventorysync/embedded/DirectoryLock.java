package io.inventorysync.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive claim on a data directory, held through a lock file inside it, against other processes and
 * against other owners in this JVM alike. The operating system drops it when the process dies, so a killed run
 * leaves nothing to clean up.
 */
final class DirectoryLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @throws IllegalStateException if someone else holds the directory
     */
    static DirectoryLock acquire(Path directory, String lockFileName, String whatUsesIt) {
        Path file = directory.resolve(lockFileName);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(directory, whatUsesIt, null);
            }
            return new DirectoryLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw inUse(directory, whatUsesIt, e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Cannot lock " + file, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot release the lock on a data directory", e);
        }
    }

    private static IllegalStateException inUse(Path directory, String whatUsesIt, Exception cause) {
        return new IllegalStateException(directory + " is in use by another " + whatUsesIt
                + " (in this or another process); stop it or choose another data directory", cause);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // Already failing with the more useful exception.
        }
    }
}
