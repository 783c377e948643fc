package io.inventorysync.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop pacing: slot i is due at start + i / rate, whatever happened to earlier slots, so a slow answer does
 * not lower the offered load (closed-loop load generators hide latency that way).
 */
final class Pacer {

    private final long start = System.nanoTime();
    private final double nanosPerSlot;

    Pacer(double slotsPerSecond) {
        this.nanosPerSlot = 1e9 / slotsPerSecond;
    }

    /** Waits until slot {@code i} is due; returns how late it actually starts, in nanoseconds. */
    long await(long i) {
        long due = start + (long) (i * nanosPerSlot);
        long now;
        while ((now = System.nanoTime()) < due) {
            LockSupport.parkNanos(due - now);
        }
        return now - due;
    }
}
