package io.inventorysync.supplier;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.inventorysync.connector.ConnectorCatalog;
import io.inventorysync.connector.ConnectorDefinition;

/** The suppliers of this deployment: every {@code kind: source}, {@code type: supplier-feed} connector file. */
public final class SupplierFeeds implements AutoCloseable {

    private final Map<String, SupplierFeed> byName;

    private SupplierFeeds(Map<String, SupplierFeed> byName) {
        this.byName = byName;
    }

    /** Checks every supplier file (and reads its mapping once) so that a broken one fails the start. */
    public static SupplierFeeds from(ConnectorCatalog catalog, Clock clock) {
        Map<String, SupplierFeed> feeds = new LinkedHashMap<>();
        for (ConnectorDefinition connector : catalog.sources(SupplierFeedSettings.TYPE)) {
            SupplierFeed feed = SupplierFeed.create(SupplierFeedSettings.from(connector), clock);
            feed.mapping();
            feeds.put(feed.name(), feed);
        }
        return new SupplierFeeds(Map.copyOf(feeds));
    }

    public Optional<SupplierFeed> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public SupplierFeed get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no supplier feed named " + name));
    }

    public Collection<SupplierFeed> all() {
        return byName.values();
    }

    /** Releases what the fetchers hold (the SFTP clients' threads). */
    @Override
    public void close() {
        for (SupplierFeed feed : byName.values()) {
            if (feed.fetcher() instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // shutting down: nothing left to do with it
                }
            }
        }
    }
}
