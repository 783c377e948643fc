package io.inventorysync.connectors.amazon;

/**
 * One PATCH of a listing's MFN quantity in a JSON_LISTINGS_FEED.
 *
 * @param messageId unique within the feed, 1..2147483647
 * @param sellerSku the seller SKU on Amazon
 * @param quantity  the quantity to show
 */
public record FeedMessage(int messageId, String sellerSku, int quantity) {

    public FeedMessage {
        if (messageId < 1) {
            throw new IllegalArgumentException("messageId must be at least 1: " + messageId);
        }
        if (sellerSku == null || sellerSku.isEmpty()) {
            throw new IllegalArgumentException("sellerSku is required");
        }
    }
}
