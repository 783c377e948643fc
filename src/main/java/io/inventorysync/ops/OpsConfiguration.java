package io.inventorysync.ops;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.inventorysync.connector.ConnectorCatalog;
import io.inventorysync.connector.ConnectorDefinition;
import io.micrometer.core.instrument.MeterRegistry;

/** The operator dashboard: a static page under {@code /ops/} (no build step) and the sampler behind its figures. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpsProperties.class)
public class OpsConfiguration implements WebMvcConfigurer {

    @Bean
    ChannelActivitySampler channelActivitySampler(MeterRegistry meters, ConnectorCatalog catalog, OpsProperties properties) {
        return new ChannelActivitySampler(meters, catalog.channels().stream().map(ConnectorDefinition::name).toList(),
                properties, Clock.systemUTC());
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/ops", "/ops/index.html");
        registry.addRedirectViewController("/ops/", "/ops/index.html");
    }
}
