package io.inventorysync.monitor;

import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;

/**
 * Puts a {@link MonitorRoutePolicy} on every route; the policy finds out when the route is set up whether it is a
 * monitored job (a reconciliation, a supplier feed poll, the reservation expiry, a channel dispatcher) and stays
 * inert otherwise. So no route file needs to mention monitoring, and a route added from a template later (a new
 * connector file) is monitored too.
 */
public class MonitorRoutePolicyFactory implements RoutePolicyFactory {

    private final SyncJobMonitors monitors;
    private final MonitorDefinitions definitions;

    public MonitorRoutePolicyFactory(SyncJobMonitors monitors, MonitorDefinitions definitions) {
        this.monitors = monitors;
        this.definitions = definitions;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        return new MonitorRoutePolicy(monitors, definitions);
    }
}
