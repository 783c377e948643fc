package io.inventorysync.channel;

/**
 * A listing a dispatcher has leased for one push.
 *
 * @param version        the desired version being pushed; recorded as pushed when the push succeeds
 * @param pushedQuantity what we last pushed (the compare-and-set expectation), or null if never pushed
 * @param leaseOwner     the claim's owner token; an answer is recorded only while the claim still holds the lease
 */
public record ClaimedListing(String channel, String sku, int quantity, long version, Integer pushedQuantity, int attempts,
        java.time.Instant desiredAt, String leaseOwner) {
}
