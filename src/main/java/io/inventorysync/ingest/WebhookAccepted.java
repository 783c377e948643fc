package io.inventorysync.ingest;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.inventorysync.event.InventoryEvent;

/**
 * The 202 answer to an accepted webhook request: how many events were taken and their ids (derived ones included),
 * in request order, so that a source that sent no ids can still correlate.
 */
public record WebhookAccepted(int accepted, List<String> eventIds) {

    public WebhookAccepted {
        eventIds = List.copyOf(eventIds);
    }

    public static WebhookAccepted of(List<InventoryEvent> events) {
        return new WebhookAccepted(events.size(), events.stream().map(InventoryEvent::eventId).toList());
    }

    /** {@code {"accepted":2,"event_ids":["...","..."]}} */
    public String toJson() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("accepted", accepted);
        ArrayNode ids = body.putArray("event_ids");
        eventIds.forEach(ids::add);
        return body.toString();
    }
}
