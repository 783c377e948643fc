package io.inventorysync.connectors.amazon;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

import io.inventorysync.channel.ChannelPusher;
import io.inventorysync.channel.ListingQuantity;
import io.inventorysync.channel.ListingQuantityBody;
import io.inventorysync.channel.PushOutcome;

/**
 * Splits the body into feeds of at most {@code batchSize} messages, submits each through the
 * {@link AmazonListingsClient} and answers one {@link PushOutcome} per item, in body order.
 *
 * <p>Retries: a feed that could not be submitted (429, 5xx, timeouts before createFeed answered) is tried again
 * in-process with exponential randomised backoff, up to {@code maxRetries}, never sooner than the rate limit's hint.
 * A submitted feed is never resubmitted here: if it ends FATAL or CANCELLED or is not done in time, its items are
 * answered RETRY at once, so the caller's next push carries the latest values rather than these.
 */
public class AmazonListingsProducer extends DefaultProducer {

    /** Codes that refuse every feed of the seller alike: later feeds of the same body are answered without calls. */
    private static final Set<String> REFUSES_ALL = Set.of("Unauthorized", "invalid_grant", "invalid_client",
            "unauthorized_client");

    private final AmazonListingsClient client;
    private final ListingQuantityBody bodyReader = new ListingQuantityBody("amazon-listings");
    private final ChannelPusher pusher;

    public AmazonListingsProducer(AmazonListingsEndpoint endpoint, AmazonListingsClient client) {
        super(endpoint);
        this.client = client;
        AmazonListingsConfiguration configuration = endpoint.getConfiguration();
        this.pusher = new ChannelPusher("seller " + endpoint.getSellerId(), configuration.getMaxRetries(),
                configuration.getInitialBackoff(), configuration.getBackoffMultiplier(), configuration.getMaxBackoff(),
                REFUSES_ALL);
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        List<ListingQuantity> items = bodyReader.read(exchange.getMessage().getBody());
        List<String> feedIds = new ArrayList<>();
        ChannelPusher.Result result = pusher.push(items, client.maxBatchSize(), batch -> {
            FeedSubmission submission = client.submit(batch);
            if (submission.feedId() != null) {
                feedIds.add(submission.feedId());
            }
            // once a feed was created Amazon has the work: a failed feed is retried by the dispatcher, not here
            return new ChannelPusher.Answer(submission.outcomes(), submission.feedId() == null);
        });
        Message answer = exchange.getMessage();
        answer.setBody(result.outcomes());
        answer.setHeader(AmazonListingsConstants.PUSHED_COUNT, result.count(PushOutcome.Status.PUSHED));
        answer.setHeader(AmazonListingsConstants.RETRY_COUNT, result.count(PushOutcome.Status.RETRY));
        answer.setHeader(AmazonListingsConstants.REJECTED_COUNT, result.count(PushOutcome.Status.REJECTED));
        answer.setHeader(AmazonListingsConstants.FEED_IDS, feedIds);
    }
}
