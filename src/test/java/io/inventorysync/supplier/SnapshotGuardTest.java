package io.inventorysync.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class SnapshotGuardTest {

    private static final String LOCATION = "DS-1";
    private final SnapshotGuard guard = new SnapshotGuard(3, 0.5);

    private static ParsedSnapshot parse(SupplierCsvFormat format, String text) {
        return new SupplierCsvParser(format).parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String reason(java.util.Optional<Quarantine> quarantine) {
        return quarantine.map(Quarantine::reason).orElse("none");
    }

    @Test
    void emptyFileIsQuarantined() {
        assertThat(reason(guard.checkFile(parse(SupplierCsvFormat.DEFAULT, "")))).isEqualTo("empty-file");
        assertThat(reason(guard.checkFile(parse(SupplierCsvFormat.DEFAULT, "sku,quantity\n")))).isEqualTo("empty-file");
    }

    @Test
    void fileWithFewerRowsThanMinRowsIsQuarantinedAsTruncated() {
        assertThat(reason(guard.checkFile(parse(SupplierCsvFormat.DEFAULT, "sku,quantity\nA,1\nB,2\n"))))
                .isEqualTo("too-few-rows");
        assertThat(reason(guard.checkFile(parse(SupplierCsvFormat.DEFAULT, "sku,quantity\nA,1\nB,2\nC,x\n"))))
                .as("a rejected row is still a row of the file").isEqualTo("none");
    }

    @Test
    void fileWithoutItsTrailerIsQuarantinedAsTruncated() {
        SupplierCsvFormat format = SupplierCsvFormat.DEFAULT.withTrailer(Pattern.compile("EOF;(?<rows>\\d+)"));

        assertThat(reason(guard.checkFile(parse(format, "sku,quantity\nA,1\nB,2\nC,3\nEOF;3\n")))).isEqualTo("none");
        assertThat(reason(guard.checkFile(parse(format, "sku,quantity\nA,1\nB,2\nC,3\nD,")))).isEqualTo("trailer-missing");
        assertThat(reason(guard.checkFile(parse(format, "sku,quantity\nA,1\nB,2\nC,3\nEOF;4\n")))).isEqualTo("trailer-mismatch");
    }

    @Test
    void snapshotZeroingMoreThanTheShareIsQuarantined() {
        Map<StockKey, Long> previous = stock(10, 10, 10, 10);

        SnapshotDiff twoOfFour = SnapshotDiff.compare(previous, counts(5, 0, 0, 7), Set.of(), MissingSkuPolicy.ZERO, false);
        SnapshotDiff threeOfFourByDisappearing = SnapshotDiff.compare(previous, counts(5), Set.of(), MissingSkuPolicy.ZERO, false);

        assertThat(reason(guard.checkChanges(twoOfFour))).as("50%% is not more than 50%%").isEqualTo("none");
        assertThat(twoOfFour.zeroed()).isEqualTo(2);
        assertThat(reason(guard.checkChanges(threeOfFourByDisappearing))).isEqualTo("mass-zeroing");
        assertThat(guard.checkChanges(threeOfFourByDisappearing).orElseThrow().detail()).contains("3 of the supplier's 4");
    }

    @Test
    void skusAlreadyAtZeroOrWithARejectedRowDoNotCountAsZeroed() {
        Map<StockKey, Long> previous = stock(10, 0, 0, 10);

        SnapshotDiff diff = SnapshotDiff.compare(previous, counts(10), Set.of("SKU-4"), MissingSkuPolicy.ZERO, false);

        assertThat(diff.stocked()).isEqualTo(2);
        assertThat(diff.zeroed()).isZero();
        assertThat(reason(guard.checkChanges(diff))).isEqualTo("none");
        assertThat(diff.changes()).isEmpty();
        assertThat(diff.next()).containsEntry(key(4), 10L);
    }

    @Test
    void keepPolicyLeavesMissingSkusAlone() {
        SnapshotDiff diff = SnapshotDiff.compare(stock(10, 10, 10), counts(3), Set.of(), MissingSkuPolicy.KEEP, false);

        assertThat(diff.zeroed()).isZero();
        assertThat(diff.changes()).extracting(StockChange::count).containsExactly(3);
        assertThat(diff.next()).containsEntry(key(2), 10L).containsEntry(key(3), 10L);
    }

    @Test
    void firstSnapshotCannotZeroAnything() {
        SnapshotDiff diff = SnapshotDiff.compare(Map.of(), counts(0, 0, 0), Set.of(), MissingSkuPolicy.ZERO, false);

        assertThat(reason(guard.checkChanges(diff))).isEqualTo("none");
        assertThat(diff.changes()).hasSize(3);
    }

    @Test
    void onlyChangedCountsAreEmittedUnlessAllAreAsked() {
        Map<StockKey, Long> previous = stock(10, 10, 10);

        SnapshotDiff changed = SnapshotDiff.compare(previous, counts(10, 4, 10), Set.of(), MissingSkuPolicy.ZERO, false);
        SnapshotDiff all = SnapshotDiff.compare(previous, counts(10, 4, 10), Set.of(), MissingSkuPolicy.ZERO, true);

        assertThat(changed.changes()).singleElement().isEqualTo(new StockChange(key(2), 10L, 4));
        assertThat(all.changes()).hasSize(3);
    }

    @Test
    void guardSettingsOutOfRangeAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SnapshotGuard(0, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SnapshotGuard(1, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static StockKey key(int n) {
        return new StockKey("SKU-" + n, LOCATION);
    }

    private static Map<StockKey, Long> stock(long... quantities) {
        Map<StockKey, Long> stock = new HashMap<>();
        for (int i = 0; i < quantities.length; i++) {
            stock.put(key(i + 1), quantities[i]);
        }
        return stock;
    }

    private static Map<StockKey, Integer> counts(int... quantities) {
        Map<StockKey, Integer> counts = new HashMap<>();
        for (int i = 0; i < quantities.length; i++) {
            counts.put(key(i + 1), quantities[i]);
        }
        return counts;
    }

}
