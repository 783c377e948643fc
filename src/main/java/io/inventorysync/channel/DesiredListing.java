package io.inventorysync.channel;

/** The quantity one channel listing should show, as computed from the ledger. */
public record DesiredListing(String channel, String sku, int quantity) {
}
