package io.inventorysync.reconciliation;

import org.apache.camel.CamelContext;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import io.inventorysync.channel.ListingStore;
import io.inventorysync.connector.ConnectorCatalog;
import io.inventorysync.mapping.SkuMappings;
import io.micrometer.core.instrument.MeterRegistry;

@Configuration(proxyBeanMethods = false)
public class ReconciliationConfiguration {

    @Bean
    @ConfigurationProperties("inventory-sync.reconciliation")
    ReconciliationSettings reconciliationSettings() {
        return new ReconciliationSettings();
    }

    @Bean
    ReconciliationStore reconciliationStore(JdbcTemplate jdbc, ListingStore listings) {
        return new ReconciliationStore(jdbc, listings);
    }

    @Bean
    ChannelReaders channelReaders(CamelContext camel, ConnectorCatalog catalog) {
        return new ChannelReaders(camel, catalog);
    }

    /** Named for the {@code reconciliation} route template's bean call. */
    @Bean("reconciliations")
    Reconciliations reconciliations(ReconciliationStore store, ChannelReaders readers, SkuMappings mappings,
            ReconciliationSettings settings, MeterRegistry meters) {
        return new Reconciliations(store, readers, mappings, settings, meters);
    }

    @Bean(destroyMethod = "close")
    ReconciliationExecutor reconciliationExecutor() {
        return new ReconciliationExecutor();
    }
}
