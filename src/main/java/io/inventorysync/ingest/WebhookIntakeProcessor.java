package io.inventorysync.ingest;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.TypeConversionException;
import org.apache.camel.support.DefaultMessage;

import io.inventorysync.event.EventCodec;
import io.inventorysync.event.InventoryEvent;

/**
 * The erp-webhook-source kamelet's gate: runs {@link WebhookIntake} on the raw body. A rejected request is
 * answered here (status and JSON reason) and the route stops; an accepted one becomes a list of messages, one
 * per event, each with the canonical JSON as body and the SKU as Kafka key, and nothing else from the HTTP
 * request (so no inbound header leaks into the records).
 */
public class WebhookIntakeProcessor implements Processor {

    static final String ACCEPTED_PROPERTY = "inventorySyncAccepted";
    /** The accepted events themselves, counted once Kafka has them all ({@link WebhookAcceptedResponse}). */
    static final String ACCEPTED_EVENTS_PROPERTY = "inventorySyncAcceptedEvents";

    private final EventCodec codec = new EventCodec();
    private String secrets;
    private int maxBodyBytes = WebhookIntake.DEFAULT_MAX_BODY_BYTES;
    private int maxEventsPerRequest = WebhookIntake.DEFAULT_MAX_EVENTS_PER_REQUEST;
    private long timestampToleranceSeconds = WebhookReplayWindow.DEFAULT_TOLERANCE.toSeconds();
    private String timestampRequiredSources = "";
    private volatile WebhookIntake intake;

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        byte[] body;
        try {
            body = in.getBody(byte[].class);
        } catch (TypeConversionException unreadable) {
            // platform-http hands the body over as the servlet's UTF-8 reader, which refuses malformed bytes: it
            // cannot be JSON (RFC 8259 requires UTF-8), and it must not become a 500
            reject(exchange, in, new WebhookRejectedException(400, WebhookRejectedException.MALFORMED_JSON,
                    "the body is not valid UTF-8 text"));
            return;
        }
        try {
            List<InventoryEvent> events = intake().accept(in.getHeader(WebhookHeaders.SOURCE, String.class),
                    in.getHeader(WebhookHeaders.SIGNATURE, String.class), in.getHeader(WebhookHeaders.TIMESTAMP, String.class),
                    body == null ? new byte[0] : body);
            List<Message> records = new ArrayList<>(events.size());
            for (InventoryEvent event : events) {
                Message record = new DefaultMessage(exchange.getContext());
                record.setBody(new String(codec.toJson(event), java.nio.charset.StandardCharsets.UTF_8));
                record.setHeader("kafka.KEY", event.sku());
                records.add(record);
            }
            exchange.setProperty(ACCEPTED_PROPERTY, WebhookAccepted.of(events).toJson());
            exchange.setProperty(ACCEPTED_EVENTS_PROPERTY, events);
            in.removeHeaders("*");
            in.setBody(records);
        } catch (WebhookRejectedException rejected) {
            reject(exchange, in, rejected);
        }
    }

    private static void reject(Exchange exchange, Message in, WebhookRejectedException rejected) {
        WebhookMeters.rejected(exchange.getContext(), rejected.httpStatus());
        in.removeHeaders("*");
        in.setHeader(Exchange.HTTP_RESPONSE_CODE, rejected.httpStatus());
        in.setHeader(Exchange.CONTENT_TYPE, "application/json");
        in.setBody(rejected.toJson());
        exchange.setRouteStop(true);
    }

    private WebhookIntake intake() {
        WebhookIntake current = intake;
        if (current == null) {
            current = WebhookIntake.fromSpec(secrets, maxBodyBytes, maxEventsPerRequest, timestampToleranceSeconds,
                    timestampRequiredSources);
            intake = current;
        }
        return current;
    }

    public void setSecrets(String secrets) {
        this.secrets = secrets;
        this.intake = null;
    }

    public void setMaxBodyBytes(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
        this.intake = null;
    }

    public void setMaxEventsPerRequest(int maxEventsPerRequest) {
        this.maxEventsPerRequest = maxEventsPerRequest;
        this.intake = null;
    }

    public void setTimestampToleranceSeconds(long timestampToleranceSeconds) {
        this.timestampToleranceSeconds = timestampToleranceSeconds;
        this.intake = null;
    }

    public void setTimestampRequiredSources(String timestampRequiredSources) {
        this.timestampRequiredSources = timestampRequiredSources;
        this.intake = null;
    }
}
