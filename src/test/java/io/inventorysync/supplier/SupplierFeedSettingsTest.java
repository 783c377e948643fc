package io.inventorysync.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.inventorysync.connector.Allocation;
import io.inventorysync.connector.ConnectorConfigException;
import io.inventorysync.connector.ConnectorDefinition;

class SupplierFeedSettingsTest {

    private static ConnectorDefinition supplier(List<String> locations, Map<String, String> settings) {
        return new ConnectorDefinition("source", "acme", "supplier-feed", locations, Allocation.ALL, null, settings,
                Path.of("connectors/acme.yaml"));
    }

    @Test
    void directoryFeedGetsTheDocumentedDefaults() {
        SupplierFeedSettings settings = SupplierFeedSettings.from(supplier(List.of("DS-1"), Map.of("directory", "/feeds/acme")));

        assertThat(settings.format()).isEqualTo(SupplierCsvFormat.DEFAULT);
        assertThat(settings.fileName()).isEqualTo("*.csv");
        assertThat(settings.minFileAge()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.guard()).isEqualTo(new SnapshotGuard(1, 0.5));
        assertThat(settings.missingSku()).isEqualTo(MissingSkuPolicy.ZERO);
        assertThat(settings.emitAll()).isFalse();
        assertThat(settings.keepFiles()).isEqualTo(10);
        assertThat(settings.mappingFile()).isNull();
    }

    @Test
    void formatWithoutHeaderDefaultsToTheFirstTwoColumns() {
        SupplierFeedSettings settings = SupplierFeedSettings.from(supplier(List.of("DS-1"),
                Map.of("url", "https://supplier.example/stock.csv", "header", "false", "delimiter", "tab")));

        assertThat(settings.format().skuColumn()).isEqualTo("1");
        assertThat(settings.format().quantityColumn()).isEqualTo("2");
        assertThat(settings.format().delimiter()).isEqualTo('\t');
    }

    @Test
    void misconfiguredSupplierFailsTheStartWithTheFileAndTheProblem() {
        assertThatThrownBy(() -> SupplierFeedSettings.from(supplier(List.of("DS-1"), Map.of("directory", "d", "maxZeroShare", "0.1"))))
                .isInstanceOf(ConnectorConfigException.class).hasMessageContaining("acme.yaml").hasMessageContaining("maxZeroShare");
        assertThatThrownBy(() -> SupplierFeedSettings.from(supplier(List.of("DS-1"), Map.of())))
                .hasMessageContaining("exactly one of settings.directory and settings.url");
        assertThatThrownBy(() -> SupplierFeedSettings.from(supplier(List.of(), Map.of("directory", "d"))))
                .hasMessageContaining("locations");
        assertThatThrownBy(() -> SupplierFeedSettings.from(supplier(List.of("A", "B"), Map.of("directory", "d"))))
                .hasMessageContaining("locationColumn");
        assertThatThrownBy(() -> SupplierFeedSettings.from(supplier(List.of("DS-1"), Map.of("url", "ftp://x/y"))))
                .hasMessageContaining("http");
        assertThatThrownBy(() -> SupplierFeedSettings.from(supplier(List.of("DS-1"),
                Map.of("url", "sftp://host/out", "username", "u", "password", "p"))))
                .as("a supplier's stock is not taken from whoever answers").hasMessageContaining("hostKey");
        assertThatThrownBy(() -> SupplierFeedSettings.from(supplier(List.of("DS-1"), Map.of("directory", "d", "maxZeroedShare", "2"))))
                .hasMessageContaining("maxZeroedShare");
        assertThatThrownBy(() -> SupplierFeedSettings.from(supplier(List.of("DS-1"), Map.of("directory", "d", "trailer", "EOF("))))
                .hasMessageContaining("regular expression");
    }

    @Test
    void monitorSettingsIncludingThePingProtocolAreAcceptedBesideTheFeedsOwn() {
        assertThatCode(() -> SupplierFeedSettings.from(supplier(List.of("DS-1"), Map.of("directory", "d",
                "velocityClass", "fast", "monitorGrace", "PT20M", "monitorTimeout", "PT10M",
                "monitorPingUrl", "https://cronitor.link/p/key/acme", "monitorPingProtocol", "cronitor"))))
                .doesNotThrowAnyException();
    }

    @Test
    void rowsOfOneSkuListedTwiceAreRejectedAndItsCountStaysUnknown() {
        SupplierCsvParser parser = new SupplierCsvParser(SupplierCsvFormat.DEFAULT);
        ParsedSnapshot parsed = parser.parse("sku,quantity\nA,1\nB,2\nA,3\nC,x\n".getBytes());

        MappedSnapshot mapped = MappedSnapshot.map(parsed, SupplierSkuMapping.identity(), List.of("DS-1"));

        assertThat(mapped.counts()).containsOnlyKeys(new StockKey("B", "DS-1"));
        assertThat(mapped.rejected()).extracting(RejectedRow::row).containsExactly(1, 3, 4);
        assertThat(mapped.uncertainSkus()).containsExactlyInAnyOrder("A", "C");
    }
}
