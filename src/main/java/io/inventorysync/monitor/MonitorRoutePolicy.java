package io.inventorysync.monitor;

import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;

/**
 * Brackets each exchange of a monitored route as one run: started when the exchange begins (a Quartz firing, a
 * dispatcher's push round), finished with the outcome the job reported when it is done.
 */
class MonitorRoutePolicy extends RoutePolicySupport {

    private final SyncJobMonitors monitors;
    private final MonitorDefinitions definitions;
    private volatile MonitorDefinition monitor;

    MonitorRoutePolicy(SyncJobMonitors monitors, MonitorDefinitions definitions) {
        this.monitors = monitors;
        this.definitions = definitions;
    }

    @Override
    public void onInit(Route route) {
        definitions.forRoute(route).ifPresent(definition -> {
            monitors.register(definition);
            monitor = definition;
        });
    }

    @Override
    public void onExchangeBegin(Route route, Exchange exchange) {
        MonitorDefinition definition = monitor;
        if (definition != null && exchange.getProperty(MonitoredRun.PROPERTY) == null) {
            exchange.setProperty(MonitoredRun.PROPERTY, monitors.started(definition));
        }
    }

    @Override
    public void onExchangeDone(Route route, Exchange exchange) {
        MonitorDefinition definition = monitor;
        MonitoredRun run = exchange.getProperty(MonitoredRun.PROPERTY, MonitoredRun.class);
        if (definition != null && run != null && run.monitor().id().equals(definition.id())) {
            monitors.finished(run, JobOutcomes.of(exchange, definition.kind()));
        }
    }
}
