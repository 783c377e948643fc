package io.inventorysync.connectors.shopify.sandbox;

import java.util.concurrent.atomic.AtomicInteger;

/** The faults currently armed; each armed failure is used up by one call. */
final class FaultInjector {

    private final AtomicInteger throttleNext = new AtomicInteger();
    private final AtomicInteger http5xxNext = new AtomicInteger();
    private final AtomicInteger unauthorizedNext = new AtomicInteger();
    private final AtomicInteger slowNext = new AtomicInteger();
    private volatile long slowMs;
    private volatile long latencyMs;
    private volatile int throttleStatusCode;
    private volatile int http5xxStatus = 503;

    FaultInjector(int throttleStatusCode) {
        this.throttleStatusCode = ThrottleStatusCodes.require(throttleStatusCode);
    }

    void apply(SandboxFaults faults) {
        if (faults.throttleStatusCode() != null) {
            throttleStatusCode = ThrottleStatusCodes.require(faults.throttleStatusCode());
        }
        if (faults.http5xxStatus() != null) {
            if (faults.http5xxStatus() < 500 || faults.http5xxStatus() > 599) {
                throw new IllegalArgumentException("http5xxStatus must be 5xx, was " + faults.http5xxStatus());
            }
            http5xxStatus = faults.http5xxStatus();
        }
        if (faults.latencyMs() != null) {
            latencyMs = Math.max(0, faults.latencyMs());
        }
        if (faults.throttleNext() != null) {
            throttleNext.set(Math.max(0, faults.throttleNext()));
        }
        if (faults.http5xxNext() != null) {
            http5xxNext.set(Math.max(0, faults.http5xxNext()));
        }
        if (faults.unauthorizedNext() != null) {
            unauthorizedNext.set(Math.max(0, faults.unauthorizedNext()));
        }
        if (faults.slowMs() != null) {
            slowMs = Math.max(0, faults.slowMs());
        }
        if (faults.slowNext() != null) {
            slowNext.set(Math.max(0, faults.slowNext()));
        }
    }

    void reset(int startupThrottleStatusCode) {
        throttleNext.set(0);
        http5xxNext.set(0);
        unauthorizedNext.set(0);
        slowNext.set(0);
        slowMs = 0;
        latencyMs = 0;
        http5xxStatus = 503;
        throttleStatusCode = startupThrottleStatusCode;
    }

    boolean takeThrottle() {
        return takeOne(throttleNext);
    }

    boolean takeServerError() {
        return takeOne(http5xxNext);
    }

    boolean takeUnauthorized() {
        return takeOne(unauthorizedNext);
    }

    void delay() throws InterruptedException {
        long ms = latencyMs + (takeOne(slowNext) ? slowMs : 0);
        if (ms > 0) {
            Thread.sleep(ms); // the sandbox simulating a slow platform; never on a test thread
        }
    }

    int throttleStatusCode() {
        return throttleStatusCode;
    }

    int http5xxStatus() {
        return http5xxStatus;
    }

    SandboxFaults snapshot() {
        return new SandboxFaults(throttleNext.get(), http5xxNext.get(), latencyMs, throttleStatusCode, http5xxStatus,
                unauthorizedNext.get(), slowNext.get(), slowMs);
    }

    private static boolean takeOne(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }
}
