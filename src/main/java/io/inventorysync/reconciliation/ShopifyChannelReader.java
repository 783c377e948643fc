package io.inventorysync.reconciliation;

import java.util.List;
import java.util.Map;

import io.inventorysync.channel.ListingQuantity;
import io.inventorysync.connectors.shopify.ShopifyInventoryClient;

/** Reads a chunk of Shopify levels with the client's aliased level queries (chunked under the query cost limit). */
public final class ShopifyChannelReader implements ChannelReader {

    private final ShopifyInventoryClient client;

    public ShopifyChannelReader(ShopifyInventoryClient client) {
        this.client = client;
    }

    @Override
    public Map<String, Integer> read(List<ListingQuantity> listings) throws Exception {
        return client.readQuantities(listings);
    }
}
