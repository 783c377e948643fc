package io.inventorysync.channel.backlog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.resilience4j.core.IntervalFunction;
import io.inventorysync.channel.ClaimedListing;
import io.inventorysync.channel.ListingQuantity;
import io.inventorysync.channel.ListingStore;
import io.inventorysync.channel.PushOutcome;
import io.inventorysync.deadletter.DeadLetter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Converges one channel to its desired state: claim (lease) pending listings, hand them to the route as a JSON
 * list of {@link ListingQuantity}, read back the sink's {@link PushOutcome}s and record them. Runs whenever a
 * ledger commit notifies the channel, and every poll interval as a fallback.
 */
public class ListingBacklogConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(ListingBacklogConsumer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String STAGE = "dispatch";

    private final ListingBacklogEndpoint endpoint;
    private final List<Semaphore> wakes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Runnable waker = () -> wakes.forEach(Semaphore::release);
    private final IntervalFunction backoff;
    private ExecutorService executor;
    private DispatchMeters dispatchMeters;
    private volatile boolean running;
    private final java.util.concurrent.atomic.AtomicLong round = new java.util.concurrent.atomic.AtomicLong();
    /** Distinguishes this consumer's claims from those of an earlier run with the same instance id. */
    private final String incarnation = Long.toHexString(System.nanoTime());
    private DispatchRoundListener idleRounds;

    public ListingBacklogConsumer(ListingBacklogEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(endpoint.getInitialBackoff(), 2.0, 0.5,
                endpoint.getMaxBackoff());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        running = true;
        ListingBacklogComponent component = endpoint.getComponent();
        String channel = endpoint.getChannel();
        MeterRegistry meters = component.meters();
        Gauge.builder("inventory.channel.backlog", component.store(), s -> s.backlog(channel))
                .description("Listings whose desired quantity is not pushed yet").tag("channel", channel).register(meters);
        Gauge.builder("inventory.channel.oldest.pending.seconds", component.store(), s -> s.oldestPendingSeconds(channel))
                .description("Age of the oldest unpushed change (freshness)").tag("channel", channel).register(meters);
        dispatchMeters = new DispatchMeters(meters, channel);
        component.changes().register(channel, waker);
        idleRounds = getEndpoint().getCamelContext().getRegistry().findSingleByType(DispatchRoundListener.class);
        int threads = Math.max(1, endpoint.getConcurrentConsumers());
        executor = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newFixedThreadPool(this, "listing-backlog-" + channel, threads);
        for (int i = 0; i < threads; i++) {
            Semaphore wake = new Semaphore(0);
            wakes.add(wake);
            executor.submit(() -> loop(wake));
        }
    }

    @Override
    protected void doStop() throws Exception {
        running = false;
        endpoint.getComponent().changes().unregister(endpoint.getChannel(), waker);
        waker.run();
        if (executor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(executor);
            executor = null;
        }
        super.doStop();
    }

    private void loop(Semaphore wake) {
        while (running) {
            try {
                wake.tryAcquire(endpoint.getPollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                while (running && dispatchOnce() > 0) {
                    // keep draining while there is backlog
                }
                if (idleRounds != null) {
                    idleRounds.idleRound(endpoint.getChannel());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Dispatch round for channel {} failed; retrying on the next round", endpoint.getChannel(), e);
            }
        }
    }

    /** One claim-push-record round; returns how many listings it claimed. */
    int dispatchOnce() throws InterruptedException {
        ListingBacklogComponent component = endpoint.getComponent();
        String channel = endpoint.getChannel();
        if (!gateOpen(component)) {
            return 0;
        }
        // a token per round, so an answer that outlives its lease cannot be taken for a later claim's
        String owner = component.instanceId() + "#" + incarnation + "-" + round.incrementAndGet();
        List<ClaimedListing> claimed = component.store().claim(channel, owner, endpoint.getClaimSize(), endpoint.getLease());
        if (claimed.isEmpty()) {
            return 0;
        }
        Map<String, ClaimedListing> bySku = new HashMap<>();
        List<ListingQuantity> batch = new ArrayList<>();
        for (ClaimedListing listing : claimed) {
            Optional<Map<String, String>> ids = component.mappings().listing(channel, listing.sku());
            if (ids.isEmpty()) {
                reject(listing, "sku-unmapped", "mapping for " + listing.sku() + " was removed from " + channel);
                continue;
            }
            bySku.put(listing.sku(), listing);
            batch.add(new ListingQuantity(listing.sku(), ids.get(), listing.quantity(), listing.pushedQuantity()));
        }
        if (!batch.isEmpty()) {
            push(channel, batch, bySku);
        }
        return claimed.size();
    }

    /** Waits (up to one poll interval) for the channel's submission limiter, when the endpoint names one. */
    private boolean gateOpen(ListingBacklogComponent component) throws InterruptedException {
        if (endpoint.getGate() == null || endpoint.getGate().isBlank()) {
            return true;
        }
        var limiter = component.rateLimiters().find(endpoint.getGate());
        return limiter.isEmpty() || limiter.get().awaitAvailable(1, endpoint.getPollInterval());
    }

    private void push(String channel, List<ListingQuantity> batch, Map<String, ClaimedListing> bySku) {
        Exchange exchange = createExchange(false);
        try {
            exchange.getMessage().setBody(JSON.writeValueAsString(batch));
            exchange.getMessage().setHeader("inventorySyncChannel", channel);
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        try {
            if (exchange.getException() != null) {
                Exception e = exchange.getException();
                bySku.values().forEach(l -> retry(l, e.getClass().getSimpleName(), String.valueOf(e.getMessage()), null));
            } else if (exchange.getProperty(Exchange.EXCEPTION_CAUGHT) != null) {
                // the route's dead letter channel took the batch: record it as rejected, the dead letter has it
                Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
                bySku.values().forEach(l -> {
                    dispatchMeters.outcome(PushOutcome.Status.REJECTED);
                    component().store().recordRejected(l, e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
                });
            } else {
                List<PushOutcome> outcomes;
                try {
                    outcomes = outcomes(exchange);
                } catch (IllegalStateException e) {
                    LOG.error("Channel {}: {}", endpoint.getChannel(), e.getMessage());
                    bySku.values().forEach(l -> retry(l, "BAD_SINK_ANSWER", e.getMessage(), null));
                    return;
                }
                record(outcomes, bySku);
            }
        } finally {
            releaseExchange(exchange, false);
        }
    }

    /** The sink answers push outcomes as Java objects or as JSON (a kamelet marshals them), in any body form. */
    private List<PushOutcome> outcomes(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        try {
            if (body instanceof List<?> list) {
                return JSON.convertValue(list, new TypeReference<List<PushOutcome>>() { });
            }
            return JSON.readValue(exchange.getMessage().getMandatoryBody(String.class), new TypeReference<List<PushOutcome>>() { });
        } catch (Exception e) {
            throw new IllegalStateException("channel sink must answer a list of push outcomes, got: " + body, e);
        }
    }

    private void record(List<PushOutcome> outcomes, Map<String, ClaimedListing> bySku) {
        String channel = endpoint.getChannel();
        Instant now = Instant.now();
        ListingStore store = component().store();
        List<ListingStore.Pushed> pushed = new ArrayList<>();
        for (PushOutcome outcome : outcomes) {
            ClaimedListing listing = bySku.remove(outcome.sku());
            if (listing == null) {
                continue;
            }
            switch (outcome.status()) {
                case PUSHED -> pushed.add(new ListingStore.Pushed(listing, outcome.quantity()));
                case RETRY -> retry(listing, outcome.code(), outcome.message(), outcome.retryAfterMs());
                case REJECTED -> reject(listing, outcome.code(), outcome.message());
            }
        }
        Map<String, Optional<Instant>> recorded = store.recordPushed(channel, pushed);
        for (ListingStore.Pushed p : pushed) {
            ClaimedListing listing = p.listing();
            dispatchMeters.outcome(PushOutcome.Status.PUSHED);
            if (recorded.containsKey(listing.sku())) {
                dispatchMeters.acknowledged(listing.desiredAt(), recorded.get(listing.sku()).orElse(null), now);
            } else {
                // Our value may have reached the channel after the newer claim's (a channel without compare-and-set,
                // such as an Amazon feed submitted late, then shows the older value): push the latest value once
                // more, after both.
                store.requestRepush(channel, listing.sku());
                LOG.warn("Channel {}: push of {} v{} answered after its lease expired and another claim took it;"
                        + " the latest value is pushed again", channel, listing.sku(), listing.version());
            }
        }
        // the sink said nothing about these: treat as not pushed, try again
        bySku.values().forEach(l -> retry(l, "NO_OUTCOME", "sink returned no outcome for this listing", null));
    }

    private void retry(ClaimedListing listing, String code, String message, Long retryAfterMs) {
        dispatchMeters.outcome(PushOutcome.Status.RETRY);
        long delay = backoff.apply(listing.attempts() + 1);
        if (retryAfterMs != null) {
            delay = Math.max(delay, retryAfterMs);
        }
        component().store().recordRetry(listing, code, message, Instant.now().plusMillis(delay));
    }

    private void reject(ClaimedListing listing, String code, String message) {
        dispatchMeters.outcome(PushOutcome.Status.REJECTED);
        ListingBacklogComponent component = component();
        String payload;
        try {
            payload = JSON.writeValueAsString(Map.of("channel", listing.channel(), "sku", listing.sku(),
                    "quantity", listing.quantity(), "version", listing.version()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        component.deadLetters().publish(new DeadLetter(STAGE, code, message, null, listing.sku(), listing.channel(), payload));
        component.store().recordRejected(listing, code, message);
    }

    private ListingBacklogComponent component() {
        return endpoint.getComponent();
    }
}
