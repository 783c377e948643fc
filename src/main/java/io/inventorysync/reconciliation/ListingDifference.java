package io.inventorysync.reconciliation;

/** A listing that shows something else on the channel than what we last pushed there. */
public record ListingDifference(String sku, int expectedQuantity, int channelQuantity, long pushedVersion) {

    public int difference() {
        return channelQuantity - expectedQuantity;
    }
}
