package io.inventorysync.reconciliation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.inventorysync.channel.ListingQuantity;
import io.inventorysync.connectors.amazon.AmazonListingsClient;
import io.inventorysync.connectors.amazon.SpApiCallRejectedException;

/**
 * Reads Amazon MFN quantities with getListingsItem, one call per listing (the Listings API has no batch read). Each
 * call waits in the seller's shared getListingsItem limiter (5/s, burst 10), so a run never competes unfairly with
 * the feeds and Amazon never has to throttle us; a large channel simply takes its time.
 */
public final class AmazonChannelReader implements ChannelReader {

    private static final Logger LOG = LoggerFactory.getLogger(AmazonChannelReader.class);

    private final AmazonListingsClient client;

    public AmazonChannelReader(AmazonListingsClient client) {
        this.client = client;
    }

    @Override
    public Map<String, Integer> read(List<ListingQuantity> listings) throws Exception {
        Map<String, Integer> shown = new HashMap<>();
        for (ListingQuantity listing : listings) {
            String sellerSku = listing.listing() == null ? null : listing.listing().get(AmazonListingsClient.SELLER_SKU);
            if (sellerSku == null || sellerSku.isBlank()) {
                continue;
            }
            try {
                Optional<Integer> quantity = client.readQuantity(sellerSku);
                quantity.ifPresent(q -> shown.put(listing.sku(), q));
            } catch (SpApiCallRejectedException e) {
                // e.g. 404: the listing is not on Amazon (yet); it cannot be compared, and is not "corrected" either
                LOG.debug("getListingsItem refused for {}: {} {}", sellerSku, e.code(), e.getMessage());
            }
        }
        return shown;
    }
}
