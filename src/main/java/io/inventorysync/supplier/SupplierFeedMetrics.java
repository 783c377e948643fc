package io.inventorysync.supplier;

import java.time.Clock;
import java.time.Duration;

import io.inventorysync.event.EventType;
import io.inventorysync.event.EventsReceived;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The supplier feeds' meters: {@code inventory.supplier.snapshots{supplier,outcome}} per poll or decision,
 * {@code inventory.supplier.snapshots.quarantined{supplier,reason}}, {@code inventory.supplier.rows.rejected
 * {supplier,reason}}, {@code inventory.supplier.events{supplier}} (absolute counts published), and the gauges
 * {@code inventory.supplier.snapshot.age.seconds{supplier}} (since the last applied snapshot was taken: a supplier
 * that stopped sending shows here) and {@code inventory.supplier.snapshots.pending{supplier}} (quarantined, waiting
 * for a decision).
 */
public class SupplierFeedMetrics {

    private final MeterRegistry meters;

    public SupplierFeedMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    public void registerGauges(SupplierFeeds feeds, SupplierSnapshotStore store, Clock clock) {
        for (SupplierFeed feed : feeds.all()) {
            String supplier = feed.name();
            Gauge.builder("inventory.supplier.snapshot.age.seconds", () -> store.lastAccepted(supplier)
                            .map(a -> (double) Duration.between(a.snapshotAt(), clock.instant()).toSeconds())
                            .orElse(Double.NaN))
                    .description("Seconds since the supplier's last applied snapshot was taken").tag("supplier", supplier)
                    .register(meters);
            Gauge.builder("inventory.supplier.snapshots.pending", () -> store.countQuarantined(supplier))
                    .description("Quarantined snapshots waiting to be approved or dismissed").tag("supplier", supplier)
                    .register(meters);
        }
    }

    public void outcome(String supplier, PollOutcome outcome) {
        meters.counter("inventory.supplier.snapshots", "supplier", supplier, "outcome", outcome.label()).increment();
    }

    public void quarantined(String supplier, String reason) {
        meters.counter("inventory.supplier.snapshots.quarantined", "supplier", supplier, "reason", reason).increment();
    }

    public void rowsRejected(String supplier, String reason, int rows) {
        meters.counter("inventory.supplier.rows.rejected", "supplier", supplier, "reason", reason).increment(rows);
    }

    public void events(String supplier, int events) {
        meters.counter("inventory.supplier.events", "supplier", supplier).increment(events);
        // a supplier's events carry its name as source and are absolute counts (SnapshotApplier)
        EventsReceived.count(meters, supplier, EventType.ADJUSTMENT, events);
    }
}
