package io.inventorysync.ingest;

import java.util.List;

import org.apache.camel.CamelContext;

import io.inventorysync.event.EventsReceived;
import io.inventorysync.event.InventoryEvent;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The webhook's meters: {@code inventory.events.received{source,type}} for the events of a request answered 202, and
 * {@code inventory.webhook.rejected{status}} for requests refused (401, 400, 413) or not stored (503). The kamelet's
 * beans are created by class name, so the registry is the one the CamelContext holds (Spring Boot's); where there is
 * none, as in a Camel runtime without Micrometer, nothing is counted.
 */
final class WebhookMeters {

    static final String REJECTED = "inventory.webhook.rejected";

    private WebhookMeters() {
    }

    static void accepted(CamelContext camel, List<?> events) {
        if (events == null) {
            return;
        }
        EventsReceived.count(registry(camel), events.stream().map(InventoryEvent.class::cast).toList());
    }

    static void rejected(CamelContext camel, int status) {
        MeterRegistry meters = registry(camel);
        if (meters != null) {
            meters.counter(REJECTED, "status", Integer.toString(status)).increment();
        }
    }

    private static MeterRegistry registry(CamelContext camel) {
        return camel == null ? null : camel.getRegistry().findSingleByType(MeterRegistry.class);
    }
}
