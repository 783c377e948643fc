package io.inventorysync.pipeline;

import static io.inventorysync.support.Events.array;
import static io.inventorysync.support.Events.delta;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.inventorysync.connectors.shopify.sandbox.SandboxFaults;
import io.inventorysync.connectors.shopify.sandbox.ShopifySandbox;
import io.inventorysync.support.AppProcess;
import io.inventorysync.support.TestConnectors;
import io.inventorysync.support.TestStack;
import io.inventorysync.support.WebhookClient;

/**
 * Kills the app (SIGKILL) after the ledger committed a change and while its push to Shopify is in flight,
 * then starts it again: the channel still converges, and nothing is counted twice.
 */
class CrashRecoveryIT {

    @Test
    void appKilledBetweenLedgerCommitAndPushStillConvergesTheChannel() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String schema = TestStack.freshSchema("crash");
        ShopifySandbox sandbox = TestStack.shopify();
        TestConnectors connectors = TestConnectors.create(sandbox.baseUrl(), sandbox.accessToken(), "0", List.of("CRASH-1"));
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("inventory-sync.embedded.enabled", "false");
        properties.put("inventory-sync.demo.enabled", "false");
        properties.put("camel.main.routes-include-pattern", "classpath:routes/*.camel.yaml");
        properties.put("camel.component.kafka.brokers", TestStack.kafka().bootstrapServers());
        properties.put("spring.datasource.url", TestStack.postgresUrl(schema));
        properties.put("spring.flyway.schemas", schema);
        properties.put("spring.flyway.default-schema", schema);
        properties.put("inventory-sync.topics.events", "crash-" + run + ".events");
        properties.put("inventory-sync.topics.dead-letters", "crash-" + run + ".dead-letters");
        properties.put("inventory-sync.connectors-dir", connectors.dir().toString());
        properties.put("inventory-sync.dispatch.lease", "3s");
        properties.put("inventory-sync.dispatch.poll-interval", "1s");
        Path log = Files.createDirectories(Path.of("target", "crash-it")).resolve("app-" + run + ".log");
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(TestStack.postgresUrl(schema), "postgres", ""));
        String item = TestConnectors.itemGid("CRASH-1");

        // the listing exists in the shop (at 0), as mapped items do; the shop then hangs, so the push is in flight
        // when we pull the plug. That request still lands later, but its compare-and-set is stale by then.
        sandbox.setLevel(item, TestConnectors.LOCATION_GID, 0);
        sandbox.injectFaults(SandboxFaults.latency(60_000));
        long requestsBefore = sandbox.stats().requests();
        AppProcess first = AppProcess.start(properties, log);
        WebhookClient client = new WebhookClient(first.port());
        assertThat(client.postSigned(array(List.of(
                delta("receiving", "CRASH-1", "WH-1", 40, null, 1),
                delta("sale", "CRASH-1", "WH-1", -3, "C1", 2)))).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM channel_listing WHERE sku = 'CRASH-1' AND desired_quantity = 37 AND pushed_version < desired_version",
                Long.class) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.stats().requests() > requestsBefore);
        first.kill();
        assertThat(sandbox.available(item, TestConnectors.LOCATION_GID)).contains(0);

        sandbox.injectFaults(SandboxFaults.latency(0));
        AppProcess second = AppProcess.start(properties, log);
        try {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(sandbox.available(item, TestConnectors.LOCATION_GID)).contains(37));
            // the same events re-sent after the restart are not counted again; a new sale behind them (same SKU,
            // same partition, so processed after them) tells us they have been through the ledger
            assertThat(new WebhookClient(second.port()).postSigned(array(List.of(
                    delta("receiving", "CRASH-1", "WH-1", 40, null, 1),
                    delta("sale", "CRASH-1", "WH-1", -3, "C1", 2),
                    delta("sale", "CRASH-1", "WH-1", -1, "C2", 3)))).statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(sandbox.available(item, TestConnectors.LOCATION_GID)).contains(36));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM applied_event WHERE sku = 'CRASH-1'", Long.class))
                    .isEqualTo(3);
            assertThat(jdbc.queryForObject("SELECT on_hand FROM stock_position WHERE sku = 'CRASH-1'", Long.class))
                    .isEqualTo(36);
        } finally {
            second.kill();
        }
    }
}
