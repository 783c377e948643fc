package io.inventorysync.monitor;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The protocols a ping URL can speak, as named by {@code inventory-sync.monitors.ping-protocol} and a connector's
 * {@code monitorPingProtocol}. The protocol is configured, not guessed from the URL: a self-hosted server or a proxy
 * can have any host name. Another protocol is one {@link PingFormat} and one constant here.
 */
public enum PingProtocol {

    /** healthchecks.io and self-hosted Healthchecks: {@code <url>/start}, {@code <url>}, {@code <url>/fail}. */
    HEALTHCHECKS("hc-ping.com", (properties, host) -> new HealthchecksPings()),
    /** Cronitor's Telemetry API: {@code <url>?state=run|complete|fail&series=…}. */
    CRONITOR("cronitor.link", CronitorPings::new);

    /** Host of the service's public ping endpoint, only to warn about a URL configured with the wrong protocol. */
    private final String serviceHost;
    private final BiFunction<MonitorProperties, String, PingFormat> format;

    PingProtocol(String serviceHost, BiFunction<MonitorProperties, String, PingFormat> format) {
        this.serviceHost = serviceHost;
        this.format = format;
    }

    /** @param host this instance's name, for protocols that report where a ping came from */
    PingFormat format(MonitorProperties properties, String host) {
        return format.apply(properties, host);
    }

    /** The name in configuration: {@code healthchecks}, {@code cronitor}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PingProtocol> parse(String name) {
        return Arrays.stream(values()).filter(p -> p.configName().equalsIgnoreCase(name.trim())).findFirst();
    }

    public static String configNames() {
        return Arrays.stream(values()).map(PingProtocol::configName).collect(Collectors.joining(", "));
    }

    /** The protocol whose public service the URL points at, if it points at one. */
    static Optional<PingProtocol> ofServiceAt(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(p -> host.equals(p.serviceHost) || host.endsWith("." + p.serviceHost)).findFirst();
    }
}
