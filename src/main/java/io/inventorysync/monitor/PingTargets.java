package io.inventorysync.monitor;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.inventorysync.connector.ConnectorConfigException;
import io.inventorysync.connector.ConnectorDefinition;

/**
 * Where a monitor's pings go and in which protocol: the URL its connector file names, in the protocol named beside
 * it or else the pack-wide one; failing that the pack-wide URL pattern, in the pack-wide protocol; failing that,
 * nowhere. A protocol setting without the URL it describes is an error rather than silently applied to another URL.
 * Error messages never quote a URL: it holds the check's key.
 */
final class PingTargets {

    private static final Logger LOG = LoggerFactory.getLogger(PingTargets.class);

    private final MonitorProperties properties;

    PingTargets(MonitorProperties properties) {
        this.properties = properties;
    }

    /**
     * @param urlKey      the connector setting holding this monitor's URL ({@code monitorPingUrl},
     *                    {@code reconcileMonitorPingUrl})
     * @param protocolKey the connector setting naming that URL's protocol ({@code monitorPingProtocol}, …)
     * @return the target, or null when the monitor is not pinged
     */
    PingTarget resolve(String monitorId, Optional<ConnectorDefinition> connector, String urlKey, String protocolKey) {
        String url = connector.map(c -> c.setting(urlKey, null)).orElse(null);
        String protocol = connector.map(c -> c.setting(protocolKey, null)).orElse(null);
        if (url == null && protocol != null) {
            throw new ConnectorConfigException(connector.get().file(), "settings." + protocolKey
                    + " names the protocol of settings." + urlKey + ", which is not set");
        }
        if (url != null) {
            ConnectorDefinition file = connector.get();
            PingTarget target = new PingTarget(uri(file, urlKey, url),
                    protocol == null ? properties.getPingProtocol() : protocol(file, protocolKey, protocol));
            warnIfTheServiceSpeaksAnother(monitorId, target, protocol == null
                    ? "settings." + protocolKey + " (or inventory-sync.monitors.ping-protocol)" : "settings." + protocolKey);
            return target;
        }
        String pattern = properties.getPingUrlPattern();
        if (pattern == null || pattern.isBlank()) {
            return null;
        }
        PingTarget target;
        try {
            target = new PingTarget(URI.create(pattern.trim().replace("{monitor}", monitorId.replace(':', '-'))),
                    properties.getPingProtocol());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("inventory-sync.monitors.ping-url-pattern does not make a valid URL for"
                    + " monitor " + monitorId);
        }
        warnIfTheServiceSpeaksAnother(monitorId, target, "inventory-sync.monitors.ping-protocol");
        return target;
    }

    private static URI uri(ConnectorDefinition file, String key, String url) {
        try {
            URI uri = URI.create(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getRawAuthority() == null) {
                throw new IllegalArgumentException("not an absolute http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConnectorConfigException(file.file(), "settings." + key + " is not an absolute http(s) URL");
        }
    }

    private static PingProtocol protocol(ConnectorDefinition file, String key, String name) {
        return PingProtocol.parse(name).orElseThrow(() -> new ConnectorConfigException(file.file(),
                "settings." + key + " must be one of " + PingProtocol.configNames() + ", was " + name));
    }

    /**
     * Cronitor answers 200 to any request, so a URL of its service configured with another protocol would fail
     * silently: say so at startup (only the public services are recognised; the setting still decides).
     */
    private static void warnIfTheServiceSpeaksAnother(String monitorId, PingTarget target, String setting) {
        PingProtocol.ofServiceAt(target.url()).filter(service -> service != target.protocol()).ifPresent(service ->
                LOG.warn("Monitor {}: its ping URL points at the public {} service but is pinged in the {} protocol;"
                        + " if that is not meant, set {} to {}", monitorId, service.configName(),
                        target.protocol().configName(), setting, service.configName()));
    }
}
