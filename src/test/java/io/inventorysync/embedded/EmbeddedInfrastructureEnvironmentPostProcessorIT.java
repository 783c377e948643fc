package io.inventorysync.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Starts real Spring applications (no auto-configuration) so the post-processor is found and run as in production. */
class EmbeddedInfrastructureEnvironmentPostProcessorIT {

    @TempDir
    Path dataDir;

    @Test
    void enabledApplicationIsPointedAtRunningServersThatStopWithTheContext() throws Exception {
        int kafkaPort;
        int postgresPort;
        try (ServerSocket occupied = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ConfigurableApplicationContext context = application(EmptyApplication.class)
                     .properties(Map.of(
                             "inventory-sync.embedded.enabled", "true",
                             "inventory-sync.embedded.data-dir", dataDir.toString(),
                             "inventory-sync.embedded.kafka-port", String.valueOf(occupied.getLocalPort()),
                             "inventory-sync.embedded.postgres-port", "0",
                             "spring.datasource.url", "jdbc:postgresql://db.example:5432/inventory",
                             "spring.datasource.password", "secret-for-another-database"))
                     .run()) {
            Environment env = context.getEnvironment();
            EmbeddedInfrastructure infrastructure = context.getBean(EmbeddedInfrastructure.class);
            kafkaPort = infrastructure.kafka().port();
            postgresPort = infrastructure.postgres().port();

            assertThat(kafkaPort).as("a taken port falls back to a free one").isNotEqualTo(occupied.getLocalPort());
            String brokers = "127.0.0.1:" + kafkaPort;
            assertThat(env.getProperty("camel.component.kafka.brokers")).isEqualTo(brokers);
            assertThat(env.getProperty("spring.kafka.bootstrap-servers")).isEqualTo(brokers);
            assertThat(env.getProperty("inventory-sync.embedded.kafka-bootstrap")).isEqualTo(brokers);
            String jdbcUrl = "jdbc:postgresql://localhost:" + postgresPort + "/postgres";
            assertThat(env.getProperty("spring.datasource.url")).isEqualTo(jdbcUrl);
            assertThat(env.getProperty("inventory-sync.embedded.jdbc-url")).isEqualTo(jdbcUrl);
            assertThat(env.getProperty("spring.datasource.username")).isEqualTo("postgres");
            assertThat(env.getProperty("spring.datasource.password")).isEmpty();
            // Kafka rewrites meta.properties at start-up (temp file + rename), so look for its log dir content instead
            assertThat(dataDir.resolve("kafka")).isDirectoryContaining(path -> path.getFileName().toString().startsWith("__cluster_metadata"));
            assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();

            try (Connection c = DriverManager.getConnection(env.getProperty("spring.datasource.url"),
                    env.getProperty("spring.datasource.username"), env.getProperty("spring.datasource.password"));
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT 40 + 2")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
                assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS)).hasSize(1);
            }
        }

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(LoopbackPorts.isFree(kafkaPort)).as("Kafka port released").isTrue();
            assertThat(LoopbackPorts.isFree(postgresPort)).as("PostgreSQL port released").isTrue();
        });
    }

    @Test
    void serversStopWhenTheApplicationFailsToStart() {
        SpringApplicationBuilder failing = application(FailingApplication.class).properties(Map.of(
                "inventory-sync.embedded.enabled", "true",
                "inventory-sync.embedded.data-dir", dataDir.toString(),
                "inventory-sync.embedded.kafka-port", "0",
                "inventory-sync.embedded.postgres-port", "0"));

        assertThatThrownBy(failing::run).hasRootCauseMessage("broken bean");

        // The servers are gone when their directories can be locked again: a fresh start on the same data works.
        try (EmbeddedInfrastructure again = EmbeddedInfrastructure.start(dataDir, 0, 0)) {
            assertThat(again.kafka().dataDir()).isEqualTo(dataDir.resolve("kafka").toAbsolutePath());
        }
    }

    private static SpringApplicationBuilder application(Class<?> source) {
        // the pack's application.yaml would override these tests' settings (they are default properties)
        return new SpringApplicationBuilder(source).web(WebApplicationType.NONE).logStartupInfo(false)
                .registerShutdownHook(false).properties("spring.config.name=embedded-infrastructure-it");
    }

    @Configuration(proxyBeanMethods = false)
    static class EmptyApplication {
    }

    @Configuration(proxyBeanMethods = false)
    static class FailingApplication {
        @Bean
        Object brokenBean() throws IOException {
            throw new IOException("broken bean");
        }
    }
}
