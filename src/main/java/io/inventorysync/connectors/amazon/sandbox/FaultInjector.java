package io.inventorysync.connectors.amazon.sandbox;

import java.util.concurrent.atomic.AtomicInteger;

/** The faults currently armed; each armed failure is used up by one call or feed. */
final class FaultInjector {

    private final AtomicInteger http5xxNext = new AtomicInteger();
    private final AtomicInteger throttleNext = new AtomicInteger();
    private final AtomicInteger fatalNext = new AtomicInteger();
    private final AtomicInteger cancelNext = new AtomicInteger();
    private final AtomicInteger unauthorizedNext = new AtomicInteger();
    private final AtomicInteger slowNext = new AtomicInteger();
    private volatile long slowMs;
    private volatile int http5xxStatus = 503;
    private volatile long latencyMs;

    void apply(SandboxFaults faults) {
        if (faults.http5xxStatus() != null) {
            if (faults.http5xxStatus() < 500 || faults.http5xxStatus() > 599) {
                throw new IllegalArgumentException("http5xxStatus must be 5xx, was " + faults.http5xxStatus());
            }
            http5xxStatus = faults.http5xxStatus();
        }
        if (faults.latencyMs() != null) {
            latencyMs = Math.max(0, faults.latencyMs());
        }
        set(http5xxNext, faults.http5xxNext());
        set(throttleNext, faults.throttleNext());
        set(fatalNext, faults.fatalNext());
        set(cancelNext, faults.cancelNext());
        set(unauthorizedNext, faults.unauthorizedNext());
        if (faults.slowMs() != null) {
            slowMs = Math.max(0, faults.slowMs());
        }
        set(slowNext, faults.slowNext());
    }

    void reset() {
        http5xxNext.set(0);
        throttleNext.set(0);
        fatalNext.set(0);
        cancelNext.set(0);
        unauthorizedNext.set(0);
        slowNext.set(0);
        slowMs = 0;
        http5xxStatus = 503;
        latencyMs = 0;
    }

    boolean takeServerError() {
        return takeOne(http5xxNext);
    }

    boolean takeThrottle() {
        return takeOne(throttleNext);
    }

    boolean takeFatal() {
        return takeOne(fatalNext);
    }

    boolean takeCancel() {
        return takeOne(cancelNext);
    }

    boolean takeUnauthorized() {
        return takeOne(unauthorizedNext);
    }

    int http5xxStatus() {
        return http5xxStatus;
    }

    void delay() throws InterruptedException {
        long ms = latencyMs + (takeOne(slowNext) ? slowMs : 0);
        if (ms > 0) {
            Thread.sleep(ms); // the sandbox simulating a slow platform, on its own server thread
        }
    }

    SandboxFaults snapshot() {
        return new SandboxFaults(http5xxNext.get(), http5xxStatus, throttleNext.get(), latencyMs, fatalNext.get(),
                cancelNext.get(), unauthorizedNext.get(), slowNext.get(), slowMs);
    }

    private static void set(AtomicInteger counter, Integer value) {
        if (value != null) {
            counter.set(Math.max(0, value));
        }
    }

    private static boolean takeOne(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }
}
