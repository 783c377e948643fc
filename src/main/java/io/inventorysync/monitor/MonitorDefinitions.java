package io.inventorysync.monitor;

import java.time.Duration;
import java.util.Optional;

import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.springframework.boot.convert.DurationStyle;

import io.inventorysync.channel.backlog.ListingBacklogEndpoint;
import io.inventorysync.connector.ConnectorCatalog;
import io.inventorysync.connector.ConnectorConfigException;
import io.inventorysync.connector.ConnectorDefinition;

/**
 * Which routes are monitored, and what each monitor expects, read from the route itself (its Quartz cron, its
 * dispatcher's poll interval and lease) and from the connector file it was made from (velocity class, grace,
 * timeout, ping URL and protocol) over the pack-wide defaults.
 */
public class MonitorDefinitions {

    static final String RECONCILIATION_ROUTE = "reconciliation-";
    static final String SUPPLIER_FEED_ROUTE = "supplier-feed-ingest-";
    static final String RESERVATION_EXPIRY_ROUTE = "reservation-expiry";

    private final ConnectorCatalog catalog;
    private final MonitorProperties properties;
    private final PingTargets pingTargets;

    public MonitorDefinitions(ConnectorCatalog catalog, MonitorProperties properties) {
        this.catalog = catalog;
        this.properties = properties;
        this.pingTargets = new PingTargets(properties);
    }

    /** The monitor of a route, or empty when the route is not a monitored job. */
    public Optional<MonitorDefinition> forRoute(Route route) {
        String routeId = route.getRouteId();
        Endpoint endpoint = route.getEndpoint();
        if (endpoint instanceof ListingBacklogEndpoint backlog) {
            String channel = backlog.getChannel();
            Optional<ConnectorDefinition> connector = connector(channel);
            // a live dispatcher ends a round at least every poll interval, plus up to one interval waiting on its gate
            Duration period = duration(connector, "monitorPeriod", backlog.getPollInterval().multipliedBy(2));
            // a round that outlives its lease has lost its claims: the lease is the round's real time limit
            return Optional.of(define("dispatcher:" + channel, MonitorKind.DISPATCHER, channel, null, period,
                    connector, "", backlog.getLease()));
        }
        String cron = endpoint instanceof QuartzEndpoint quartz ? quartz.getCron().replace('+', ' ') : null;
        if (cron == null) {
            return Optional.empty();
        }
        if (routeId.startsWith(RECONCILIATION_ROUTE)) {
            String channel = routeId.substring(RECONCILIATION_ROUTE.length());
            return Optional.of(define("reconciliation:" + channel, MonitorKind.SCHEDULED, channel, cron, null,
                    connector(channel), "reconcile", null));
        }
        if (routeId.startsWith(SUPPLIER_FEED_ROUTE)) {
            String supplier = routeId.substring(SUPPLIER_FEED_ROUTE.length());
            return Optional.of(define("supplier-feed:" + supplier, MonitorKind.SCHEDULED, null, cron, null,
                    connector(supplier), "", null));
        }
        if (routeId.equals(RESERVATION_EXPIRY_ROUTE)) {
            return Optional.of(define(RESERVATION_EXPIRY_ROUTE, MonitorKind.SCHEDULED, null, cron, null,
                    Optional.empty(), "", null));
        }
        return Optional.empty();
    }

    /**
     * @param prefix          settings prefix of this job in the connector file ({@code reconcile} for a channel's
     *                        reconciliation, so it can differ from the channel's dispatcher)
     * @param defaultTimeout  the job's own time limit, or null to use its grace
     */
    private MonitorDefinition define(String id, MonitorKind kind, String channel, String cron, Duration period,
            Optional<ConnectorDefinition> connector, String prefix, Duration defaultTimeout) {
        VelocityClass velocity = connector.map(c -> c.settings().get("velocityClass")).filter(v -> !v.isBlank())
                .map(VelocityClass::parse).orElse(properties.getDefaultVelocityClass());
        Duration grace = duration(connector, key(prefix, "monitorGrace"),
                duration(connector, "monitorGrace", properties.graceFor(velocity)));
        Duration timeout = duration(connector, key(prefix, "monitorTimeout"),
                defaultTimeout != null ? defaultTimeout : grace);
        PingTarget ping = pingTargets.resolve(id, connector, key(prefix, "monitorPingUrl"),
                key(prefix, "monitorPingProtocol"));
        return new MonitorDefinition(id, kind, channel, cron, period, grace, timeout, ping);
    }

    private static String key(String prefix, String key) {
        return prefix.isEmpty() ? key : prefix + Character.toUpperCase(key.charAt(0)) + key.substring(1);
    }

    private static Duration duration(Optional<ConnectorDefinition> connector, String key, Duration fallback) {
        if (connector.isEmpty()) {
            return fallback;
        }
        String value = connector.get().settings().get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return DurationStyle.detectAndParse(value.trim());
        } catch (IllegalArgumentException e) {
            throw new ConnectorConfigException(connector.get().file(), "settings." + key + " is not a duration (PT20M, 20m): " + value);
        }
    }

    private Optional<ConnectorDefinition> connector(String name) {
        return catalog.all().stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
