package io.inventorysync.resilience;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** Delivers a script's batches in order on a thread of its own, so the test can break things meanwhile. */
final class StreamRunner {

    private final AtomicInteger delivered = new AtomicInteger();
    private final CompletableFuture<Void> done;

    private StreamRunner(EventScript script, RetryingSource source) {
        this.done = CompletableFuture.runAsync(() -> {
            try {
                for (List<StockEvent> batch : script.batches()) {
                    source.deliver(batch);
                    delivered.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }, runnable -> {
            Thread thread = new Thread(runnable, "resilience-source");
            thread.setDaemon(true);
            thread.start();
        });
    }

    static StreamRunner start(EventScript script, RetryingSource source) {
        return new StreamRunner(script, source);
    }

    /** Batches accepted so far. */
    int delivered() {
        return delivered.get();
    }

    /** True when every batch went through, or delivery failed (then {@link #finish()} says why). */
    boolean isDone() {
        return done.isDone();
    }

    /** Waits for the last batch; rethrows a delivery failure. */
    void finish() {
        done.join();
    }
}
