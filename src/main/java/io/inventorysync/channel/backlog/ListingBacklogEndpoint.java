package io.inventorysync.channel.backlog;

import java.time.Duration;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/** Consumes the push backlog of one sales channel. */
@UriEndpoint(scheme = "listing-backlog", title = "Listing Backlog", syntax = "listing-backlog:channel",
        consumerOnly = true, category = { Category.DATABASE })
public class ListingBacklogEndpoint extends DefaultEndpoint {

    @UriPath(description = "Channel instance name, as in its connectors/ file")
    @Metadata(required = true)
    private final String channel;

    @UriParam(defaultValue = "1000", description = "Most listings claimed per round; the sink splits them into API batches")
    private int claimSize = 1000;

    @UriParam(defaultValue = "60s", description = "Lease on claimed listings; a crashed instance's claims are retaken after it")
    private Duration lease = Duration.ofSeconds(60);

    @UriParam(defaultValue = "5s", description = "Fallback poll when no commit notification arrives")
    private Duration pollInterval = Duration.ofSeconds(5);

    @UriParam(defaultValue = "1s", description = "First retry delay after a retryable failure (exponential, with jitter)")
    private Duration initialBackoff = Duration.ofSeconds(1);

    @UriParam(defaultValue = "5m", description = "Longest retry delay")
    private Duration maxBackoff = Duration.ofMinutes(5);

    @UriParam(description = "Key of a rate limiter in the shared RateLimiterRegistry (a channel's submission limiter,"
            + " e.g. Amazon's listings-feed slots). Before claiming, the dispatcher waits until it has a permit, so the"
            + " call that follows carries the values pending when the slot opened rather than older ones.")
    private String gate;

    @UriParam(defaultValue = "1", description = "Claim-push rounds run in parallel (each with its own claims); more"
            + " than 1 suits channels whose calls take long, such as asynchronous feeds")
    private int concurrentConsumers = 1;

    public ListingBacklogEndpoint(String uri, ListingBacklogComponent component, String channel) {
        super(uri, component);
        this.channel = channel;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("listing-backlog is a consumer; channels are pushed to by sinks");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        ListingBacklogConsumer consumer = new ListingBacklogConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public ListingBacklogComponent getComponent() {
        return (ListingBacklogComponent) super.getComponent();
    }

    public String getChannel() { return channel; }
    public int getClaimSize() { return claimSize; }
    public void setClaimSize(int claimSize) { this.claimSize = claimSize; }
    public Duration getLease() { return lease; }
    public void setLease(Duration lease) { this.lease = lease; }
    public Duration getPollInterval() { return pollInterval; }
    public void setPollInterval(Duration pollInterval) { this.pollInterval = pollInterval; }
    public Duration getInitialBackoff() { return initialBackoff; }
    public void setInitialBackoff(Duration initialBackoff) { this.initialBackoff = initialBackoff; }
    public Duration getMaxBackoff() { return maxBackoff; }
    public void setMaxBackoff(Duration maxBackoff) { this.maxBackoff = maxBackoff; }
    public String getGate() { return gate; }
    public void setGate(String gate) { this.gate = gate; }
    public int getConcurrentConsumers() { return concurrentConsumers; }
    public void setConcurrentConsumers(int concurrentConsumers) { this.concurrentConsumers = concurrentConsumers; }
}
