package io.inventorysync.channel;

import java.util.List;

/**
 * Talks to one channel account. Implementations map {@link ListingQuantity} to the platform's payload, make
 * exactly one API call per {@link #push} (the caller batches to {@link #maxBatchSize()} and rate-limits), and
 * classify the answer per item. A whole-call transient failure is thrown as {@link RetryableChannelException}.
 */
public interface ChannelClient {

    /** The platform's cap on items per call (Shopify: 250). */
    int maxBatchSize();

    /** Pushes one batch of at most {@link #maxBatchSize()} items and reports an outcome per item. */
    List<PushOutcome> push(List<ListingQuantity> batch) throws RetryableChannelException;
}
