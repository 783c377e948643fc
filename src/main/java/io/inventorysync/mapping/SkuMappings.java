package io.inventorysync.mapping;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.inventorysync.connector.ConnectorCatalog;
import io.inventorysync.connector.ConnectorConfigException;
import io.inventorysync.connector.ConnectorDefinition;

/**
 * Our SKU → each channel's listing identifiers, from each channel's mapping CSV. The first column is
 * {@code sku}; the other header names become the listing keys the channel's client reads (for Shopify
 * {@code inventoryItemId,locationId}). {@link #reload()} re-reads every file atomically.
 */
public final class SkuMappings {

    private final ConnectorCatalog catalog;
    private final AtomicReference<Map<String, Map<String, Map<String, String>>>> byChannel = new AtomicReference<>(Map.of());

    public SkuMappings(ConnectorCatalog catalog) {
        this.catalog = catalog;
        reload();
    }

    /** Re-reads every channel's mapping file; a broken file fails the reload and keeps the previous mappings. */
    public int reload() {
        Map<String, Map<String, Map<String, String>>> next = new HashMap<>();
        int rows = 0;
        for (ConnectorDefinition channel : catalog.channels()) {
            Map<String, Map<String, String>> listings = read(channel.mappingFile());
            next.put(channel.name(), listings);
            rows += listings.size();
        }
        byChannel.set(Map.copyOf(next));
        return rows;
    }

    private static Map<String, Map<String, String>> read(Path file) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setCommentMarker('#').get();
        try (Reader reader = Files.newBufferedReader(file); CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty() || !header.get(0).equals("sku")) {
                throw new ConnectorConfigException(file, "mapping CSV must start with a 'sku' column");
            }
            Map<String, Map<String, String>> listings = new LinkedHashMap<>();
            for (CSVRecord row : parser) {
                Map<String, String> listing = new LinkedHashMap<>();
                for (String column : header.subList(1, header.size())) {
                    listing.put(column, row.get(column));
                }
                listings.put(row.get("sku"), Map.copyOf(listing));
            }
            return listings;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new ConnectorConfigException(file, "cannot read SKU mapping: " + e.getMessage(), e);
        }
    }

    public Optional<Map<String, String>> listing(String channel, String sku) {
        return Optional.ofNullable(byChannel.get().getOrDefault(channel, Map.of()).get(sku));
    }

    /** The channels that list this SKU; empty means the SKU is unmapped everywhere. */
    public List<String> channelsListing(String sku) {
        List<String> channels = new ArrayList<>();
        byChannel.get().forEach((channel, listings) -> {
            if (listings.containsKey(sku)) {
                channels.add(channel);
            }
        });
        return channels;
    }
}
