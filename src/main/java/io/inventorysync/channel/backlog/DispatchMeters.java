package io.inventorysync.channel.backlog;

import java.time.Duration;
import java.time.Instant;

import io.inventorysync.channel.PushOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * One channel's dispatch meters: {@code inventory.channel.pushes{channel,status}} (every listing outcome, so the
 * failure rate is (retry + rejected) / all), {@code inventory.sync.latency{channel}} (ledger commit to the channel's
 * acknowledgement) and {@code inventory.sync.end.to.end.latency{channel}} (the event's own timestamp to the channel's
 * acknowledgement). Both latencies are Prometheus histograms with the same buckets, 10 ms to 1 h, so percentiles
 * can be aggregated across instances.
 */
final class DispatchMeters {

    static final String PUSHES = "inventory.channel.pushes";
    static final String LATENCY = "inventory.sync.latency";
    static final String END_TO_END = "inventory.sync.end.to.end.latency";

    /** From a fast shop (tens of ms) to an Amazon feed under a full usage plan (tens of minutes). */
    static final Duration[] BUCKETS = {
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
            Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30),
            Duration.ofHours(1) };

    private final Counter pushed;
    private final Counter retry;
    private final Counter rejected;
    private final Timer latency;
    private final Timer endToEnd;

    DispatchMeters(MeterRegistry meters, String channel) {
        this.pushed = pushes(meters, channel, PushOutcome.Status.PUSHED);
        this.retry = pushes(meters, channel, PushOutcome.Status.RETRY);
        this.rejected = pushes(meters, channel, PushOutcome.Status.REJECTED);
        this.latency = Timer.builder(LATENCY).description("From ledger commit to the channel acknowledging the push")
                .tag("channel", channel).serviceLevelObjectives(BUCKETS).register(meters);
        this.endToEnd = Timer.builder(END_TO_END)
                .description("From the timestamp of the earliest event a push carries to the channel acknowledging it")
                .tag("channel", channel).serviceLevelObjectives(BUCKETS).register(meters);
    }

    private static Counter pushes(MeterRegistry meters, String channel, PushOutcome.Status status) {
        return Counter.builder(PUSHES).description("Listing push outcomes: pushed, retry (will be tried again), rejected")
                .tag("channel", channel).tag("status", status.name().toLowerCase()).register(meters);
    }

    void outcome(PushOutcome.Status status) {
        switch (status) {
            case PUSHED -> pushed.increment();
            case RETRY -> retry.increment();
            case REJECTED -> rejected.increment();
        }
    }

    /**
     * @param eventAt the earliest event time the push carries, null when no event caused the change; a timestamp
     *                in the future (a source's clock ahead of ours) counts as zero
     */
    void acknowledged(Instant desiredAt, Instant eventAt, Instant now) {
        latency.record(nonNegative(Duration.between(desiredAt, now)));
        if (eventAt != null) {
            endToEnd.record(nonNegative(Duration.between(eventAt, now)));
        }
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
