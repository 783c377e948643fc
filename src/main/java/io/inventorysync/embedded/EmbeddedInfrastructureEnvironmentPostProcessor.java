package io.inventorysync.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Zero-setup local run: when {@code inventory-sync.embedded.enabled=true}, starts a Kafka broker and a PostgreSQL
 * server inside the application (data under {@code inventory-sync.embedded.data-dir}) and points the application
 * at them, overriding any configured datasource URL and broker list.
 *
 * <p>This has to happen while the environment is prepared, before any bean reads {@code spring.datasource.url}
 * or the Kafka brokers; the servers are then handed to the application context, which stops them when it
 * closes (see {@link EmbeddedInfrastructureLifecycle}).
 */
public class EmbeddedInfrastructureEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** Name of the property source carrying the connection settings of the started servers. */
    public static final String PROPERTY_SOURCE_NAME = "inventorySyncEmbeddedInfrastructure";
    /** Name of the lowest-precedence property source that quiets the broker's own logging. */
    public static final String LOGGING_DEFAULTS_SOURCE_NAME = "inventorySyncEmbeddedLoggingDefaults";

    /** Set to the {@code host:port} of the embedded broker, for whoever needs it beside the Camel and Spring keys. */
    public static final String KAFKA_BOOTSTRAP_PROPERTY = EmbeddedInfrastructureProperties.PREFIX + ".kafka-bootstrap";
    /** Set to the JDBC URL of the embedded PostgreSQL server. */
    public static final String JDBC_URL_PROPERTY = EmbeddedInfrastructureProperties.PREFIX + ".jdbc-url";

    private final Log log;

    public EmbeddedInfrastructureEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedInfrastructureEnvironmentPostProcessor.class);
    }

    /** After every other post-processor, so that settings from application.yml, profiles and config trees count. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        EmbeddedInfrastructureProperties settings = Binder.get(environment)
                .bindOrCreate(EmbeddedInfrastructureProperties.PREFIX, EmbeddedInfrastructureProperties.class);
        if (!settings.enabled()) {
            return;
        }
        Path dataDir = settings.dataDir().toAbsolutePath().normalize();
        long startedAt = System.nanoTime();
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(dataDir,
                portOrFallback(settings.kafkaPort(), "kafka-port", "Kafka broker"),
                portOrFallback(settings.postgresPort(), "postgres-port", "PostgreSQL server"));

        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME,
                connectionProperties(infrastructure)));
        environment.getPropertySources().addLast(new MapPropertySource(LOGGING_DEFAULTS_SOURCE_NAME,
                brokerLoggingDefaults()));
        EmbeddedInfrastructureLifecycle lifecycle = new EmbeddedInfrastructureLifecycle(infrastructure);
        application.addInitializers(lifecycle);
        application.addListeners(lifecycle);

        log.info("Embedded Kafka broker and PostgreSQL started in "
                + Duration.ofNanos(System.nanoTime() - startedAt).toMillis() + " ms");
        log.info("Embedded Kafka broker: " + infrastructure.kafka().bootstrapServers()
                + " (data: " + infrastructure.kafka().dataDir() + ")");
        log.info("Embedded PostgreSQL: " + infrastructure.postgres().jdbcUrl() + " user "
                + infrastructure.postgres().username() + " (data: " + infrastructure.postgres().dataDir() + ")");
    }

    private static Map<String, Object> connectionProperties(EmbeddedInfrastructure infrastructure) {
        String brokers = infrastructure.kafka().bootstrapServers();
        String jdbcUrl = infrastructure.postgres().jdbcUrl();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", jdbcUrl);
        properties.put("spring.datasource.username", infrastructure.postgres().username());
        // Trust authentication: a password configured for another database must not be sent here.
        properties.put("spring.datasource.password", "");
        properties.put("camel.component.kafka.brokers", brokers);
        properties.put("spring.kafka.bootstrap-servers", brokers);
        properties.put(KAFKA_BOOTSTRAP_PROPERTY, brokers);
        properties.put(JDBC_URL_PROPERTY, jdbcUrl);
        return properties;
    }

    /**
     * The broker logs a great deal at INFO (segments, partitions, quorum state) that says nothing to someone
     * running the application. Lowest precedence: any {@code logging.level.*} the user sets wins. Kafka's client
     * packages ({@code org.apache.kafka.clients}, {@code .common}) are left alone.
     */
    private static Map<String, Object> brokerLoggingDefaults() {
        Map<String, Object> levels = new LinkedHashMap<>();
        for (String logger : new String[] {"kafka", "state.change.logger", "org.apache.kafka.controller",
                "org.apache.kafka.raft", "org.apache.kafka.metadata", "org.apache.kafka.image",
                "org.apache.kafka.server", "org.apache.kafka.storage", "org.apache.kafka.coordinator",
                "org.apache.kafka.snapshot", "org.apache.kafka.queue"}) {
            levels.put("logging.level." + logger, "WARN");
        }
        return levels;
    }

    /** A taken port is no reason to refuse a local start: any port works, the application is told which. */
    private int portOrFallback(int port, String key, String server) {
        if (port == 0 || LoopbackPorts.isFree(port)) {
            return port;
        }
        log.warn("Port " + port + " for the embedded " + server + " is in use; using a free port instead (set "
                + EmbeddedInfrastructureProperties.PREFIX + "." + key + " to choose another)");
        return 0;
    }
}
