package io.inventorysync.supplier;

import java.time.Instant;

/**
 * A snapshot file as fetched.
 *
 * @param content     the file's bytes
 * @param snapshotAt  when its counts were taken: see {@link SnapshotFetcher}
 * @param origin      where it came from (path or URL without credentials), for people
 * @param whenHandled run once the snapshot is recorded (applied, quarantined or known already), e.g. to archive it
 */
public record FetchedSnapshot(byte[] content, Instant snapshotAt, String origin, Runnable whenHandled) {

    public FetchedSnapshot(byte[] content, Instant snapshotAt, String origin) {
        this(content, snapshotAt, origin, () -> { });
    }
}
