package io.inventorysync.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
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
import io.inventorysync.ingest.WebhookReplayProperties;

/**
 * Connects the connector files to the YAML routes: makes sure the topics exist, hands the webhook sources'
 * secrets to the ingest kamelet, and instantiates one route per connector file from the route template named
 * after its type: {@code <type>-dispatcher} for a channel (required), {@code <type>-ingest} for a source (when
 * the type has one; webhook sources share the one ingest route; the replay window and which of them must sign a
 * timestamp, {@code requireTimestamp: true}, go to the ingest kamelet too). Template parameters: {@code name} (and
 * {@code channel} for channels), the dispatch defaults, then every entry of the file's {@code settings}, which
 * can so override a default per connector (e.g. a longer {@code lease} for a slow channel). Each channel also gets a
 * {@code reconciliation} route (its {@code reconcileCron} setting) when that template is loaded.
 */
@Configuration(proxyBeanMethods = false)
public class PipelineCamelConfiguration {

    /** Scheduled reconciliation of each channel (routes/reconciliation.camel.yaml), when the routes define it. */
    private static final String RECONCILIATION_TEMPLATE = "reconciliation";

    /*
     * Camel properties the ingest kamelet reads that the pack computes from the connector files and the replay
     * settings at start: a value given for them in Spring is replaced, so they are no user setting and carry no
     * configuration metadata (ConfigurationReferenceTest holds them to that).
     */
    static final String WEBHOOK_SECRETS_PROPERTY = "inventory-sync.webhook.secrets";
    static final String TIMESTAMP_REQUIRED_SOURCES_PROPERTY = "inventory-sync.webhook.timestamp-required-sources";
    static final String REPLAY_TOLERANCE_SECONDS_PROPERTY = "inventory-sync.webhook.replay.tolerance-seconds";
    static final Set<String> COMPUTED_PROPERTIES = Set.of(WEBHOOK_SECRETS_PROPERTY,
            TIMESTAMP_REQUIRED_SOURCES_PROPERTY, REPLAY_TOLERANCE_SECONDS_PROPERTY);

    @Bean
    CamelContextConfiguration pipelineCamelContextConfiguration(ConnectorCatalog catalog, InventorySyncProperties properties,
            WebhookReplayProperties replay,
            @Value("${camel.component.kafka.brokers}") String brokers,
            @Value("${inventory-sync.topics.replication-factor:1}") short replication) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext context) {
                KafkaTopics.ensure(brokers, properties.getTopics(), replication);
                String secrets = catalog.sources("erp-webhook").stream()
                        .map(s -> s.name() + "=" + s.setting("secret")).collect(Collectors.joining(","));
                context.getPropertiesComponent().addOverrideProperty(WEBHOOK_SECRETS_PROPERTY, secrets);
                // "none" rather than empty: an empty value would leave the kamelet's placeholder unresolved
                String timestampRequired = catalog.sources("erp-webhook").stream()
                        .filter(s -> Boolean.parseBoolean(s.setting("requireTimestamp", "false")))
                        .map(ConnectorDefinition::name).collect(Collectors.joining(","));
                context.getPropertiesComponent().addOverrideProperty(TIMESTAMP_REQUIRED_SOURCES_PROPERTY,
                        timestampRequired.isEmpty() ? "none" : timestampRequired);
                context.getPropertiesComponent().addOverrideProperty(REPLAY_TOLERANCE_SECONDS_PROPERTY,
                        String.valueOf(replay.getTolerance().toSeconds()));
            }

            @Override
            public void afterApplicationStart(CamelContext context) {
                for (ConnectorDefinition source : catalog.all()) {
                    if (source.isSource() && hasTemplate(context, source.type() + "-ingest")) {
                        addFromTemplate(context, source.type() + "-ingest", source, Map.of("name", source.name()));
                    }
                }
                if (properties.getDispatch().isEnabled()) {
                    for (ConnectorDefinition channel : catalog.channels()) {
                        addDispatcher(context, channel, properties.getDispatch());
                    }
                }
                if (hasTemplate(context, RECONCILIATION_TEMPLATE)) {
                    for (ConnectorDefinition channel : catalog.channels()) {
                        addFromTemplate(context, RECONCILIATION_TEMPLATE, channel,
                                Map.of("name", channel.name(), "channel", channel.name()));
                    }
                }
            }
        };
    }

    private static void addDispatcher(CamelContext context, ConnectorDefinition channel, InventorySyncProperties.Dispatch dispatch) {
        String template = channel.type() + "-dispatcher";
        if (!hasTemplate(context, template)) {
            throw new ConnectorConfigException(channel.file(), "no route template '" + template + "' for channel type "
                    + channel.type() + " in the loaded routes");
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("name", channel.name());
        defaults.put("channel", channel.name());
        defaults.put("claimSize", String.valueOf(dispatch.getClaimSize()));
        defaults.put("lease", dispatch.getLease().toMillis() + "ms");
        defaults.put("pollInterval", dispatch.getPollInterval().toMillis() + "ms");
        defaults.put("initialBackoff", dispatch.getInitialBackoff().toMillis() + "ms");
        defaults.put("maxBackoff", dispatch.getMaxBackoff().toMillis() + "ms");
        addFromTemplate(context, template, channel, defaults);
    }

    /**
     * Parameters, weakest first: the pack-wide defaults, then the template's own defaults (a template for a slow
     * channel declares, say, a longer lease), then the connector file's settings.
     */
    private static void addFromTemplate(CamelContext context, String template, ConnectorDefinition connector,
            Map<String, String> defaults) {
        Map<String, String> parameters = new LinkedHashMap<>(defaults);
        context.getCamelContextExtension().getContextPlugin(Model.class).getRouteTemplateDefinition(template)
                .getTemplateParameters().stream().filter(p -> p.getDefaultValue() != null)
                .forEach(p -> parameters.remove(p.getName()));
        parameters.putAll(connector.settings());
        TemplatedRouteBuilder builder = TemplatedRouteBuilder.builder(context, template)
                .routeId(template + "-" + connector.name());
        parameters.forEach(builder::parameter);
        try {
            builder.add();
        } catch (RuntimeException e) {
            throw new ConnectorConfigException(connector.file(), "cannot create its route from template " + template
                    + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasTemplate(CamelContext context, String template) {
        return context.getCamelContextExtension().getContextPlugin(Model.class).getRouteTemplateDefinition(template) != null;
    }
}
