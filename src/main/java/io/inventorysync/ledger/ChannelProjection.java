package io.inventorysync.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.inventorysync.channel.DesiredListing;
import io.inventorysync.connector.ConnectorDefinition;
import io.inventorysync.mapping.SkuMappings;

/**
 * What each channel may sell of a SKU: the sum over the channel's locations of (on hand − reserved), then
 * the channel's allocation (buffer, percentage, cap, floor 0).
 */
public class ChannelProjection {

    private final List<ConnectorDefinition> channels;
    private final SkuMappings mappings;

    public ChannelProjection(List<ConnectorDefinition> channels, SkuMappings mappings) {
        this.channels = channels;
        this.mappings = mappings;
    }

    public boolean isMapped(String sku) {
        return !mappings.channelsListing(sku).isEmpty();
    }

    /** @param positionsBySku every known location of each SKU */
    public List<DesiredListing> desired(Map<String, ? extends Collection<StockPosition>> positionsBySku) {
        List<DesiredListing> desired = new ArrayList<>();
        positionsBySku.forEach((sku, positions) -> {
            for (ConnectorDefinition channel : channels) {
                if (mappings.listing(channel.name(), sku).isEmpty()) {
                    continue;
                }
                long available = positions.stream().filter(p -> channel.locations().contains(p.locationId()))
                        .mapToLong(StockPosition::available).sum();
                desired.add(new DesiredListing(channel.name(), sku, channel.allocation().sellable(available)));
            }
        });
        return desired;
    }
}
