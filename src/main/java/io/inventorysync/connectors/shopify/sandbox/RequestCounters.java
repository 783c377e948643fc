package io.inventorysync.connectors.shopify.sandbox;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Live counters behind {@link SandboxStats}. */
final class RequestCounters {

    final AtomicLong requests = new AtomicLong();
    final AtomicLong mutationsReceived = new AtomicLong();
    final AtomicLong mutationsApplied = new AtomicLong();
    final AtomicLong mutationsWithUserErrors = new AtomicLong();
    final AtomicLong queries = new AtomicLong();
    final AtomicInteger maxQuantitiesInOneMutation = new AtomicInteger();
    final AtomicLong throttled = new AtomicLong();
    final AtomicLong http5xx = new AtomicLong();
    final AtomicLong unauthorized = new AtomicLong();

    void recordMutationSize(int quantities) {
        maxQuantitiesInOneMutation.accumulateAndGet(quantities, Math::max);
    }

    SandboxStats snapshot() {
        return new SandboxStats(requests.get(), mutationsReceived.get(), mutationsApplied.get(),
                mutationsWithUserErrors.get(), queries.get(), maxQuantitiesInOneMutation.get(), throttled.get(),
                http5xx.get(), unauthorized.get());
    }

    void reset() {
        for (AtomicLong counter : new AtomicLong[] {requests, mutationsReceived, mutationsApplied,
                mutationsWithUserErrors, queries, throttled, http5xx, unauthorized}) {
            counter.set(0);
        }
        maxQuantitiesInOneMutation.set(0);
    }
}
