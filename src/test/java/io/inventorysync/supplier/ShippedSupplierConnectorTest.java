package io.inventorysync.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.inventorysync.connector.ConnectorCatalog;
import io.inventorysync.demo.DemoSupplierFeedWriter;

/** The supplier file shipped in connectors/ is valid, and the demo writer's files are what it expects. */
class ShippedSupplierConnectorTest {

    @Test
    void demoSuppliersFilesApplyCleanlyWithTheShippedConnectorFile(@TempDir Path feed) throws Exception {
        ConnectorCatalog catalog = ConnectorCatalog.load(Path.of("connectors"), value -> value.replaceAll("\\$\\{[^:}]+:([^}]*)}", "$1"));
        SupplierFeed acme = SupplierFeeds.from(catalog, Clock.systemUTC()).get("acme-dropship");
        DemoSupplierFeedWriter writer = new DemoSupplierFeedWriter(feed, Duration.ofSeconds(30));

        for (int i = 0; i < 5; i++) {
            Path file = writer.writeOnce();
            ParsedSnapshot parsed = acme.parser().parse(Files.readAllBytes(file));
            MappedSnapshot mapped = MappedSnapshot.map(parsed, acme.mapping(), acme.settings().locations());

            assertThat(acme.settings().guard().checkFile(parsed)).isEmpty();
            assertThat(mapped.rejected()).isEmpty();
            assertThat(mapped.counts()).hasSize(6).containsKey(new StockKey("GADGET-002", "DROPSHIP-ACME"));
        }
        assertThat(acme.settings().directory()).isEqualTo(Path.of("./data/feeds/acme-dropship"));
    }
}
