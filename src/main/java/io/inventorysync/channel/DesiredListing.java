package io.inventorysync.channel;

import java.time.Instant;

/**
 * The quantity one channel listing should show, as computed from the ledger.
 *
 * @param eventAt timestamp of the earliest event of the batch that moved this listing's SKU, or null when unknown;
 *                end-to-end latency is measured from it
 */
public record DesiredListing(String channel, String sku, int quantity, Instant eventAt) {

    public DesiredListing(String channel, String sku, int quantity) {
        this(channel, sku, quantity, null);
    }

    public DesiredListing withEventAt(Instant eventAt) {
        return new DesiredListing(channel, sku, quantity, eventAt);
    }
}
