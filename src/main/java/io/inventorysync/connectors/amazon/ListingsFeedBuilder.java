package io.inventorysync.connectors.amazon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes JSON_LISTINGS_FEED documents (listings-feed-schema-v2): a header with the seller, version 2.0 and the issue
 * locale, and one PATCH per message that replaces {@code /attributes/fulfillment_availability} with the MFN
 * ({@code DEFAULT} channel) quantity:
 * <pre>
 * {"messageId":1,"sku":"MY-SKU","operationType":"PATCH","productType":"PRODUCT",
 *  "patches":[{"op":"replace","path":"/attributes/fulfillment_availability",
 *              "value":[{"fulfillment_channel_code":"DEFAULT","quantity":10}]}]}
 * </pre>
 */
public final class ListingsFeedBuilder {

    public static final String FULFILLMENT_AVAILABILITY_PATH = "/attributes/fulfillment_availability";
    public static final String MFN_CHANNEL = "DEFAULT";

    private final ObjectMapper json;
    private final String sellerId;
    private final String issueLocale;
    private final String productType;

    public ListingsFeedBuilder(ObjectMapper json, String sellerId, String issueLocale, String productType) {
        this.json = json;
        this.sellerId = sellerId;
        this.issueLocale = issueLocale;
        this.productType = productType;
    }

    public ObjectNode build(List<FeedMessage> messages) {
        if (messages.isEmpty() || messages.size() > AmazonClientSettings.MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("a feed holds 1 to " + AmazonClientSettings.MAX_BATCH_SIZE
                    + " messages, not " + messages.size());
        }
        ObjectNode feed = json.createObjectNode();
        ObjectNode header = feed.putObject("header");
        header.put("sellerId", sellerId);
        header.put("version", "2.0");
        header.put("issueLocale", issueLocale);
        ArrayNode list = feed.putArray("messages");
        for (FeedMessage message : messages) {
            ObjectNode node = list.addObject();
            node.put("messageId", message.messageId());
            node.put("sku", message.sellerSku());
            node.put("operationType", "PATCH");
            node.put("productType", productType);
            ObjectNode patch = node.putArray("patches").addObject();
            patch.put("op", "replace");
            patch.put("path", FULFILLMENT_AVAILABILITY_PATH);
            ObjectNode availability = patch.putArray("value").addObject();
            availability.put("fulfillment_channel_code", MFN_CHANNEL);
            availability.put("quantity", message.quantity());
        }
        return feed;
    }

    /** The document as UTF-8 bytes, ready to upload. */
    public byte[] bytes(List<FeedMessage> messages) {
        try {
            return json.writeValueAsBytes(build(messages));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
