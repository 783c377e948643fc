package io.inventorysync.config;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.apache.camel.ProducerTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.inventorysync.channel.ListingStore;
import io.inventorysync.channel.ratelimit.RateLimiterRegistry;
import io.inventorysync.channel.backlog.ListingBacklogComponent;
import io.inventorysync.channel.backlog.ListingChangeListener;
import io.inventorysync.connector.ConnectorCatalog;
import io.inventorysync.deadletter.DeadLetterEnricher;
import io.inventorysync.deadletter.DeadLetterPublisher;
import io.inventorysync.ledger.ChannelProjection;
import io.inventorysync.ledger.EventDecoder;
import io.inventorysync.ledger.SchemaEventDecoder;
import io.inventorysync.ledger.LedgerBatchProcessor;
import io.inventorysync.ledger.LedgerRepository;
import io.inventorysync.ledger.LedgerService;
import io.inventorysync.ledger.LedgerSettings;
import io.inventorysync.ledger.ReservationExpiry;
import io.inventorysync.mapping.SkuMappings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** Wires the ledger, the channel state and the dispatch component from the connector files. */
@Configuration(proxyBeanMethods = false)
public class PipelineConfiguration {

    @Bean
    ConnectorCatalog connectorCatalog(InventorySyncProperties properties, Environment environment) {
        return ConnectorCatalog.load(Path.of(properties.getConnectorsDir()), environment::resolveRequiredPlaceholders);
    }

    /** One registry per application: channel components and dispatchers share each account's limiters. */
    @Bean
    RateLimiterRegistry rateLimiterRegistry() {
        return new RateLimiterRegistry();
    }

    @Bean
    SkuMappings skuMappings(ConnectorCatalog catalog) {
        return new SkuMappings(catalog);
    }

    @Bean
    LedgerRepository ledgerRepository(JdbcTemplate jdbc, MeterRegistry meters) {
        LedgerRepository repository = new LedgerRepository(jdbc);
        Gauge.builder("inventory.negative.positions", repository, LedgerRepository::countNegativePositions)
                .description("SKU x location positions whose available quantity is below zero (critical)")
                .register(meters);
        return repository;
    }

    @Bean
    ListingStore listingStore(JdbcTemplate jdbc) {
        return new ListingStore(jdbc);
    }

    @Bean
    DeadLetterPublisher deadLetterPublisher(ProducerTemplate producer) {
        return new DeadLetterPublisher(producer);
    }

    @Bean
    DeadLetterEnricher deadLetterEnricher(MeterRegistry meters) {
        return new DeadLetterEnricher(meters);
    }

    @Bean
    ReservationExpiry reservationExpiry(JdbcTemplate jdbc, MeterRegistry meters) {
        return new ReservationExpiry(jdbc, meters, 1000);
    }

    @Bean
    LedgerBatchProcessor ledgerBatchProcessor(LedgerService ledger, MeterRegistry meters) {
        return new LedgerBatchProcessor(ledger, meters);
    }

    @Bean
    EventDecoder eventDecoder() {
        return new SchemaEventDecoder();
    }

    @Bean
    LedgerService ledgerService(TransactionTemplate tx, LedgerRepository repository, ConnectorCatalog catalog,
            SkuMappings mappings, ListingStore listings, EventDecoder decoder, DeadLetterPublisher deadLetters,
            MeterRegistry meters, InventorySyncProperties properties) {
        return new LedgerService(tx, repository, new ChannelProjection(catalog.channels(), mappings),
                listings::writeDesired, decoder, deadLetters, meters,
                new LedgerSettings(properties.getTopics().getEvents(), properties.getReservations().getHoldTtl()));
    }

    @Bean(destroyMethod = "close")
    ListingChangeListener listingChangeListener(DataSource dataSource) {
        return new ListingChangeListener(dataSource);
    }

    @Bean("listing-backlog")
    ListingBacklogComponent listingBacklogComponent(ListingStore store, SkuMappings mappings,
            DeadLetterPublisher deadLetters, ListingChangeListener changes, MeterRegistry meters,
            InventorySyncProperties properties, RateLimiterRegistry rateLimiters) {
        return new ListingBacklogComponent(store, mappings, deadLetters, changes, meters, properties.effectiveInstanceId(),
                rateLimiters);
    }
}
