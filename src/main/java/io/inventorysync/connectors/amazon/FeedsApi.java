package io.inventorysync.connectors.amazon;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inventorysync.channel.RetryableChannelException;

/** The Feeds API 2021-06-30 calls, typed. */
final class FeedsApi {

    static final String BASE = "/feeds/2021-06-30";
    static final String JSON_LISTINGS_FEED = "JSON_LISTINGS_FEED";

    record FeedDocumentLocation(String feedDocumentId, URI url, boolean gzip) {
    }

    record FeedStatus(String feedId, String processingStatus, String resultFeedDocumentId) {

        boolean finished() {
            return "DONE".equals(processingStatus) || "FATAL".equals(processingStatus) || "CANCELLED".equals(processingStatus);
        }
    }

    private final SpApiTransport transport;
    private final ObjectMapper json;

    FeedsApi(SpApiTransport transport, ObjectMapper json) {
        this.transport = transport;
        this.json = json;
    }

    FeedDocumentLocation createFeedDocument(String contentType) throws RetryableChannelException, SpApiCallRejectedException {
        ObjectNode body = json.createObjectNode().put("contentType", contentType);
        JsonNode answer = transport.call(SpApiOperation.CREATE_FEED_DOCUMENT, "POST", BASE + "/documents", body);
        return location(answer, "createFeedDocument");
    }

    void upload(FeedDocumentLocation document, String contentType, byte[] content)
            throws RetryableChannelException, SpApiCallRejectedException {
        transport.upload(document.url(), contentType, content);
    }

    String createFeed(List<String> marketplaceIds, String inputFeedDocumentId)
            throws RetryableChannelException, SpApiCallRejectedException {
        ObjectNode body = json.createObjectNode();
        body.put("feedType", JSON_LISTINGS_FEED);
        marketplaceIds.forEach(body.putArray("marketplaceIds")::add);
        body.put("inputFeedDocumentId", inputFeedDocumentId);
        JsonNode answer = transport.call(SpApiOperation.CREATE_FEED, "POST", BASE + "/feeds", body);
        if (answer == null || !answer.path("feedId").isTextual()) {
            throw new RetryableChannelException("INVALID_RESPONSE", "createFeed answered without a feedId", null, null);
        }
        return answer.get("feedId").asText();
    }

    FeedStatus getFeed(String feedId) throws RetryableChannelException, SpApiCallRejectedException {
        JsonNode answer = transport.call(SpApiOperation.GET_FEED, "GET", BASE + "/feeds/" + encode(feedId), null);
        if (answer == null || !answer.path("processingStatus").isTextual()) {
            throw new RetryableChannelException("INVALID_RESPONSE", "getFeed answered without a processingStatus", null, null);
        }
        String result = answer.path("resultFeedDocumentId").isTextual() ? answer.get("resultFeedDocumentId").asText() : null;
        return new FeedStatus(feedId, answer.get("processingStatus").asText(), result);
    }

    /** getFeedDocument and the download of its content (gunzipped if Amazon compressed it), as JSON. */
    JsonNode readDocument(String feedDocumentId) throws RetryableChannelException, SpApiCallRejectedException {
        JsonNode answer = transport.call(SpApiOperation.GET_FEED_DOCUMENT, "GET", BASE + "/documents/" + encode(feedDocumentId), null);
        FeedDocumentLocation location = location(answer, "getFeedDocument");
        byte[] content = transport.download(location.url(), location.gzip());
        try {
            return json.readTree(content);
        } catch (IOException e) {
            throw new RetryableChannelException("INVALID_DOCUMENT", "the processing report is not JSON: " + e.getMessage(), null, e);
        }
    }

    private static FeedDocumentLocation location(JsonNode answer, String operation) throws RetryableChannelException {
        if (answer == null || !answer.path("feedDocumentId").isTextual() || !answer.path("url").isTextual()) {
            throw new RetryableChannelException("INVALID_RESPONSE", operation + " answered without feedDocumentId and url", null, null);
        }
        return new FeedDocumentLocation(answer.get("feedDocumentId").asText(), URI.create(answer.get("url").asText()),
                "GZIP".equals(answer.path("compressionAlgorithm").asText()));
    }

    static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
