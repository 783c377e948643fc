package io.inventorysync.config;

import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.model.Model;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.inventorysync.connector.ConnectorCatalog;
import io.inventorysync.connector.ConnectorConfigException;
import io.inventorysync.connector.ConnectorDefinition;

/**
 * Connects the connector files to the YAML routes: makes sure the topics exist, hands the webhook sources'
 * secrets to the ingest kamelet, and instantiates one dispatcher route per channel file from the route
 * template named after the channel's type ({@code <type>-dispatcher} in {@code routes/}).
 */
@Configuration(proxyBeanMethods = false)
public class PipelineCamelConfiguration {

    @Bean
    CamelContextConfiguration pipelineCamelContextConfiguration(ConnectorCatalog catalog, InventorySyncProperties properties,
            @Value("${camel.component.kafka.brokers}") String brokers,
            @Value("${inventory-sync.topics.replication-factor:1}") short replication) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext context) {
                KafkaTopics.ensure(brokers, properties.getTopics(), replication);
                String secrets = catalog.sources("erp-webhook").stream()
                        .map(s -> s.name() + "=" + s.setting("secret")).collect(Collectors.joining(","));
                context.getPropertiesComponent().addOverrideProperty("inventory-sync.webhook.secrets", secrets);
            }

            @Override
            public void afterApplicationStart(CamelContext context) {
                if (!properties.getDispatch().isEnabled()) {
                    return;
                }
                for (ConnectorDefinition channel : catalog.channels()) {
                    addDispatcher(context, channel, properties.getDispatch());
                }
            }
        };
    }

    private static void addDispatcher(CamelContext context, ConnectorDefinition channel, InventorySyncProperties.Dispatch dispatch) {
        String template = channel.type() + "-dispatcher";
        if (context.getCamelContextExtension().getContextPlugin(Model.class).getRouteTemplateDefinition(template) == null) {
            throw new ConnectorConfigException(channel.file(), "no route template '" + template + "' for channel type "
                    + channel.type() + " in the loaded routes");
        }
        TemplatedRouteBuilder builder = TemplatedRouteBuilder.builder(context, template)
                .routeId(template + "-" + channel.name())
                .parameter("channel", channel.name())
                .parameter("claimSize", String.valueOf(dispatch.getClaimSize()))
                .parameter("lease", dispatch.getLease().toMillis() + "ms")
                .parameter("pollInterval", dispatch.getPollInterval().toMillis() + "ms")
                .parameter("initialBackoff", dispatch.getInitialBackoff().toMillis() + "ms")
                .parameter("maxBackoff", dispatch.getMaxBackoff().toMillis() + "ms");
        for (Map.Entry<String, String> setting : channel.settings().entrySet()) {
            builder.parameter(setting.getKey(), setting.getValue());
        }
        builder.add();
    }
}
