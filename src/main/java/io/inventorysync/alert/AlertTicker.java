package io.inventorysync.alert;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Drives escalation: every {@code tick-interval}, and at once when an incident opens or resolves, it leases the
 * unclosed incidents no other instance holds and brings each up to date. One thread per instance; several instances
 * share the incidents through the leases.
 */
public class AlertTicker implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(AlertTicker.class);
    private static final int CLAIM_LIMIT = 100;

    private final IncidentStore store;
    private final IncidentEscalator escalator;
    private final AlertMetrics metrics;
    private final AlertProperties properties;
    private final String owner;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;

    public AlertTicker(IncidentStore store, IncidentEscalator escalator, AlertMetrics metrics,
            AlertProperties properties, String owner) {
        this.store = store;
        this.escalator = escalator;
        this.metrics = metrics;
        this.properties = properties;
        this.owner = owner;
    }

    /** Runs a tick soon, without waiting for the interval; never blocks the caller. */
    public void wake() {
        ScheduledExecutorService running = executor;
        if (running != null && wakePending.compareAndSet(false, true)) {
            try {
                running.execute(() -> {
                    wakePending.set(false);
                    tick();
                });
            } catch (RuntimeException e) {
                wakePending.set(false); // stopping
            }
        }
    }

    /** One round over the incidents; public so a test can drive it. Never throws. */
    public void tick() {
        try {
            List<IncidentStore.Claimed> claimed = store.claim(owner, properties.getLease(), CLAIM_LIMIT);
            for (IncidentStore.Claimed c : claimed) {
                try {
                    escalator.escalate(c.incident(), c.now());
                } catch (RuntimeException e) {
                    LOG.error("Escalating incident {} failed; next tick tries again", c.incident().id(), e);
                } finally {
                    store.release(c.incident().id(), owner);
                }
            }
            metrics.refresh(store);
        } catch (RuntimeException e) {
            LOG.error("Alert tick failed; next tick tries again: {}", e.toString());
        }
    }

    @Override
    public void start() {
        if (!properties.isEnabled()) {
            LOG.info("Alert escalation is off on this instance (inventory-sync.alerts.enabled=false)");
            return;
        }
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "alert-ticker");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.getTickInterval().toMillis();
        started.scheduleWithFixedDelay(this::tick, 0, interval, TimeUnit.MILLISECONDS);
        executor = started;
        LOG.info("Alert escalation ticking every {} as {}", properties.getTickInterval(), owner);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdown();
            try {
                if (!running.awaitTermination(30, TimeUnit.SECONDS)) {
                    running.shutdownNow();
                }
            } catch (InterruptedException e) {
                running.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
