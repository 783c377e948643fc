package io.inventorysync.connector;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One file under {@code connectors/}: a plugged-in source or channel instance and its settings.
 *
 * @param kind       {@code source} or {@code channel}
 * @param name       unique instance name, e.g. {@code shopify-main}; used in metrics, dead letters and route ids
 * @param type       the connector type, e.g. {@code erp-webhook}, {@code shopify}
 * @param locations  channel only: our locations whose stock the channel sells
 * @param allocation channel only: buffer, allocation percentage and cap
 * @param mapping    channel only: SKU mapping CSV, relative to the connector file
 * @param settings   type-specific settings (URLs, credentials, limits); placeholders already resolved
 * @param file       where it was read from
 */
public record ConnectorDefinition(String kind, String name, String type, List<String> locations,
        Allocation allocation, String mapping, Map<String, String> settings, Path file) {

    public boolean isChannel() {
        return "channel".equals(kind);
    }

    public boolean isSource() {
        return "source".equals(kind);
    }

    public String setting(String key) {
        String value = settings.get(key);
        if (value == null || value.isBlank()) {
            throw new ConnectorConfigException(file, "settings." + key + " is required for type " + type);
        }
        return value;
    }

    public String setting(String key, String fallback) {
        String value = settings.get(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    public Path mappingFile() {
        return mapping == null ? null : file.resolveSibling(mapping);
    }
}
