package io.inventorysync.supplier;

import java.time.Clock;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.inventorysync.config.InventorySyncProperties;
import io.inventorysync.connector.ConnectorCatalog;
import io.inventorysync.deadletter.DeadLetterPublisher;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Wires the supplier feeds. Each {@code type: supplier-feed} connector file gets its route from the
 * {@code supplier-feed-ingest} template (routes/supplier-feeds.camel.yaml), which calls {@code supplierFeedPoller}.
 */
@Configuration(proxyBeanMethods = false)
public class SupplierFeedConfiguration {

    @Bean(destroyMethod = "close")
    SupplierFeeds supplierFeeds(ConnectorCatalog catalog) {
        return SupplierFeeds.from(catalog, Clock.systemUTC());
    }

    @Bean
    SupplierSnapshotStore supplierSnapshotStore(JdbcTemplate jdbc) {
        return new SupplierSnapshotStore(jdbc);
    }

    @Bean
    SupplierFeedMetrics supplierFeedMetrics(MeterRegistry meters, SupplierFeeds feeds, SupplierSnapshotStore store) {
        SupplierFeedMetrics metrics = new SupplierFeedMetrics(meters);
        metrics.registerGauges(feeds, store, Clock.systemUTC());
        return metrics;
    }

    @Bean
    SnapshotApplier supplierSnapshotApplier(SupplierSnapshotStore store, ProducerTemplate producer, CamelContext camel,
            InventorySyncProperties properties, DeadLetterPublisher deadLetters, SupplierFeedMetrics metrics) {
        return new SnapshotApplier(store, new SupplierEventEmitter(producer, camel, properties.getTopics().getEvents()),
                new SupplierDeadLetters(deadLetters), metrics);
    }

    @Bean
    SupplierFeedPoller supplierFeedPoller(SupplierFeeds feeds, SupplierSnapshotStore store, SnapshotApplier applier,
            DeadLetterPublisher deadLetters, SupplierFeedMetrics metrics, TransactionTemplate tx) {
        return new SupplierFeedPoller(feeds, store, applier, new SupplierDeadLetters(deadLetters), metrics, tx);
    }

    @Bean
    SnapshotDecisions supplierSnapshotDecisions(SupplierFeeds feeds, SupplierSnapshotStore store, SnapshotApplier applier,
            SupplierFeedMetrics metrics, TransactionTemplate tx) {
        return new SnapshotDecisions(feeds, store, applier, metrics, tx);
    }
}
