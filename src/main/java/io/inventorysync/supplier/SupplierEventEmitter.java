package io.inventorysync.supplier;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;

import io.inventorysync.event.EventCodec;
import io.inventorysync.event.InventoryEvent;

/**
 * Sends canonical events to the events topic keyed by SKU through the configured {@code kafka} component (so with
 * its {@code acks=all}, idempotent producer), a chunk at a time, and returns only when Kafka acknowledged every one.
 */
public class SupplierEventEmitter {

    private static final int CHUNK = 2000;

    private final ProducerTemplate producer;
    private final CamelContext context;
    private final String endpoint;
    private final EventCodec codec = new EventCodec();

    public SupplierEventEmitter(ProducerTemplate producer, CamelContext context, String eventsTopic) {
        this.producer = producer;
        this.context = context;
        this.endpoint = "kafka:" + eventsTopic;
    }

    /** @throws SupplierEmitException when Kafka did not acknowledge all of them; resending them is harmless */
    public void emit(List<InventoryEvent> events) {
        for (int from = 0; from < events.size(); from += CHUNK) {
            List<Exchange> records = new ArrayList<>();
            for (InventoryEvent event : events.subList(from, Math.min(events.size(), from + CHUNK))) {
                Exchange record = new DefaultExchange(context);
                record.getIn().setHeader("kafka.KEY", event.sku());
                record.getIn().setBody(new String(codec.toJson(event), StandardCharsets.UTF_8));
                records.add(record);
            }
            // the kafka producer sends an Iterable body as one record per element and completes after every ack
            Exchange sent = producer.send(endpoint, exchange -> exchange.getIn().setBody(records));
            if (sent.getException() != null) {
                throw new SupplierEmitException("Kafka did not acknowledge the snapshot's events: "
                        + sent.getException().getMessage(), sent.getException());
            }
        }
    }

    /** The events of a snapshot could not all be published; nothing is recorded and the next poll sends them again. */
    public static class SupplierEmitException extends RuntimeException {
        public SupplierEmitException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
