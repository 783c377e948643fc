package io.inventorysync.reconciliation;

import java.util.List;
import java.util.Map;

import io.inventorysync.channel.ListingQuantity;

/**
 * Reads back what one channel shows for a chunk of listings. A listing the channel does not have (or whose value
 * it does not report) is absent from the answer; it is then neither a difference nor corrected.
 */
public interface ChannelReader {

    /** @return quantity shown per SKU ({@link ListingQuantity#sku()}) */
    Map<String, Integer> read(List<ListingQuantity> listings) throws Exception;
}
