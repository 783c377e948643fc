package io.inventorysync.channel.backlog;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import io.inventorysync.channel.ListingStore;
import io.inventorysync.channel.ratelimit.RateLimiterRegistry;
import io.inventorysync.deadletter.DeadLetterPublisher;
import io.inventorysync.mapping.SkuMappings;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code listing-backlog:<channel>}: a consumer that emits batches of listings whose desired quantity has not
 * been pushed yet, and records what the route's channel sink answered. Lives in the pack's application because
 * it reads the pack's store.
 */
@Component("listing-backlog")
public class ListingBacklogComponent extends DefaultComponent {

    private final ListingStore store;
    private final SkuMappings mappings;
    private final DeadLetterPublisher deadLetters;
    private final ListingChangeListener changes;
    private final MeterRegistry meters;
    private final String instanceId;
    private final RateLimiterRegistry rateLimiters;

    public ListingBacklogComponent(ListingStore store, SkuMappings mappings, DeadLetterPublisher deadLetters,
            ListingChangeListener changes, MeterRegistry meters, String instanceId, RateLimiterRegistry rateLimiters) {
        this.store = store;
        this.mappings = mappings;
        this.deadLetters = deadLetters;
        this.changes = changes;
        this.meters = meters;
        this.instanceId = instanceId;
        this.rateLimiters = rateLimiters;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ListingBacklogEndpoint endpoint = new ListingBacklogEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    ListingStore store() { return store; }
    SkuMappings mappings() { return mappings; }
    DeadLetterPublisher deadLetters() { return deadLetters; }
    ListingChangeListener changes() { return changes; }
    MeterRegistry meters() { return meters; }
    String instanceId() { return instanceId; }
    RateLimiterRegistry rateLimiters() { return rateLimiters; }
}
