package io.inventorysync.monitor;

import java.time.Clock;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.inventorysync.config.InventorySyncProperties;
import io.inventorysync.connector.ConnectorCatalog;
import io.micrometer.core.instrument.MeterRegistry;

/** Sync-job monitors: on unless {@code inventory-sync.monitors.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MonitorProperties.class)
@ConditionalOnProperty(name = "inventory-sync.monitors.enabled", havingValue = "true", matchIfMissing = true)
public class MonitorConfiguration {

    @Bean
    MonitorStore monitorStore(JdbcTemplate jdbc) {
        return new MonitorStore(jdbc);
    }

    @Bean(destroyMethod = "close")
    MonitorPinger monitorPinger(MonitorProperties properties, MeterRegistry meters, InventorySyncProperties pipeline) {
        // the instance id names this instance everywhere else too (leases, alerts), so pings are told apart by it
        return new MonitorPinger(properties, meters, pipeline.effectiveInstanceId());
    }

    @Bean(destroyMethod = "close")
    SyncJobMonitors syncJobMonitors(MonitorStore store, TransactionTemplate tx, ApplicationEventPublisher events,
            MonitorPinger pinger, MeterRegistry meters, MonitorProperties properties) {
        return new SyncJobMonitors(store, tx, events, pinger, meters, properties, Clock.systemUTC());
    }

    @Bean
    MonitorEvaluator monitorEvaluator(SyncJobMonitors monitors, MonitorProperties properties) {
        return new MonitorEvaluator(monitors, properties);
    }

    /** Every route gets the monitor policy before Camel creates it (the connector routes come from templates later). */
    @Bean
    CamelContextConfiguration monitorCamelContextConfiguration(SyncJobMonitors monitors, ConnectorCatalog catalog,
            MonitorProperties properties) {
        MonitorRoutePolicyFactory factory = new MonitorRoutePolicyFactory(monitors, new MonitorDefinitions(catalog, properties));
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext context) {
                context.addRoutePolicyFactory(factory);
            }

            @Override
            public void afterApplicationStart(CamelContext context) {
            }
        };
    }
}
