package io.inventorysync.oversell;

/**
 * How one channel's shown quantities learn of stock changes. The simulator tells the policy about every change
 * and about the start; the policy schedules, through the {@link Simulation}, when the channel shows which value.
 */
public interface SyncPolicy {

    /** Called once before the first order, at the trace's start. */
    default void start(Simulation sim, String channel) {
    }

    /** Called after the true stock of {@code sku} changed (a sale on any channel). */
    default void stockChanged(Simulation sim, String channel, String sku) {
    }

    /** The simulator's view a policy may use: the clock, the true stock, what a channel shows, and scheduling. */
    interface Simulation {
        long nowMillis();

        /** The true stock (the ledger) now; may be negative after an oversell. */
        int stock(String sku);

        /** Every SKU of the audit, in the starting-stock file's order, then SKUs only seen in orders. */
        java.util.List<String> skus();

        int shown(String channel, String sku);

        /** Runs {@code action} at {@code atMillis} (not before now); same-time actions run in scheduling order. */
        void at(long atMillis, Runnable action);

        /** The channel shows {@code quantity} for {@code sku} from now on (until its own sales or the next update). */
        void show(String channel, String sku, int quantity);

        /** The time of the last order: periodic policies stop scheduling after it. */
        long endMillis();
    }
}
