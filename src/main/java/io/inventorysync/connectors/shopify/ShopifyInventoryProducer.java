package io.inventorysync.connectors.shopify;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
 * Splits the body into batches of at most {@code batchSize}, pushes each through the {@link ShopifyInventoryClient}
 * (which waits in the shop's shared rate limiter before every call), retries transiently failing items in-process
 * with exponential randomised backoff that never undercuts Shopify's own wait hint, and answers with one
 * {@link PushOutcome} per item, in body order. Items still failing after {@code maxRetries} are answered RETRY with
 * the last code, for the route to send again later; nothing is dropped.
 */
public class ShopifyInventoryProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(ShopifyInventoryProducer.class);
    private static final double BACKOFF_RANDOMIZATION = 0.5;

    private final ShopifyInventoryClient client;
    private final ShopifyInventoryConfiguration configuration;
    private final ListingQuantityBody bodyReader = new ListingQuantityBody("shopify-inventory");
    private final IntervalFunction backoff;

    public ShopifyInventoryProducer(ShopifyInventoryEndpoint endpoint, ShopifyInventoryClient client) {
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
        int batchSize = client.maxBatchSize();
        int batches = 0;
        PushOutcome refusedAll = null;
        for (int from = 0; from < items.size(); from += batchSize) {
            List<ListingQuantity> batch = items.subList(from, Math.min(items.size(), from + batchSize));
            batches++;
            if (refusedAll != null) {
                // A refused token or scope refuses every batch alike: answer without spending calls.
                PushOutcome reason = refusedAll;
                batch.forEach(item -> outcomes.add(PushOutcome.rejected(item, reason.code(), reason.message())));
                continue;
            }
            List<PushOutcome> batchOutcomes = pushWithRetries(batch);
            outcomes.addAll(batchOutcomes);
            refusedAll = refusedAll(batchOutcomes);
        }
        Message answer = exchange.getMessage();
        answer.setBody(outcomes);
        answer.setHeader(ShopifyInventoryConstants.PUSHED_COUNT, count(outcomes, PushOutcome.Status.PUSHED));
        answer.setHeader(ShopifyInventoryConstants.RETRY_COUNT, count(outcomes, PushOutcome.Status.RETRY));
        answer.setHeader(ShopifyInventoryConstants.REJECTED_COUNT, count(outcomes, PushOutcome.Status.REJECTED));
        answer.setHeader(ShopifyInventoryConstants.BATCH_COUNT, batches);
    }

    private List<PushOutcome> pushWithRetries(List<ListingQuantity> batch) throws InterruptedException {
        PushOutcome[] outcomes = new PushOutcome[batch.size()];
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            open.add(i);
        }
        for (int attempt = 1; ; attempt++) {
            List<ListingQuantity> sending = open.stream().map(batch::get).toList();
            Long hint;
            String lastCode;
            String lastMessage;
            try {
                List<PushOutcome> answer = client.push(sending);
                List<Integer> stillOpen = new ArrayList<>();
                hint = null;
                lastCode = null;
                lastMessage = null;
                for (int i = 0; i < answer.size(); i++) {
                    PushOutcome outcome = answer.get(i);
                    outcomes[open.get(i)] = outcome;
                    if (outcome.status() == PushOutcome.Status.RETRY) {
                        stillOpen.add(open.get(i));
                        hint = max(hint, outcome.retryAfterMs());
                    }
                }
                open = stillOpen;
            } catch (RetryableChannelException e) {
                hint = e.retryAfterMs();
                lastCode = e.code();
                lastMessage = e.getMessage();
                for (int index : open) {
                    outcomes[index] = PushOutcome.retry(batch.get(index), e.code(), e.getMessage(), e.retryAfterMs());
                }
            }
            if (open.isEmpty() || attempt > configuration.getMaxRetries()) {
                if (!open.isEmpty()) {
                    LOG.warn("{} item(s) for shop {} still failing after {} retries (last: {} {})", open.size(),
                            ((ShopifyInventoryEndpoint) getEndpoint()).getShopName(), configuration.getMaxRetries(),
                            lastCode != null ? lastCode : outcomes[open.get(0)].code(), lastMessage != null ? lastMessage : "");
                }
                return List.of(outcomes);
            }
            long wait = Math.max(backoff.apply(attempt), hint == null ? 0 : hint);
            Thread.sleep(wait); // a blocking producer waiting out the platform's limit; interruptible on shutdown
        }
    }

    private static PushOutcome refusedAll(List<PushOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return null;
        }
        PushOutcome first = outcomes.get(0);
        boolean allSame = first.status() == PushOutcome.Status.REJECTED
                && ("UNAUTHORIZED".equals(first.code()) || "FORBIDDEN".equals(first.code()))
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
