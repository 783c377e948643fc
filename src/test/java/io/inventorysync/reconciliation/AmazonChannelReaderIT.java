package io.inventorysync.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.inventorysync.channel.ListingQuantity;
import io.inventorysync.connector.ConnectorCatalog;
import io.inventorysync.connectors.amazon.AmazonListingsClient;
import io.inventorysync.connectors.amazon.sandbox.AmazonSandbox;
import io.inventorysync.connectors.amazon.sandbox.SandboxRateLimits;
import io.inventorysync.support.AmazonChannelFile;
import io.inventorysync.support.FastAmazonSandbox;

/**
 * The Amazon read-back, configured from a channel file like the pack does, against the SP-API sandbox. Time runs 100
 * times faster on both sides (sandbox usage plans and the channel's {@code rateLimitScale}).
 */
class AmazonChannelReaderIT {

    static AmazonSandbox sandbox;
    CamelContext camel;
    ChannelReader reader;

    @BeforeAll
    static void startSandbox() {
        sandbox = FastAmazonSandbox.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void setUp(@TempDir Path dir) throws IOException {
        sandbox.reset();
        Files.createDirectories(dir.resolve("mappings"));
        Files.writeString(dir.resolve("mappings/amazon.csv"), "sku,sellerSku\n");
        Files.writeString(dir.resolve("amazon.yaml"), AmazonChannelFile.yaml("amazon-it", "WH-1", "mappings/amazon.csv",
                sandbox, Map.of("rateLimitScale", FastAmazonSandbox.TIME_SCALE)));
        camel = new DefaultCamelContext();
        camel.start();
        reader = new ChannelReaders(camel, ConnectorCatalog.load(dir, s -> s)).reader("amazon-it");
    }

    @AfterEach
    void noUsagePlanWasViolated() {
        camel.stop();
        assertThat(sandbox.stats().violations()).as("429s the reader caused by going over a usage plan").isEmpty();
    }

    private static ListingQuantity listing(String sku, String sellerSku) {
        return new ListingQuantity(sku, sellerSku == null ? Map.of() : Map.of(AmazonListingsClient.SELLER_SKU, sellerSku),
                1, 1);
    }

    @Test
    void readsTheMerchantFulfilledQuantityOfEachListingBySku() throws Exception {
        sandbox.setQuantity("AMZ-1", 5);
        sandbox.setQuantity("AMZ-2", 0);

        Map<String, Integer> shown = reader.read(List.of(listing("OUR-1", "AMZ-1"), listing("OUR-2", "AMZ-2"),
                listing("OUR-3", "AMZ-NOT-LISTED"), listing("OUR-4", null)));

        assertThat(shown).isEqualTo(Map.of("OUR-1", 5, "OUR-2", 0));
    }

    @Test
    void aChunkLargerThanTheBurstIsReadWithinGetListingsItemsUsagePlan() throws Exception {
        List<ListingQuantity> chunk = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sandbox.setQuantity("AMZ-" + i, i);
            chunk.add(listing("OUR-" + i, "AMZ-" + i));
        }

        Map<String, Integer> shown = reader.read(chunk);

        assertThat(shown).hasSize(40).containsEntry("OUR-39", 39);
        assertThat(sandbox.stats().calls(SandboxRateLimits.GET_LISTINGS_ITEM)).isEqualTo(40);
    }
}
