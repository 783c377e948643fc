package io.inventorysync.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

class EmbeddedInfrastructureEnvironmentPostProcessorTest {

    private final EmbeddedInfrastructureEnvironmentPostProcessor postProcessor =
            new EmbeddedInfrastructureEnvironmentPostProcessor(new DeferredLogs());

    @Test
    void nothingStartsAndNothingIsOverriddenWhenTheFlagIsAbsent() {
        StandardEnvironment environment = environmentWith(Map.of(
                "spring.datasource.url", "jdbc:postgresql://db.example:5432/inventory"));
        SpringApplication application = new SpringApplication();
        int initializersBefore = application.getInitializers().size();

        postProcessor.postProcessEnvironment(environment, application);

        assertThat(environment.getPropertySources()
                .contains(EmbeddedInfrastructureEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)).isFalse();
        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://db.example:5432/inventory");
        assertThat(application.getInitializers()).hasSize(initializersBefore);
    }

    @Test
    void nothingStartsWhenTheFlagIsFalse() {
        StandardEnvironment environment = environmentWith(Map.of(
                "inventory-sync.embedded.enabled", "false",
                "camel.component.kafka.brokers", "kafka.example:9092"));
        SpringApplication application = new SpringApplication();

        postProcessor.postProcessEnvironment(environment, application);

        assertThat(environment.getPropertySources()
                .contains(EmbeddedInfrastructureEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)).isFalse();
        assertThat(environment.getProperty("camel.component.kafka.brokers")).isEqualTo("kafka.example:9092");
        assertThat(environment.getProperty(EmbeddedInfrastructureEnvironmentPostProcessor.KAFKA_BOOTSTRAP_PROPERTY))
                .isNull();
    }

    @Test
    void postProcessorIsRegisteredForSpringBootToFind() {
        // Boot instantiates post-processors the same way, handing a DeferredLogFactory to the constructor.
        // Other post-processors on the classpath may want arguments this resolver lacks; they are not under test.
        var postProcessors = SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
                .load(EnvironmentPostProcessor.class,
                        SpringFactoriesLoader.ArgumentResolver.of(DeferredLogFactory.class, new DeferredLogs()),
                        (factoryType, implementationName, failure) -> { });

        assertThat(postProcessors).hasAtLeastOneElementOfType(EmbeddedInfrastructureEnvironmentPostProcessor.class);
    }

    @Test
    void runsAfterTheConfigFilesAreLoaded() {
        assertThat(postProcessor.getOrder())
                .isGreaterThan(ConfigDataEnvironmentPostProcessor.ORDER);
    }

    private static StandardEnvironment environmentWith(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
