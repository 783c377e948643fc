package io.inventorysync.ingest;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the webhook once every event went through: 202 with the accepted ids, or 503 (retry later) when
 * an event could not be made durable, so the source re-sends instead of believing it was stored.
 */
public class WebhookAcceptedResponse implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookAcceptedResponse.class);

    @Override
    public void process(Exchange exchange) {
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.CONTENT_TYPE, "application/json");
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (failure != null) {
            LOG.warn("Webhook events not stored durably; answering 503 so the source retries", failure);
            WebhookMeters.rejected(exchange.getContext(), 503);
            out.setHeader(Exchange.HTTP_RESPONSE_CODE, 503);
            out.setHeader("Retry-After", "5");
            out.setBody("{\"status\":503,\"error\":\"not-stored\",\"message\":\"events could not be stored durably; retry the request\"}");
            return;
        }
        WebhookMeters.accepted(exchange.getContext(),
                exchange.getProperty(WebhookIntakeProcessor.ACCEPTED_EVENTS_PROPERTY, List.class));
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
        out.setBody(exchange.getProperty(WebhookIntakeProcessor.ACCEPTED_PROPERTY, String.class));
    }
}
