package io.inventorysync.reconciliation;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.support.PropertyBindingSupport;

import io.inventorysync.channel.ChannelApiMeters;
import io.inventorysync.connector.ConnectorCatalog;
import io.inventorysync.connector.ConnectorConfigException;
import io.inventorysync.connector.ConnectorDefinition;
import io.inventorysync.connectors.amazon.AmazonListingsClient;
import io.inventorysync.connectors.amazon.AmazonListingsComponent;
import io.inventorysync.connectors.amazon.AmazonListingsConfiguration;
import io.inventorysync.connectors.shopify.ShopifyInventoryClient;
import io.inventorysync.connectors.shopify.ShopifyInventoryComponent;
import io.inventorysync.connectors.shopify.ShopifyInventoryConfiguration;

/**
 * The {@link ChannelReader} of each channel file, configured from the file's settings exactly like its sink (same
 * component defaults, same options) and spending the same shared rate-limit budget as the sink.
 */
public class ChannelReaders {

    private final CamelContext camel;
    private final ConnectorCatalog catalog;
    private final Map<String, ChannelReader> readers = new ConcurrentHashMap<>();

    public ChannelReaders(CamelContext camel, ConnectorCatalog catalog) {
        this.camel = camel;
        this.catalog = catalog;
    }

    public ConnectorDefinition channel(String name) {
        return catalog.channels().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no channel named " + name));
    }

    public ChannelReader reader(String channel) {
        return readers.computeIfAbsent(channel, name -> create(channel(name)));
    }

    private ChannelReader create(ConnectorDefinition channel) {
        switch (channel.type()) {
            case "shopify" -> {
                ShopifyInventoryComponent component = camel.getComponent("shopify-inventory", ShopifyInventoryComponent.class);
                ShopifyInventoryConfiguration configuration = component.getConfiguration().copy();
                bind(configuration, channel);
                // the sink kamelet names the shop after the channel, so both share the shop's cost bucket
                return new ShopifyChannelReader(ShopifyInventoryClient.create(configuration.toClientSettings(channel.name()),
                        component.getRateLimiterRegistry(), channel.name(),
                        ChannelApiMeters.of(component.getMeterRegistry(), camel, channel.name())));
            }
            case "amazon" -> {
                AmazonListingsComponent component = camel.getComponent("amazon-listings", AmazonListingsComponent.class);
                AmazonListingsConfiguration configuration = component.getConfiguration().copy();
                bind(configuration, channel);
                return new AmazonChannelReader(AmazonListingsClient.create(
                        configuration.toClientSettings(channel.setting("sellerId")), component.getRateLimiterRegistry(),
                        ChannelApiMeters.of(component.getMeterRegistry(), camel, channel.name())));
            }
            default -> throw new ConnectorConfigException(channel.file(), "reconciliation cannot read channel type "
                    + channel.type());
        }
    }

    /** The channel file's settings onto the component's options; settings that are not options are left out. */
    private void bind(Object configuration, ConnectorDefinition channel) {
        PropertyBindingSupport.build().withIgnoreCase(true).withMandatory(false)
                .bind(camel, configuration, new HashMap<>(channel.settings()));
    }
}
