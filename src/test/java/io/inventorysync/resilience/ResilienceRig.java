package io.inventorysync.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import io.inventorysync.connectors.amazon.sandbox.AmazonSandbox;
import io.inventorysync.connectors.amazon.sandbox.AmazonSandboxSettings;
import io.inventorysync.connectors.shopify.sandbox.ShopifySandbox;
import io.inventorysync.support.AmazonChannelFile;
import io.inventorysync.support.AppProcess;
import io.inventorysync.support.AppUnderTest;
import io.inventorysync.support.TestConnectors;
import io.inventorysync.support.TestStack;

/**
 * The real parts of one resilience test: its own Shopify and Amazon sandboxes (faults armed in one test never
 * reach another), a connectors folder with a Shopify and an Amazon channel both selling WH-1 and STORE-1, its own
 * PostgreSQL schema, topics and consumer groups, and the properties to start the pack against them as a child JVM.
 * Several instances started from one rig share the schema, the topics and the consumer group, like a
 * deployment's replicas.
 */
final class ResilienceRig implements AutoCloseable {

    static final String SHOPIFY = TestConnectors.CHANNEL;
    static final String AMAZON = "amazon-res";
    static final double AMAZON_TIME_SCALE = 50;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String name;
    final String schema;
    final ShopifySandbox shopify;
    final AmazonSandbox amazon;
    final TestConnectors connectors;
    final JdbcTemplate jdbc;
    final Path logDir;
    private final Map<String, String> properties = new LinkedHashMap<>();

    /**
     * @param amazonSkus the SKUs Amazon knows; a SKU mapped but unknown there is refused by Amazon (13013)
     * @param brokers    Kafka bootstrap servers
     */
    ResilienceRig(String name, List<String> skus, List<String> amazonSkus, String brokers) {
        this.name = name;
        this.schema = TestStack.freshSchema(name);
        this.shopify = ShopifySandbox.start(0);
        this.amazon = AmazonSandbox.start(AmazonSandboxSettings.defaults().withTimeScale(AMAZON_TIME_SCALE)
                .withDelays(Duration.ofMillis(100), Duration.ofMillis(200)).withAcceptUnknownSkus(false), 0);
        amazon.registerSkus(amazonSkus);
        this.connectors = TestConnectors.create(shopify.baseUrl(), shopify.accessToken(), "0", skus);
        writeAmazonChannel(skus);
        // one connection for all the test's reads: the proofs poll, and PostgreSQL's connection slots are shared
        this.jdbc = new JdbcTemplate(new SingleConnectionDataSource(TestStack.postgresUrl(schema), "postgres", "", true));
        try {
            this.logDir = Files.createDirectories(Path.of("target", "resilience-it"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.put("inventory-sync.embedded.enabled", "false");
        properties.put("inventory-sync.demo.enabled", "false");
        properties.put("camel.main.routes-include-pattern", "classpath:routes/*.camel.yaml");
        properties.put("camel.component.kafka.brokers", brokers);
        // a killed instance leaves the group after 6 s (the broker's minimum) instead of 45 s
        properties.put("camel.component.kafka.session-timeout-ms", "6000");
        properties.put("camel.component.kafka.heartbeat-interval-ms", "1000");
        properties.put("spring.datasource.url", TestStack.postgresUrl(schema));
        properties.put("spring.flyway.schemas", schema);
        properties.put("spring.flyway.default-schema", schema);
        properties.put("inventory-sync.topics.events", "res-" + run + ".events");
        properties.put("inventory-sync.topics.dead-letters", "res-" + run + ".dead-letters");
        properties.put("inventory-sync.ledger.group-id", "res-ledger-" + run);
        properties.put("inventory-sync.dead-letters.index-group-id", "res-dl-index-" + run);
        properties.put("inventory-sync.connectors-dir", connectors.dir().toString());
        properties.put("inventory-sync.admin.token", AppUnderTest.ADMIN_TOKEN);
        // a crashed instance's claims expire within seconds, and a retry after a fault storm waits 4 s at most
        properties.put("inventory-sync.dispatch.lease", "5s");
        properties.put("inventory-sync.dispatch.poll-interval", "1s");
        properties.put("inventory-sync.dispatch.initial-backoff", "200ms");
        properties.put("inventory-sync.dispatch.max-backoff", "4s");
        // holds must not lapse during a test: the expected ledger has no clock
        properties.put("inventory-sync.reservations.hold-ttl", "1d");
    }

    String eventsTopic() {
        return properties.get("inventory-sync.topics.events");
    }

    /** Overrides or adds a property for instances started from now on. */
    ResilienceRig with(String key, String value) {
        properties.put(key, value);
        return this;
    }

    AppProcess start(String instance) {
        Map<String, String> instanceProperties = new LinkedHashMap<>(properties);
        instanceProperties.put("inventory-sync.instance-id", instance);
        return AppProcess.start(instanceProperties, logDir.resolve(name + "-" + run + "-" + instance + ".log"),
                Duration.ofMinutes(4));
    }

    private void writeAmazonChannel(List<String> skus) {
        try {
            Files.writeString(connectors.dir().resolve("amazon.yaml"), AmazonChannelFile.yaml(AMAZON, "WH-1, STORE-1",
                    "mappings/amazon.csv", amazon, Map.of("rateLimitScale", AMAZON_TIME_SCALE, "feedPollInterval", 100,
                            "maxFeedWait", 10000, "lease", "15s", "pollInterval", "500ms")));
            Files.writeString(connectors.dir().resolve("mappings/amazon.csv"),
                    "sku,sellerSku\n" + skus.stream().map(sku -> sku + "," + sku + "\n").collect(Collectors.joining()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        ((SingleConnectionDataSource) jdbc.getDataSource()).destroy();
        shopify.close();
        amazon.close();
    }
}
