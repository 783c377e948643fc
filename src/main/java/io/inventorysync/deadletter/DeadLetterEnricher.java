package io.inventorysync.deadletter;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Completes a dead letter's headers: when it comes from the dead letter channel (not from Java code that set
 * them), the stage is the failed route and the reason the exception type. Counts every dead letter.
 */
public class DeadLetterEnricher implements Processor {

    private final MeterRegistry meters;

    public DeadLetterEnricher(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (isBlank(message.getHeader(DeadLetterHeaders.STAGE))) {
            String route = exchange.getProperty(Exchange.FAILURE_ROUTE_ID, String.class);
            message.setHeader(DeadLetterHeaders.STAGE, route == null ? "unknown" : route);
        }
        if (isBlank(message.getHeader(DeadLetterHeaders.REASON))) {
            message.setHeader(DeadLetterHeaders.REASON, caught == null ? "unknown" : caught.getClass().getSimpleName());
        }
        if (isBlank(message.getHeader(DeadLetterHeaders.EXCEPTION)) && caught != null) {
            message.setHeader(DeadLetterHeaders.EXCEPTION, caught.getClass().getName() + ": " + caught.getMessage());
        }
        if (isBlank(message.getHeader(DeadLetterHeaders.CHANNEL)) && message.getHeader("inventorySyncChannel") != null) {
            message.setHeader(DeadLetterHeaders.CHANNEL, message.getHeader("inventorySyncChannel", String.class));
        }
        if (isBlank(message.getHeader(DeadLetterHeaders.ORIGIN_TOPIC)) && message.getHeader("kafka.TOPIC") != null) {
            message.setHeader(DeadLetterHeaders.ORIGIN_TOPIC, message.getHeader("kafka.TOPIC", String.class));
        }
        // never let an inbound record's routing headers redirect the dead letter
        message.removeHeader("kafka.OVERRIDE_TOPIC");
        message.removeHeader("kafka.TOPIC");
        message.removeHeader("kafka.PARTITION_KEY");
        meters.counter("inventory.dead.letters", "stage", message.getHeader(DeadLetterHeaders.STAGE, String.class),
                "reason", message.getHeader(DeadLetterHeaders.REASON, String.class)).increment();
    }

    private static boolean isBlank(Object value) {
        return value == null || value.toString().isBlank();
    }
}
