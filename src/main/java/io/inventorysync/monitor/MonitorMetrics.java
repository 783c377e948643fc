package io.inventorysync.monitor;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code inventory.monitor.state{monitor,state}} (1 for the current state, 0 for the others),
 * {@code inventory.monitor.runs{monitor,outcome}}, {@code inventory.monitor.run.duration{monitor}},
 * {@code inventory.monitor.duration.anomalies{monitor,kind}}. The state gauges follow the shared table: this
 * instance's own changes at once, other instances' at the next evaluation.
 */
class MonitorMetrics {

    private final MeterRegistry meters;
    private final Map<String, AtomicReference<MonitorState>> states = new ConcurrentHashMap<>();

    MonitorMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void register(String monitor, MonitorState initial) {
        states.computeIfAbsent(monitor, id -> {
            AtomicReference<MonitorState> current = new AtomicReference<>(initial);
            for (MonitorState state : MonitorState.values()) {
                Gauge.builder("inventory.monitor.state", current, c -> c.get() == state ? 1 : 0)
                        .description("1 for the monitor's current state, 0 for the others")
                        .tag("monitor", id).tag("state", state.name().toLowerCase()).register(meters);
            }
            // every series exists from the start at 0, so increase() and rate() see the first run and anomaly
            meters.counter("inventory.monitor.runs", "monitor", id, "outcome", "success");
            meters.counter("inventory.monitor.runs", "monitor", id, "outcome", "failure");
            durations(id);
            for (String kind : DurationAnomalies.KINDS) {
                meters.counter("inventory.monitor.duration.anomalies", "monitor", id, "kind", kind);
            }
            return current;
        });
    }

    void state(String monitor, MonitorState state) {
        AtomicReference<MonitorState> current = states.get(monitor);
        if (current != null) {
            current.set(state);
        }
    }

    void run(String monitor, boolean success, Duration duration) {
        meters.counter("inventory.monitor.runs", "monitor", monitor, "outcome", success ? "success" : "failure").increment();
        if (duration != null) {
            durations(monitor).record(duration);
        }
    }

    private Timer durations(String monitor) {
        return Timer.builder("inventory.monitor.run.duration").description("Duration of the monitored job's runs")
                .tag("monitor", monitor).register(meters);
    }

    void anomaly(String monitor, String kind) {
        meters.counter("inventory.monitor.duration.anomalies", "monitor", monitor, "kind", kind).increment();
    }
}
