package io.inventorysync.ops;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.inventorysync.channel.ListingStore;
import io.inventorysync.connector.ConnectorCatalog;

/** Data of the operator dashboard ({@code /ops/}) that no other admin endpoint gives: per-channel activity. */
@RestController
public class OpsController {

    private final ConnectorCatalog catalog;
    private final ListingStore listings;
    private final ChannelActivitySampler sampler;
    private final OpsProperties properties;

    public OpsController(ConnectorCatalog catalog, ListingStore listings, ChannelActivitySampler sampler,
            OpsProperties properties) {
        this.catalog = catalog;
        this.listings = listings;
        this.sampler = sampler;
        this.properties = properties;
    }

    @GetMapping("/api/v1/ops/channels")
    public Map<String, List<ChannelOverview>> channels() {
        return Map.of("channels", catalog.channels().stream().map(channel -> {
            ChannelActivity activity = sampler.activity(channel.name());
            return new ChannelOverview(channel.name(), channel.type(), listings.backlog(channel.name()),
                    listings.oldestPendingSeconds(channel.name()),
                    activity.pushesPerMinute(properties.getThroughputWindow()),
                    activity.failureRate(properties.getFailureWindow()), activity.latencyMillis());
        }).toList());
    }
}
