package io.inventorysync.channel.control;

import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.inventorysync.channel.ListingStore;
import io.inventorysync.connector.ConnectorCatalog;
import io.inventorysync.connector.ConnectorConfigException;
import io.inventorysync.connector.ConnectorDefinition;
import io.inventorysync.mapping.SkuMappings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Wires the channel controls, records each channel file's {@code settings.shadow} before the dispatchers start (the
 * Camel routes start after every singleton exists), and registers the control gauges per channel.
 */
@Configuration(proxyBeanMethods = false)
public class ChannelControlConfiguration {

    /** Channel file setting: {@code true} runs the channel in shadow mode (no pushes) until an operator says otherwise. */
    public static final String SHADOW_SETTING = "shadow";

    @Bean
    @ConfigurationProperties("inventory-sync.channel-controls")
    ChannelControlSettings channelControlSettings() {
        return new ChannelControlSettings();
    }

    @Bean
    ChannelControlStore channelControlStore(JdbcTemplate jdbc) {
        return new ChannelControlStore(jdbc);
    }

    @Bean
    ChannelControls channelControls(ChannelControlStore store, ListingStore listings, TransactionTemplate tx,
            ConnectorCatalog catalog, SkuMappings mappings, ChannelControlSettings settings, MeterRegistry meters) {
        ChannelControls controls = new ChannelControls(store, listings, tx,
                catalog.channels().stream().map(ConnectorDefinition::name).collect(Collectors.toSet()), mappings,
                settings.getHistoryShown());
        for (ConnectorDefinition channel : catalog.channels()) {
            controls.applyFileSetting(channel.name(), shadowSetting(channel));
            String name = channel.name();
            Gauge.builder("inventory.channel.paused", controls, c -> c.paused(name) ? 1 : 0)
                    .description("1 while an operator has paused the channel's pushes").tag("channel", name)
                    .register(meters);
            Gauge.builder("inventory.channel.shadow", controls, c -> c.shadow(name) ? 1 : 0)
                    .description("1 while the channel runs in shadow mode (no pushes)").tag("channel", name)
                    .register(meters);
            Gauge.builder("inventory.channel.limited.availability", controls, c -> c.engaged(name).isPresent() ? 1 : 0)
                    .description("1 while limited availability is published on the channel").tag("channel", name)
                    .register(meters);
        }
        return controls;
    }

    private static boolean shadowSetting(ConnectorDefinition channel) {
        String value = channel.setting(SHADOW_SETTING, "false").trim();
        if (!value.equals("true") && !value.equals("false")) {
            throw new ConnectorConfigException(channel.file(), "settings.shadow must be true or false, was " + value);
        }
        return Boolean.parseBoolean(value);
    }
}
