package io.inventorysync.demo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inventorysync.ingest.WebhookHeaders;
import io.inventorysync.ingest.WebhookSigner;

/**
 * Plays an ERP for the demo: first a receiving per SKU, then a stream of sales, returns, reservations and
 * releases, transfers and now and then a cycle count, each request signed like a real source would sign it.
 */
public class DemoFeed implements Processor {

    private static final List<String> SKUS = List.of("WIDGET-BLU-L", "WIDGET-BLU-M", "WIDGET-RED-L", "WIDGET-RED-M",
            "GADGET-001", "GADGET-002");
    private static final List<String> LOCATIONS = List.of("WH-EAST-001", "STORE-NYC-01");

    private final ObjectMapper json = new ObjectMapper();
    private final RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
    private final String source;
    private final WebhookSigner signer;
    private long tick;
    private int orderSeq;

    public DemoFeed(String source, String secret) {
        this.source = source;
        this.signer = new WebhookSigner(secret);
    }

    @Override
    public synchronized void process(Exchange exchange) throws JsonProcessingException {
        List<Map<String, Object>> events = tick++ == 0 ? openingStock() : nextEvents();
        byte[] body = json.writeValueAsBytes(events);
        Message message = exchange.getMessage();
        message.setHeader(WebhookHeaders.SOURCE, source);
        // signed with the time, as every source should: a captured request cannot be replayed after the window
        long now = Instant.now().getEpochSecond();
        message.setHeader(WebhookHeaders.TIMESTAMP, Long.toString(now));
        message.setHeader(WebhookHeaders.SIGNATURE, signer.signatureHeader(now, body));
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setBody(new String(body, StandardCharsets.UTF_8));
    }

    private List<Map<String, Object>> openingStock() {
        List<Map<String, Object>> events = new ArrayList<>();
        for (String sku : SKUS) {
            for (String location : LOCATIONS) {
                events.add(Map.of("event_type", "inventory.receiving", "sku", sku, "location_id", location,
                        "quantity_change", 40 + random.nextInt(60), "timestamp", Instant.now().toString(), "source", source));
            }
        }
        return events;
    }

    private List<Map<String, Object>> nextEvents() {
        List<Map<String, Object>> events = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            String sku = SKUS.get(random.nextInt(SKUS.size()));
            String location = LOCATIONS.get(random.nextInt(LOCATIONS.size()));
            String now = Instant.now().toString();
            String order = "DEMO-" + (++orderSeq);
            int roll = random.nextInt(100);
            if (roll < 55) {
                events.add(Map.of("event_type", "inventory.sale", "sku", sku, "location_id", location,
                        "quantity_change", -(1 + random.nextInt(3)), "order_id", order, "timestamp", now, "source", source));
            } else if (roll < 65) {
                events.add(Map.of("event_type", "inventory.return", "sku", sku, "location_id", location,
                        "quantity_change", 1, "order_id", order, "timestamp", now, "source", source));
            } else if (roll < 75) {
                events.add(Map.of("event_type", "inventory.reserve", "sku", sku, "location_id", location,
                        "quantity_change", -1, "order_id", order, "timestamp", now, "source", source));
                events.add(Map.of("event_type", "inventory.release", "sku", sku, "location_id", location,
                        "quantity_change", 1, "order_id", order, "timestamp", now, "source", source));
            } else if (roll < 85) {
                events.add(Map.of("event_type", "inventory.receiving", "sku", sku, "location_id", location,
                        "quantity_change", 10 + random.nextInt(20), "timestamp", now, "source", source));
            } else if (roll < 95) {
                events.add(Map.of("event_type", "inventory.transfer", "sku", sku, "location_id", LOCATIONS.get(0),
                        "destination_location_id", LOCATIONS.get(1), "quantity_change", -(1 + random.nextInt(5)),
                        "timestamp", now, "source", source));
            } else {
                events.add(Map.of("event_type", "inventory.adjustment", "sku", sku, "location_id", location,
                        "new_available", 30 + random.nextInt(50), "timestamp", now, "source", source));
            }
        }
        return events;
    }
}
