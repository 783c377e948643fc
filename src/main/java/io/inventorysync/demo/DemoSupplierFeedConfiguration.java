package io.inventorysync.demo;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.inventorysync.connector.ConnectorCatalog;

/**
 * The demo's drop-ship supplier: writes a changing stock file where the {@code acme-dropship} feed (a directory
 * feed) picks it up; without that connector file it writes nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "inventory-sync.demo.enabled", havingValue = "true")
public class DemoSupplierFeedConfiguration {

    static final String SUPPLIER = "acme-dropship";

    @Bean(initMethod = "start", destroyMethod = "stop")
    DemoSupplierFeedWriter demoSupplierFeedWriter(ConnectorCatalog catalog,
            @Value("${inventory-sync.demo.supplier-feed-period:30s}") Duration period) {
        Path directory = catalog.sources("supplier-feed").stream().filter(s -> s.name().equals(SUPPLIER))
                .map(s -> s.setting("directory", null)).filter(d -> d != null).map(Path::of).findFirst().orElse(null);
        return new DemoSupplierFeedWriter(directory, period);
    }
}
