package io.inventorysync.channel;

import org.apache.camel.CamelContext;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One channel's platform API meters, counted by the connectors' HTTP transports:
 * {@code inventory.channel.api.calls{channel,operation,outcome}} for every call that went out (outcome
 * {@value #SUCCESS}, {@value #THROTTLED}, {@value #TRANSIENT} for 5xx, 408, timeouts and I/O errors, or
 * {@value #REJECTED} for a refusal retrying cannot fix), and {@code inventory.channel.api.throttled{channel}} for the
 * throttled ones (Shopify's THROTTLED or 429, SP-API's 429 QuotaExceeded). The limiters should keep the second near
 * zero; when it is not, another application is spending the same quota. Operations are the platform's names
 * ({@code inventorySetQuantities}, {@code createFeed}, ...), a fixed set.
 */
public final class ChannelApiMeters {

    public static final String CALLS = "inventory.channel.api.calls";
    public static final String THROTTLED_CALLS = "inventory.channel.api.throttled";
    public static final String SUCCESS = "success";
    public static final String THROTTLED = "throttled";
    public static final String TRANSIENT = "transient_error";
    public static final String REJECTED = "rejected";

    /** Counts nothing: a client used outside an application with a meter registry. */
    public static final ChannelApiMeters NONE = new ChannelApiMeters(null, "none");

    private final MeterRegistry meters;
    private final String channel;

    private ChannelApiMeters(MeterRegistry meters, String channel) {
        this.meters = meters;
        this.channel = channel;
        if (meters != null) {
            // present from the start at 0, so a rate over it and an alert on it have a series before the first throttle
            Counter.builder(THROTTLED_CALLS).description("Platform API calls the platform throttled")
                    .tag("channel", channel).register(meters);
        }
    }

    public static ChannelApiMeters of(MeterRegistry meters, String channel) {
        return meters == null ? NONE : new ChannelApiMeters(meters, channel);
    }

    /** With the given registry, or else the CamelContext's only one (Spring Boot's), or else {@link #NONE}. */
    public static ChannelApiMeters of(MeterRegistry meters, CamelContext camel, String channel) {
        if (meters == null && camel != null) {
            meters = camel.getRegistry().findSingleByType(MeterRegistry.class);
        }
        return of(meters, channel);
    }

    public void call(String operation, String outcome) {
        if (meters == null) {
            return;
        }
        Counter.builder(CALLS).description("Platform API calls by operation and outcome").tag("channel", channel)
                .tag("operation", operation).tag("outcome", outcome).register(meters).increment();
        if (THROTTLED.equals(outcome)) {
            meters.counter(THROTTLED_CALLS, "channel", channel).increment();
        }
    }

    /** The outcome of a call that failed with {@code e}. */
    public void failed(String operation, RetryableChannelException e, String throttledCode) {
        call(operation, throttledCode.equals(e.code()) ? THROTTLED : TRANSIENT);
    }
}
