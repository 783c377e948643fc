package io.inventorysync.connectors.amazon;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.inventorysync.channel.PushOutcome;

/**
 * What became of one batch: the feed it went out as, how that feed ended, and an outcome per input item.
 *
 * @param feedId           Amazon's feedId, or null when no feed was created: nothing to send, refused before (items
 *                         REJECTED), or a transient failure before createFeed while some items were already decided
 *                         (the others RETRY: submitting them again is safe)
 * @param processingStatus DONE, FATAL, CANCELLED, or the last status seen when {@code maxFeedWait} ran out (null
 *                         without a feed)
 * @param outcomes         one per input item, in input order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedSubmission(String feedId, String processingStatus, List<PushOutcome> outcomes) {
}
