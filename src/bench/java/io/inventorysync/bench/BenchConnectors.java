package io.inventorysync.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A connectors/ directory with one source and one Shopify channel that maps every benchmark SKU, so the ledger
 * does its full work per event (projection included) and no event turns into an "unmapped SKU" dead letter.
 * Dispatch is switched off in the benchmark, so the shop URL is never called.
 */
final class BenchConnectors {

    private BenchConnectors() {
    }

    static Path create(List<String> skus) {
        try {
            Path dir = Files.createTempDirectory("inventory-sync-bench-connectors");
            Files.createDirectories(dir.resolve("mappings"));
            Files.writeString(dir.resolve("erp.yaml"), """
                    kind: source
                    name: %s
                    type: erp-webhook
                    settings:
                      secret: bench-secret
                    """.formatted(EventStreamGenerator.SOURCE));
            Files.writeString(dir.resolve("shopify.yaml"), """
                    kind: channel
                    name: shopify-bench
                    type: shopify
                    locations: [WH-1, STORE-1]
                    allocation:
                      buffer: 2
                      percent: 100
                    mapping: mappings/shopify.csv
                    settings:
                      shopUrl: http://127.0.0.1:9
                      accessToken: unused
                      apiVersion: 2026-10
                    """);
            Files.writeString(dir.resolve("mappings/shopify.csv"), "sku,inventoryItemId,locationId\n" + skus.stream()
                    .map(sku -> sku + ",gid://shopify/InventoryItem/" + Math.abs(sku.hashCode()) + ",gid://shopify/Location/77")
                    .collect(Collectors.joining("\n", "", "\n")));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
