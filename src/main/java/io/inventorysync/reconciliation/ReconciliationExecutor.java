package io.inventorysync.reconciliation;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The threads on-demand runs go to (scheduled runs use the Quartz thread); stopped with the application. */
public final class ReconciliationExecutor implements AutoCloseable {

    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "reconciliation");
        thread.setDaemon(true);
        return thread;
    });

    public ExecutorService executor() {
        return executor;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
