package io.inventorysync.supplier;

import java.time.Clock;

/** One configured supplier: its settings and where its snapshots come from. */
public record SupplierFeed(SupplierFeedSettings settings, SnapshotFetcher fetcher) {

    public static SupplierFeed create(SupplierFeedSettings settings, Clock clock) {
        SnapshotFetcher fetcher;
        if (settings.directory() != null) {
            fetcher = new DirectorySnapshotFetcher(settings.directory(), settings.fileName(), settings.minFileAge(),
                    settings.archiveDirectory(), settings.maxFileBytes(), clock);
        } else if ("sftp".equalsIgnoreCase(settings.url().getScheme())) {
            fetcher = new SftpSnapshotFetcher(settings.url(), settings.fileName(), settings.username(), settings.password(),
                    settings.privateKey(), settings.hostKey(), settings.minFileAge(), settings.timeout(),
                    settings.maxFileBytes(), clock);
        } else {
            fetcher = new HttpSnapshotFetcher(settings.url(), settings.username(), settings.password(), settings.timeout(),
                    settings.maxFileBytes(), clock);
        }
        return new SupplierFeed(settings, fetcher);
    }

    public String name() {
        return settings.name();
    }

    /** Read at every poll, so an edited mapping applies from the next poll on without a restart. */
    public SupplierSkuMapping mapping() {
        return settings.mappingFile() == null ? SupplierSkuMapping.identity() : SupplierSkuMapping.read(settings.mappingFile());
    }

    public SupplierCsvParser parser() {
        return new SupplierCsvParser(settings.format());
    }
}
