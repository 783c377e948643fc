package io.inventorysync.support;

import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a full-application test at the shared real parts with its own PostgreSQL schema, topics and consumer
 * groups, so test classes never see each other's data. Embedded servers and the demo are switched off in the
 * test's {@code @SpringBootTest(properties = ...)}: they are decided before dynamic properties apply.
 */
public final class AppUnderTest {

    public static final String ADMIN_TOKEN = "it-admin-token";

    private AppUnderTest() {
    }

    /** @param run a short unique id of the test class's run; names its topics and groups */
    public static void register(DynamicPropertyRegistry registry, String schema, String run, Path connectorsDir) {
        // camel-quartz names its scheduler after the CamelContext: a name per test class keeps test contexts from
        // sharing one scheduler (and its trigger keys) in this JVM
        registry.add("camel.main.name", () -> "inventory-sync-it-" + run);
        registry.add("camel.main.routes-include-pattern", () -> "classpath:routes/*.camel.yaml");
        registry.add("camel.component.kafka.brokers", () -> TestStack.kafka().bootstrapServers());
        registry.add("spring.datasource.url", () -> TestStack.postgresUrl(schema));
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("spring.flyway.default-schema", () -> schema);
        registry.add("inventory-sync.topics.events", () -> "it-" + run + ".events");
        registry.add("inventory-sync.topics.dead-letters", () -> "it-" + run + ".dead-letters");
        registry.add("inventory-sync.ledger.group-id", () -> "it-ledger-" + run);
        registry.add("inventory-sync.dead-letters.index-group-id", () -> "it-dl-index-" + run);
        registry.add("inventory-sync.connectors-dir", connectorsDir::toString);
        registry.add("inventory-sync.admin.token", () -> ADMIN_TOKEN);
        // several applications live in one test JVM, and child-process tests add their own: small pools that give
        // idle connections back keep the PostgreSQL server under its connection limit
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "8");
        registry.add("spring.datasource.hikari.idle-timeout", () -> "20000");
        registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
    }
}
