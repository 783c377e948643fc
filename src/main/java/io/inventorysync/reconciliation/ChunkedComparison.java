package io.inventorysync.reconciliation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.inventorysync.channel.ListingQuantity;

/**
 * Compares a channel with what we pushed there, chunk by chunk: pages through the listings in SKU order (keyed,
 * {@code sku > last}), reads each page back from the channel in one reader call and hands the differences of each
 * page to the sink before the next page is read — so memory holds one page, however large the channel.
 */
public final class ChunkedComparison {

    /** Keyed pages of the listings to compare, in SKU order. */
    @FunctionalInterface
    public interface ListingPages {
        List<ReconciledListing> after(String sku, int limit);
    }

    /** The channel's identifiers for a SKU; empty when the SKU is not mapped on the channel. */
    @FunctionalInterface
    public interface ListingIds {
        Optional<Map<String, String>> of(String sku);
    }

    @FunctionalInterface
    public interface DifferenceSink {
        void accept(List<ListingDifference> differences);
    }

    /** Told the totals so far after each page, so a long run shows how far it got. */
    @FunctionalInterface
    public interface ProgressSink {
        void accept(ComparisonResult soFar);
    }

    private final ListingPages pages;
    private final ListingIds ids;
    private final ChannelReader reader;
    private final int chunkSize;

    public ChunkedComparison(ListingPages pages, ListingIds ids, ChannelReader reader, int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be >= 1: " + chunkSize);
        }
        this.pages = pages;
        this.ids = ids;
        this.reader = reader;
        this.chunkSize = chunkSize;
    }

    public ComparisonResult run(DifferenceSink sink) throws Exception {
        return run(sink, soFar -> { });
    }

    public ComparisonResult run(DifferenceSink sink, ProgressSink progress) throws Exception {
        int compared = 0;
        int unreadable = 0;
        int differences = 0;
        String after = "";
        while (true) {
            List<ReconciledListing> page = pages.after(after, chunkSize);
            if (page.isEmpty()) {
                return new ComparisonResult(compared, unreadable, differences);
            }
            after = page.get(page.size() - 1).sku();
            List<ListingQuantity> request = new ArrayList<>(page.size());
            for (ReconciledListing listing : page) {
                Optional<Map<String, String>> listingIds = ids.of(listing.sku());
                if (listingIds.isPresent()) {
                    request.add(new ListingQuantity(listing.sku(), listingIds.get(), listing.pushedQuantity(),
                            listing.pushedQuantity()));
                } else {
                    unreadable++;
                }
            }
            Map<String, Integer> shown = request.isEmpty() ? Map.of() : reader.read(request);
            List<ListingDifference> found = new ArrayList<>();
            for (ReconciledListing listing : page) {
                Integer quantity = shown.get(listing.sku());
                if (quantity == null) {
                    continue;
                }
                compared++;
                if (quantity != listing.pushedQuantity()) {
                    found.add(new ListingDifference(listing.sku(), listing.pushedQuantity(), quantity, listing.pushedVersion()));
                }
            }
            unreadable += request.size() - (int) request.stream().filter(r -> shown.get(r.sku()) != null).count();
            differences += found.size();
            if (!found.isEmpty()) {
                sink.accept(found);
            }
            progress.accept(new ComparisonResult(compared, unreadable, differences));
            if (page.size() < chunkSize) {
                return new ComparisonResult(compared, unreadable, differences);
            }
        }
    }
}
