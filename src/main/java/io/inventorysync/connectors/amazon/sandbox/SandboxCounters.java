package io.inventorysync.connectors.amazon.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Live counters behind {@link SandboxStats} (violations live in the {@link Throttle}). */
final class SandboxCounters {

    final AtomicLong requests = new AtomicLong();
    final AtomicLong injectedThrottles = new AtomicLong();
    final AtomicLong http5xx = new AtomicLong();
    final AtomicLong unauthorized = new AtomicLong();
    final AtomicLong tokensIssued = new AtomicLong();
    final AtomicLong tokenRequestsRejected = new AtomicLong();
    final AtomicLong uploads = new AtomicLong();
    final AtomicLong presignedUrlRejections = new AtomicLong();
    final AtomicLong feedsSubmitted = new AtomicLong();
    final AtomicLong feedsDone = new AtomicLong();
    final AtomicLong feedsFatal = new AtomicLong();
    final AtomicLong feedsCancelled = new AtomicLong();
    final AtomicInteger maxMessagesInOneFeed = new AtomicInteger();
    final AtomicLong messagesProcessed = new AtomicLong();
    final AtomicLong messagesAccepted = new AtomicLong();
    final AtomicLong messagesInvalid = new AtomicLong();
    private final ConcurrentMap<String, AtomicLong> calls = new ConcurrentHashMap<>();

    void call(String operationId) {
        calls.computeIfAbsent(operationId, k -> new AtomicLong()).incrementAndGet();
    }

    void feedSize(int messages) {
        maxMessagesInOneFeed.accumulateAndGet(messages, Math::max);
    }

    SandboxStats snapshot(Map<String, Long> violations) {
        Map<String, Long> callCounts = new TreeMap<>();
        calls.forEach((operation, count) -> callCounts.put(operation, count.get()));
        long total = violations.values().stream().mapToLong(Long::longValue).sum();
        return new SandboxStats(requests.get(), callCounts, violations, total, injectedThrottles.get(), http5xx.get(),
                unauthorized.get(), tokensIssued.get(), tokenRequestsRejected.get(), uploads.get(),
                presignedUrlRejections.get(), feedsSubmitted.get(), feedsDone.get(), feedsFatal.get(),
                feedsCancelled.get(), maxMessagesInOneFeed.get(), messagesProcessed.get(), messagesAccepted.get(),
                messagesInvalid.get());
    }

    void reset() {
        for (AtomicLong counter : new AtomicLong[] {requests, injectedThrottles, http5xx, unauthorized, tokensIssued,
                tokenRequestsRejected, uploads, presignedUrlRejections, feedsSubmitted, feedsDone, feedsFatal,
                feedsCancelled, messagesProcessed, messagesAccepted, messagesInvalid}) {
            counter.set(0);
        }
        maxMessagesInOneFeed.set(0);
        calls.clear();
    }
}
