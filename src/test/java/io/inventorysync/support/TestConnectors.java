package io.inventorysync.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import io.inventorysync.connectors.shopify.sandbox.ShopifySandbox;

/** A connectors/ directory for one test: an ERP webhook source and a Shopify channel on the sandbox. */
public final class TestConnectors {

    public static final String SECRET = "it-secret";
    public static final String SOURCE = "erp-it";
    public static final String CHANNEL = "shopify-it";
    public static final String LOCATION_GID = "gid://shopify/Location/77";

    private final Path dir;

    private TestConnectors(Path dir) {
        this.dir = dir;
    }

    /** The connectors of a test whose Shopify channel pushes to the shared sandbox ({@link TestStack#shopify()}). */
    public static TestConnectors onSharedShopify(String buffer, List<String> skus) {
        ShopifySandbox shop = TestStack.shopify();
        return create(shop.baseUrl(), shop.accessToken(), buffer, skus);
    }

    /** @param skus mapped SKUs; each gets a stable inventory item id derived from the SKU ({@link #itemGid}) */
    public static TestConnectors create(String shopUrl, String accessToken, String buffer, List<String> skus) {
        try {
            Path dir = Files.createTempDirectory("inventory-sync-connectors");
            Files.createDirectories(dir.resolve("mappings"));
            Files.writeString(dir.resolve("erp.yaml"), """
                    kind: source
                    name: %s
                    type: erp-webhook
                    settings:
                      secret: %s
                    """.formatted(SOURCE, SECRET));
            Files.writeString(dir.resolve("shopify.yaml"), """
                    kind: channel
                    name: %s
                    type: shopify
                    locations: [WH-1, STORE-1]
                    allocation:
                      buffer: %s
                      percent: 100
                    mapping: mappings/shopify.csv
                    settings:
                      shopUrl: %s
                      accessToken: %s
                      apiVersion: 2026-10
                    """.formatted(CHANNEL, buffer, shopUrl, accessToken));
            TestConnectors connectors = new TestConnectors(dir);
            Files.writeString(dir.resolve("mappings/shopify.csv"), "sku,inventoryItemId,locationId\n");
            skus.forEach(connectors::map);
            return connectors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String itemGid(String sku) {
        return "gid://shopify/InventoryItem/" + Math.abs(sku.hashCode());
    }

    public void map(String sku) {
        try {
            Files.writeString(dir.resolve("mappings/shopify.csv"), sku + "," + itemGid(sku) + "," + LOCATION_GID + "\n",
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }
}
