package io.inventorysync.embedded;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the zero-setup local run, in which the application starts its own Kafka broker and PostgreSQL
 * server. Read by {@link EmbeddedInfrastructureEnvironmentPostProcessor} before the application context exists.
 *
 * @param enabled      Whether to start an embedded Kafka broker and PostgreSQL server and point the application
 *                     at them (spring.datasource.*, camel.component.kafka.brokers, spring.kafka.bootstrap-servers).
 * @param dataDir      Directory holding the embedded servers' data (kafka/ and postgres/ below it); kept across
 *                     restarts, delete it to start from scratch.
 * @param kafkaPort    Port of the embedded Kafka broker on 127.0.0.1; 0 picks a free port. If the port is taken,
 *                     a free port is used instead and logged.
 * @param postgresPort Port of the embedded PostgreSQL server on localhost; 0 picks a free port. If the port is
 *                     taken, a free port is used instead and logged. The default avoids 5432, where a system
 *                     PostgreSQL usually listens.
 */
@ConfigurationProperties(EmbeddedInfrastructureProperties.PREFIX)
public record EmbeddedInfrastructureProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("9092") int kafkaPort,
        @DefaultValue("5433") int postgresPort) {

    public static final String PREFIX = "inventory-sync.embedded";
}
