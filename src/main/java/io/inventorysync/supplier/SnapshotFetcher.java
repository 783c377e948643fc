package io.inventorysync.supplier;

import java.io.IOException;
import java.util.Optional;

/**
 * Fetches a supplier's current snapshot file. The snapshot's time, which becomes the timestamp of its absolute
 * counts, is the file's modification time where the source has one (directory and SFTP: when the supplier wrote
 * its export, which is closest to when it counted; HTTP: the {@code Last-Modified} header), else the fetch time.
 * The earlier time is the safe one: a sale recorded after the export but before the fetch must not be superseded by
 * a count that did not include it.
 */
public interface SnapshotFetcher {

    /**
     * @return the newest snapshot the source holds, or empty when it holds none yet
     * @throws IOException when the source cannot be read; the poll fails and the next one tries again
     */
    Optional<FetchedSnapshot> fetch() throws IOException;
}
