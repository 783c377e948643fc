package io.inventorysync.connectors.shopify;

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
 * Splits the body into batches of at most {@code batchSize}, pushes each through the {@link ShopifyInventoryClient}
 * (which waits in the shop's shared rate limiter before every call), retries transiently failing items in-process
 * with exponential randomised backoff that never undercuts Shopify's own wait hint, and answers with one
 * {@link PushOutcome} per item, in body order. Items still failing after {@code maxRetries} are answered RETRY with
 * the last code, for the route to send again later; nothing is dropped.
 */
public class ShopifyInventoryProducer extends DefaultProducer {

    /** A refused token or scope refuses every batch alike: later batches are answered without spending calls. */
    private static final Set<String> REFUSES_ALL = Set.of("UNAUTHORIZED", "FORBIDDEN");

    private final ShopifyInventoryClient client;
    private final ListingQuantityBody bodyReader = new ListingQuantityBody("shopify-inventory");
    private final ChannelPusher pusher;

    public ShopifyInventoryProducer(ShopifyInventoryEndpoint endpoint, ShopifyInventoryClient client) {
        super(endpoint);
        this.client = client;
        ShopifyInventoryConfiguration configuration = endpoint.getConfiguration();
        this.pusher = new ChannelPusher("shop " + endpoint.getShopName(), configuration.getMaxRetries(),
                configuration.getInitialBackoff(), configuration.getBackoffMultiplier(), configuration.getMaxBackoff(),
                REFUSES_ALL);
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        List<ListingQuantity> items = bodyReader.read(exchange.getMessage().getBody());
        ChannelPusher.Result result = pusher.push(items, client.maxBatchSize(), batch -> ChannelPusher.Answer.of(client.push(batch)));
        Message answer = exchange.getMessage();
        answer.setBody(result.outcomes());
        answer.setHeader(ShopifyInventoryConstants.PUSHED_COUNT, result.count(PushOutcome.Status.PUSHED));
        answer.setHeader(ShopifyInventoryConstants.RETRY_COUNT, result.count(PushOutcome.Status.RETRY));
        answer.setHeader(ShopifyInventoryConstants.REJECTED_COUNT, result.count(PushOutcome.Status.REJECTED));
        answer.setHeader(ShopifyInventoryConstants.BATCH_COUNT, result.batches());
    }
}
