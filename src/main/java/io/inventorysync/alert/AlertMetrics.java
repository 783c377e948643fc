package io.inventorysync.alert;

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code inventory.alerts.notifications{medium,outcome}} counts every attempt (medium {@code protect} for the
 * protective action); the gauges {@code inventory.incidents.open} and {@code inventory.protective.actions} (channels
 * under a limited availability that an incident engaged) are read from the database on every tick, so every instance
 * reports the same, cluster-wide figures.
 */
public class AlertMetrics {

    public static final String NOTIFICATIONS = "inventory.alerts.notifications";
    public static final String OPEN_INCIDENTS = "inventory.incidents.open";
    public static final String PROTECTIVE_ACTIONS = "inventory.protective.actions";

    private final MeterRegistry meters;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger protectedChannels = new AtomicInteger();

    public AlertMetrics(MeterRegistry meters) {
        this.meters = meters;
        Gauge.builder(OPEN_INCIDENTS, open, AtomicInteger::get).description("Incidents not resolved yet")
                .register(meters);
        Gauge.builder(PROTECTIVE_ACTIONS, protectedChannels, AtomicInteger::get)
                .description("Channels under limited availability engaged by alert escalation").register(meters);
    }

    public void count(Medium medium, Outcome outcome) {
        Counter.builder(NOTIFICATIONS).description("Alert notification attempts")
                .tag("medium", medium.code()).tag("outcome", outcome.code()).register(meters).increment();
    }

    public void refresh(IncidentStore store) {
        open.set(store.countOpen());
        protectedChannels.set(store.protectedChannels());
    }
}
