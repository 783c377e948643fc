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
import io.inventorysync.connectors.amazon.sandbox.AmazonSandbox;
import io.inventorysync.connectors.amazon.sandbox.AmazonSandboxSettings;
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

    /** Runs 20 times faster than Amazon, like the demo channel's rate limiting (connectors/amazon-main.yaml). */
    @Bean(destroyMethod = "close")
    AmazonSandbox demoAmazonSandbox(@Value("${inventory-sync.demo.amazon-sandbox-port:8092}") int port) {
        return AmazonSandbox.start(AmazonSandboxSettings.defaults().withTimeScale(20), port);
    }

    @Bean
    DemoFeed demoFeed(ConnectorCatalog catalog) {
        ConnectorDefinition erp = catalog.sources("erp-webhook").stream().findFirst()
                .orElseThrow(() -> new ConnectorConfigException(java.nio.file.Path.of("connectors"),
                        "the demo needs one source of type erp-webhook"));
        return new DemoFeed(erp.name(), erp.setting("secret"));
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> demoBanner(ShopifySandbox sandbox, AmazonSandbox amazon,
            @Value("${server.port:8080}") int port) {
        return event -> LOG.info("""

                ==================== inventory-sync demo is running ====================
                 Demo ERP feed posts signed events to   http://127.0.0.1:{}/api/v1/events
                 Shopify sandbox quantities             {}/sandbox/levels
                 Amazon sandbox quantities (feeds)      {}/sandbox/listings   and {}/sandbox/feeds
                 Drop-ship supplier files               ./data/feeds/acme-dropship/
                 Metrics (Prometheus)                   http://127.0.0.1:{}/actuator/prometheus
                 Dead letters (admin token)             curl -H 'Authorization: Bearer demo-admin-token' http://127.0.0.1:{}/api/v1/dead-letters
                 Data (Kafka, PostgreSQL)               ./data   (delete it to start from scratch)
                ========================================================================
                """, port, sandbox.baseUrl(), amazon.baseUrl(), amazon.baseUrl(), port, port);
    }
}
