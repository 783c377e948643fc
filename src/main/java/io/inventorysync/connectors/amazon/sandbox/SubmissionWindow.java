package io.inventorysync.connectors.amazon.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/** At most {@code limit} events in any window of {@code window}: the JSON_LISTINGS_FEED submission limit. */
final class SubmissionWindow {

    private final LongSupplier nanoClock;
    private final int limit;
    private final long windowNanos;
    private final Deque<Long> accepted = new ArrayDeque<>();

    SubmissionWindow(int limit, Duration window, LongSupplier nanoClock) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.nanoClock = nanoClock;
    }

    synchronized boolean tryRecord() {
        long now = nanoClock.getAsLong();
        while (!accepted.isEmpty() && now - accepted.peekFirst() >= windowNanos) {
            accepted.removeFirst();
        }
        if (accepted.size() >= limit) {
            return false;
        }
        accepted.addLast(now);
        return true;
    }
}
