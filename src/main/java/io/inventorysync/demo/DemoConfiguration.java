package io.inventorysync.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.inventorysync.connector.ConnectorCatalog;
import io.inventorysync.connector.ConnectorConfigException;
import io.inventorysync.connector.ConnectorDefinition;
import io.inventorysync.connectors.shopify.sandbox.ShopifySandbox;

/** The demo of the embedded default: the Shopify sandbox the demo channel points at, and the demo ERP feed. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "inventory-sync.demo.enabled", havingValue = "true")
public class DemoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DemoConfiguration.class);

    @Bean(destroyMethod = "close")
    ShopifySandbox demoShopifySandbox(@Value("${inventory-sync.demo.shopify-sandbox-port:8091}") int port) {
        return ShopifySandbox.start(port);
    }

    @Bean
    DemoFeed demoFeed(ConnectorCatalog catalog) {
        ConnectorDefinition erp = catalog.sources("erp-webhook").stream().findFirst()
                .orElseThrow(() -> new ConnectorConfigException(java.nio.file.Path.of("connectors"),
                        "the demo needs one source of type erp-webhook"));
        return new DemoFeed(erp.name(), erp.setting("secret"));
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> demoBanner(ShopifySandbox sandbox,
            @Value("${server.port:8080}") int port) {
        return event -> LOG.info("""

                ==================== inventory-sync demo is running ====================
                 Demo ERP feed posts signed events to   http://127.0.0.1:{}/api/v1/events
                 Shopify sandbox quantities             {}/sandbox/levels
                 Metrics (Prometheus)                   http://127.0.0.1:{}/actuator/prometheus
                 Dead letters (admin token)             curl -H 'Authorization: Bearer demo-admin-token' http://127.0.0.1:{}/api/v1/dead-letters
                 Data (Kafka, PostgreSQL)               ./data   (delete it to start from scratch)
                ========================================================================
                """, port, sandbox.baseUrl(), port, port);
    }
}
