package io.inventorysync.metrics;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.inventorysync.config.InventorySyncProperties;
import io.micrometer.core.instrument.MeterRegistry;

/** The meters computed on a schedule: the ledger's Kafka consumer lag. */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    @Bean
    @ConfigurationProperties("inventory-sync.metrics")
    MetricsSettings metricsSettings() {
        return new MetricsSettings();
    }

    /**
     * The ledger's group on the events topic. The Admin API rather than the Kafka client's own {@code records-lag}
     * metric: that one exists only inside the consumer that owns a partition, so it vanishes exactly when the
     * consumer dies or is rebalanced away, and Camel creates its consumers out of our reach.
     */
    @Bean
    @ConditionalOnProperty(name = "inventory-sync.metrics.consumer-lag-enabled", matchIfMissing = true)
    ConsumerLagGauges ledgerConsumerLag(MetricsSettings settings, MeterRegistry meters, InventorySyncProperties properties,
            @Value("${camel.component.kafka.brokers}") String brokers,
            @Value("${inventory-sync.ledger.group-id:inventory-ledger}") String group) {
        return new ConsumerLagGauges(() -> Admin.create(Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                        AdminClientConfig.CLIENT_ID_CONFIG, "inventory-sync-consumer-lag",
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) settings.getConsumerLagTimeout().toMillis(),
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) settings.getConsumerLagTimeout().toMillis())),
                meters, group, List.of(properties.getTopics().getEvents()), settings.getConsumerLagInterval(),
                settings.getConsumerLagTimeout());
    }
}
