package io.inventorysync.connectors.amazon.sandbox;

import java.util.Map;

/**
 * What the sandbox has seen since start or the last reset ({@code GET /sandbox/stats}).
 *
 * @param requests                SP-API calls received, any outcome
 * @param calls                   calls admitted past authentication and throttling, per operationId
 * @param violations              calls refused with 429 QuotaExceeded because the client went over a usage plan, per
 *                                limit (operationId, or {@code createFeed:JSON_LISTINGS_FEED} for the feed-type
 *                                limit); a well-behaved client causes none. Injected throttles are not counted here.
 * @param totalViolations         sum of {@code violations}
 * @param injectedThrottles       429 answers armed through faults
 * @param http5xx                 injected 5xx answers
 * @param unauthorized            403 answers for a missing, unknown or expired access token
 * @param tokensIssued            LWA access tokens issued
 * @param tokenRequestsRejected   LWA token requests refused (bad client, bad refresh token, bad grant type)
 * @param uploads                 feed documents uploaded through pre-signed URLs
 * @param presignedUrlRejections  pre-signed upload/download requests refused (expired, wrong signature or type)
 * @param feedsSubmitted          feeds created
 * @param feedsDone               feeds that reached DONE
 * @param feedsFatal              feeds that ended FATAL
 * @param feedsCancelled          feeds cancelled
 * @param maxMessagesInOneFeed    the largest number of messages seen in one feed document
 * @param messagesProcessed       messages processed over all feeds
 * @param messagesAccepted        messages accepted (and applied)
 * @param messagesInvalid         messages with an ERROR issue (not applied)
 */
public record SandboxStats(long requests, Map<String, Long> calls, Map<String, Long> violations, long totalViolations,
                           long injectedThrottles, long http5xx, long unauthorized, long tokensIssued,
                           long tokenRequestsRejected, long uploads, long presignedUrlRejections, long feedsSubmitted,
                           long feedsDone, long feedsFatal, long feedsCancelled, int maxMessagesInOneFeed,
                           long messagesProcessed, long messagesAccepted, long messagesInvalid) {

    /** Admitted calls of one operation. */
    public long calls(String operationId) {
        return calls.getOrDefault(operationId, 0L);
    }
}
