package io.inventorysync.monitor;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Checks the monitors for lateness every evaluation interval, on every instance (see {@link SyncJobMonitors#evaluate()}). */
public class MonitorEvaluator implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(MonitorEvaluator.class);

    private final SyncJobMonitors monitors;
    private final MonitorProperties properties;
    private ScheduledExecutorService scheduler;

    public MonitorEvaluator(SyncJobMonitors monitors, MonitorProperties properties) {
        this.monitors = monitors;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "monitor-evaluator");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.getEvaluationInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::evaluate, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void evaluate() {
        try {
            monitors.evaluate();
        } catch (RuntimeException e) {
            LOG.warn("Monitor evaluation failed; next try in {}: {}", properties.getEvaluationInterval(), e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
