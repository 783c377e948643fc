package io.inventorysync.connectors.amazon;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.github.resilience4j.core.IntervalFunction;
import io.inventorysync.channel.ListingQuantity;
import io.inventorysync.channel.ListingQuantityBody;
import io.inventorysync.channel.PushOutcome;
import io.inventorysync.channel.RetryableChannelException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(AmazonListingsProducer.class);
    private static final double BACKOFF_RANDOMIZATION = 0.5;
    /** Codes that refuse every feed of the seller alike: later feeds of the same body are answered without calls. */
    private static final Set<String> REFUSES_ALL = Set.of("Unauthorized", "invalid_grant", "invalid_client",
            "unauthorized_client");

    private final AmazonListingsClient client;
    private final AmazonListingsConfiguration configuration;
    private final ListingQuantityBody bodyReader = new ListingQuantityBody("amazon-listings");
    private final IntervalFunction backoff;

    public AmazonListingsProducer(AmazonListingsEndpoint endpoint, AmazonListingsClient client) {
        super(endpoint);
        this.client = client;
        this.configuration = endpoint.getConfiguration();
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(Math.max(1, configuration.getInitialBackoff()),
                configuration.getBackoffMultiplier(), BACKOFF_RANDOMIZATION, Math.max(1, configuration.getMaxBackoff()));
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        List<ListingQuantity> items = bodyReader.read(exchange.getMessage().getBody());
        List<PushOutcome> outcomes = new ArrayList<>(items.size());
        List<String> feedIds = new ArrayList<>();
        int batchSize = client.maxBatchSize();
        PushOutcome refusedAll = null;
        for (int from = 0; from < items.size(); from += batchSize) {
            List<ListingQuantity> batch = items.subList(from, Math.min(items.size(), from + batchSize));
            if (refusedAll != null) {
                PushOutcome reason = refusedAll;
                batch.forEach(item -> outcomes.add(PushOutcome.rejected(item, reason.code(), reason.message())));
                continue;
            }
            List<PushOutcome> batchOutcomes = submitWithRetries(batch, feedIds);
            outcomes.addAll(batchOutcomes);
            refusedAll = refusedAll(batchOutcomes);
        }
        Message answer = exchange.getMessage();
        answer.setBody(outcomes);
        answer.setHeader(AmazonListingsConstants.PUSHED_COUNT, count(outcomes, PushOutcome.Status.PUSHED));
        answer.setHeader(AmazonListingsConstants.RETRY_COUNT, count(outcomes, PushOutcome.Status.RETRY));
        answer.setHeader(AmazonListingsConstants.REJECTED_COUNT, count(outcomes, PushOutcome.Status.REJECTED));
        answer.setHeader(AmazonListingsConstants.FEED_IDS, feedIds);
    }

    private List<PushOutcome> submitWithRetries(List<ListingQuantity> batch, List<String> feedIds) throws InterruptedException {
        PushOutcome[] outcomes = new PushOutcome[batch.size()];
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            open.add(i);
        }
        for (int attempt = 1; ; attempt++) {
            List<ListingQuantity> sending = open.stream().map(batch::get).toList();
            Long hint = null;
            List<Integer> stillOpen = new ArrayList<>();
            try {
                FeedSubmission submission = client.submit(sending);
                if (submission.feedId() != null) {
                    feedIds.add(submission.feedId());
                }
                for (int i = 0; i < submission.outcomes().size(); i++) {
                    PushOutcome outcome = submission.outcomes().get(i);
                    outcomes[open.get(i)] = outcome;
                    // RETRY without a feed: the submission itself failed and may be tried again here
                    if (outcome.status() == PushOutcome.Status.RETRY && submission.feedId() == null) {
                        stillOpen.add(open.get(i));
                        hint = max(hint, outcome.retryAfterMs());
                    }
                }
            } catch (RetryableChannelException e) {
                hint = e.retryAfterMs();
                for (int index : open) {
                    outcomes[index] = PushOutcome.retry(batch.get(index), e.code(), e.getMessage(), e.retryAfterMs());
                    stillOpen.add(index);
                }
            }
            open = stillOpen;
            if (open.isEmpty() || attempt > configuration.getMaxRetries()) {
                if (!open.isEmpty()) {
                    PushOutcome last = outcomes[open.get(0)];
                    LOG.warn("{} item(s) for seller {} could not be submitted after {} retries (last: {} {})", open.size(),
                            ((AmazonListingsEndpoint) getEndpoint()).getSellerId(), configuration.getMaxRetries(),
                            last.code(), last.message());
                }
                return List.of(outcomes);
            }
            long wait = Math.max(backoff.apply(attempt), hint == null ? 0 : hint);
            Thread.sleep(wait); // a blocking producer waiting out the platform; interruptible on shutdown
        }
    }

    private static PushOutcome refusedAll(List<PushOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return null;
        }
        PushOutcome first = outcomes.get(0);
        boolean allSame = first.status() == PushOutcome.Status.REJECTED && REFUSES_ALL.contains(first.code())
                && outcomes.stream().allMatch(o -> Objects.equals(o.code(), first.code()));
        return allSame ? first : null;
    }

    private static Long max(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.max(a, b);
    }

    private static int count(List<PushOutcome> outcomes, PushOutcome.Status status) {
        return (int) outcomes.stream().filter(o -> o.status() == status).count();
    }
}
