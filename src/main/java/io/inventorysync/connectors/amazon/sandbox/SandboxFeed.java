package io.inventorysync.connectors.amazon.sandbox;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A feed as getFeed shows it, plus what the sandbox knows about its content.
 *
 * @param messages         messages in the input document, once processed (null before)
 * @param messagesAccepted accepted messages, once processed (null before)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SandboxFeed(String feedId, String feedType, List<String> marketplaceIds, String createdTime,
                          String processingStatus, String processingStartTime, String processingEndTime,
                          String resultFeedDocumentId, String inputFeedDocumentId, Integer messages,
                          Integer messagesAccepted) {
}
