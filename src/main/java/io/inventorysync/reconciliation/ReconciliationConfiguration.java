package io.inventorysync.reconciliation;

import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import io.inventorysync.alert.Alerts;
import io.inventorysync.channel.ListingStore;
import io.inventorysync.channel.control.ChannelControls;
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
            ReconciliationSettings settings, MeterRegistry meters, ChannelControls controls,
            ObjectProvider<Alerts> alerts) {
        return new Reconciliations(store, readers, mappings, settings, meters, controls,
                alerts.getIfAvailable(() -> null) == null ? HeldRunNotifier.NONE : new HeldRunAlerts(alerts.getObject()));
    }

    /** A held run is an incident of its own ({@code reconciliation-held:<channel>}) on the alert ladder. */
    record HeldRunAlerts(Alerts alerts) implements HeldRunNotifier {
        @Override
        public void held(String channel, long runId, String summary) {
            alerts.raise(key(channel), channel, summary);
        }

        @Override
        public void settled(String channel, String resolution) {
            alerts.resolve(key(channel), resolution);
        }

        static String key(String channel) {
            return "reconciliation-held:" + channel;
        }
    }

    @Bean(destroyMethod = "close")
    ReconciliationExecutor reconciliationExecutor() {
        return new ReconciliationExecutor();
    }
}
