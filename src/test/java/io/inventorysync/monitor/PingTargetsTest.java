package io.inventorysync.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.inventorysync.connector.ConnectorConfigException;
import io.inventorysync.connector.ConnectorDefinition;

/** Which URL a monitor pings and in which protocol, from its connector's settings over the pack-wide ones. */
class PingTargetsTest {

    static final String CRONITOR_URL = "https://cronitor.link/p/secret-key/shopify-main";
    static final String HEALTHCHECKS_URL = "https://hc-ping.com/0f3c6f0e-secret";

    private static Optional<ConnectorDefinition> connector(Map<String, String> settings) {
        return Optional.of(new ConnectorDefinition("channel", "shopify-main", "shopify", List.of("WH-1"), null, null,
                settings, Path.of("connectors/shopify-main.yaml")));
    }

    private static PingTarget dispatcher(MonitorProperties properties, Optional<ConnectorDefinition> connector) {
        return new PingTargets(properties).resolve("dispatcher:shopify-main", connector, "monitorPingUrl",
                "monitorPingProtocol");
    }

    private static PingTarget reconciliation(MonitorProperties properties, Optional<ConnectorDefinition> connector) {
        return new PingTargets(properties).resolve("reconciliation:shopify-main", connector, "reconcileMonitorPingUrl",
                "reconcileMonitorPingProtocol");
    }

    @Test
    void connectorUrlSpeaksTheProtocolNamedBesideIt() {
        PingTarget target = dispatcher(new MonitorProperties(),
                connector(Map.of("monitorPingUrl", CRONITOR_URL, "monitorPingProtocol", "Cronitor")));

        assertThat(target).isEqualTo(new PingTarget(URI.create(CRONITOR_URL), PingProtocol.CRONITOR));
    }

    @Test
    void connectorUrlWithoutAProtocolSpeaksThePackWideOneWhichIsHealthchecksUnlessSet() {
        Optional<ConnectorDefinition> connector = connector(Map.of("monitorPingUrl", HEALTHCHECKS_URL));
        MonitorProperties cronitorPack = new MonitorProperties();
        cronitorPack.setPingProtocol(PingProtocol.CRONITOR);

        assertThat(dispatcher(new MonitorProperties(), connector).protocol()).isEqualTo(PingProtocol.HEALTHCHECKS);
        assertThat(dispatcher(cronitorPack, connector).protocol()).isEqualTo(PingProtocol.CRONITOR);
    }

    @Test
    void patternUrlNamesTheMonitorAndSpeaksThePackWideProtocol() {
        MonitorProperties properties = new MonitorProperties();
        properties.setPingUrlPattern("https://cronitor.link/p/secret-key/{monitor}");
        properties.setPingProtocol(PingProtocol.CRONITOR);

        PingTarget target = dispatcher(properties, Optional.empty());

        assertThat(target).isEqualTo(new PingTarget(URI.create("https://cronitor.link/p/secret-key/dispatcher-shopify-main"),
                PingProtocol.CRONITOR));
    }

    @Test
    void reconciliationUsesItsOwnUrlAndProtocolNotTheDispatchers() {
        MonitorProperties properties = new MonitorProperties();
        properties.setPingUrlPattern("https://hc.example.org/ping/secret/{monitor}");
        Optional<ConnectorDefinition> connector = connector(Map.of("monitorPingUrl", CRONITOR_URL,
                "monitorPingProtocol", "cronitor", "reconcileMonitorPingUrl", HEALTHCHECKS_URL));

        assertThat(dispatcher(properties, connector).protocol()).isEqualTo(PingProtocol.CRONITOR);
        assertThat(reconciliation(properties, connector))
                .isEqualTo(new PingTarget(URI.create(HEALTHCHECKS_URL), PingProtocol.HEALTHCHECKS));
        assertThat(reconciliation(properties, connector(Map.of("monitorPingUrl", CRONITOR_URL,
                "monitorPingProtocol", "cronitor"))))
                .isEqualTo(new PingTarget(URI.create("https://hc.example.org/ping/secret/reconciliation-shopify-main"),
                        PingProtocol.HEALTHCHECKS));
    }

    @Test
    void noUrlAnywhereMeansNoPings() {
        assertThat(dispatcher(new MonitorProperties(), connector(Map.of()))).isNull();
        assertThat(dispatcher(new MonitorProperties(), Optional.empty())).isNull();
    }

    @Test
    void unknownProtocolIsAConfigurationErrorNamingTheKnownOnes() {
        assertThatThrownBy(() -> dispatcher(new MonitorProperties(),
                connector(Map.of("monitorPingUrl", CRONITOR_URL, "monitorPingProtocol", "cronitr"))))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("shopify-main.yaml").hasMessageContaining("settings.monitorPingProtocol")
                .hasMessageContaining("healthchecks, cronitor").hasMessageContaining("cronitr");
    }

    @Test
    void protocolWithoutTheUrlItDescribesIsAConfigurationErrorNotAppliedToThePatternUrl() {
        MonitorProperties properties = new MonitorProperties();
        properties.setPingUrlPattern("https://hc-ping.com/secret/{monitor}");

        assertThatThrownBy(() -> reconciliation(properties, connector(Map.of("reconcileMonitorPingProtocol", "cronitor"))))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("settings.reconcileMonitorPingProtocol")
                .hasMessageContaining("settings.reconcileMonitorPingUrl, which is not set");
    }

    @Test
    void invalidUrlIsAConfigurationErrorThatDoesNotQuoteTheUrl() {
        assertThatThrownBy(() -> dispatcher(new MonitorProperties(),
                connector(Map.of("monitorPingUrl", "cronitor.link/p/secret-key/shopify-main"))))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("settings.monitorPingUrl is not an absolute http(s) URL")
                .hasMessageNotContaining("secret-key");
    }

    @Test
    void targetDoesNotRevealItsUrlWhenPrinted() {
        PingTarget target = new PingTarget(URI.create(CRONITOR_URL), PingProtocol.CRONITOR);

        assertThat(target.toString()).isEqualTo("PingTarget[cronitor]");
        assertThat(new MonitorDefinition("dispatcher:shopify-main", MonitorKind.DISPATCHER, "shopify-main", null,
                java.time.Duration.ofSeconds(10), java.time.Duration.ofMinutes(20), java.time.Duration.ofMinutes(1),
                target).toString()).doesNotContain("secret-key");
    }
}
