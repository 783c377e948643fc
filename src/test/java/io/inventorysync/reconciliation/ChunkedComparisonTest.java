package io.inventorysync.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.inventorysync.channel.ListingQuantity;

class ChunkedComparisonTest {

    /** Our side: pushed quantity per SKU, served in keyed pages, recording every page request. */
    private final TreeMap<String, Integer> pushed = new TreeMap<>();
    private final List<String> pageRequests = new ArrayList<>();
    /** The channel's side. */
    private final Map<String, Integer> channel = new HashMap<>();
    private final List<Integer> readSizes = new ArrayList<>();
    private final List<ListingDifference> recorded = new ArrayList<>();
    private final List<Integer> sinkCalls = new ArrayList<>();

    private List<ReconciledListing> page(String after, int limit) {
        pageRequests.add(after);
        return pushed.tailMap(after, false).entrySet().stream().limit(limit)
                .map(e -> new ReconciledListing(e.getKey(), e.getValue(), 7)).toList();
    }

    private Map<String, Integer> read(List<ListingQuantity> listings) {
        readSizes.add(listings.size());
        Map<String, Integer> shown = new HashMap<>();
        listings.forEach(l -> {
            assertThat(l.listing()).containsEntry("id", "ID-" + l.sku());
            if (channel.containsKey(l.sku())) {
                shown.put(l.sku(), channel.get(l.sku()));
            }
        });
        return shown;
    }

    private ComparisonResult compare(int chunkSize) throws Exception {
        return new ChunkedComparison(this::page, sku -> sku.startsWith("UNMAPPED") ? Optional.empty()
                : Optional.of(Map.of("id", "ID-" + sku)), this::read, chunkSize)
                .run(differences -> {
                    sinkCalls.add(differences.size());
                    recorded.addAll(differences);
                });
    }

    private void listing(String sku, int pushedQuantity, Integer shown) {
        pushed.put(sku, pushedQuantity);
        if (shown != null) {
            channel.put(sku, shown);
        }
    }

    @Test
    void pagesByKeyAndReadsEachPageInOneCall() throws Exception {
        IntStream.rangeClosed(1, 7).forEach(i -> listing("SKU-%02d".formatted(i), i, i));

        ComparisonResult result = compare(3);

        assertThat(pageRequests).containsExactly("", "SKU-03", "SKU-06");
        assertThat(readSizes).containsExactly(3, 3, 1);
        assertThat(result).isEqualTo(new ComparisonResult(7, 0, 0));
        assertThat(sinkCalls).isEmpty();
    }

    @Test
    void progressIsReportedAfterEveryPageWithTheTotalsSoFar() throws Exception {
        IntStream.rangeClosed(1, 7).forEach(i -> listing("SKU-%02d".formatted(i), i, i == 5 ? 50 : i));
        List<ComparisonResult> progress = new ArrayList<>();

        ComparisonResult result = new ChunkedComparison(this::page, sku -> Optional.of(Map.of("id", "ID-" + sku)),
                this::read, 3).run(recorded::addAll, progress::add);

        assertThat(progress).containsExactly(new ComparisonResult(3, 0, 0), new ComparisonResult(6, 0, 1),
                new ComparisonResult(7, 0, 1));
        assertThat(result).isEqualTo(progress.get(progress.size() - 1));
    }

    @Test
    void differencesAreHandedOverPageByPageWithWhatTheChannelShows() throws Exception {
        listing("A", 10, 10);
        listing("B", 5, 2);
        listing("C", 0, 0);
        listing("D", 4, 9);
        listing("E", 1, 1);

        ComparisonResult result = compare(2);

        assertThat(sinkCalls).containsExactly(1, 1);
        assertThat(recorded).containsExactly(new ListingDifference("B", 5, 2, 7), new ListingDifference("D", 4, 9, 7));
        assertThat(recorded.get(0).difference()).isEqualTo(-3);
        assertThat(result.compared()).isEqualTo(5);
        assertThat(result.differences()).isEqualTo(2);
        assertThat(result.discrepancyRate()).isEqualTo(0.4);
    }

    @Test
    void unmappedAndUnreadableListingsAreNeitherComparedNorDifferences() throws Exception {
        listing("A", 3, 4);
        listing("NOT-ON-CHANNEL", 2, null);
        listing("UNMAPPED-1", 8, 1);

        ComparisonResult result = compare(10);

        assertThat(readSizes).containsExactly(2);
        assertThat(result).isEqualTo(new ComparisonResult(1, 2, 1));
        assertThat(recorded).extracting(ListingDifference::sku).containsExactly("A");
    }

    @Test
    void emptyChannelComparesNothingAndReadsNothing() throws Exception {
        ComparisonResult result = compare(5);

        assertThat(result).isEqualTo(new ComparisonResult(0, 0, 0));
        assertThat(result.discrepancyRate()).isZero();
        assertThat(readSizes).isEmpty();
        assertThat(pageRequests).containsExactly("");
    }

    @Test
    void fullLastPageIsFollowedByOneEmptyPage() throws Exception {
        IntStream.rangeClosed(1, 4).forEach(i -> listing("S" + i, 1, 1));

        compare(2);

        assertThat(pageRequests).containsExactly("", "S2", "S4");
        assertThat(readSizes).containsExactly(2, 2);
    }

    @Test
    void failedReadStopsTheComparison() {
        listing("A", 1, 1);

        assertThatThrownBy(() -> new ChunkedComparison(this::page, sku -> Optional.of(Map.of()), listings -> {
            throw new IllegalStateException("channel down");
        }, 10).run(differences -> { })).hasMessage("channel down");
    }
}
