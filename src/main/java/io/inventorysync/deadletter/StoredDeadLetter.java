package io.inventorysync.deadletter;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A dead letter as the admin API lists it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoredDeadLetter(String id, String stage, String reason, String exception, String originTopic,
        String key, String channel, String payload, Instant createdAt, Instant replayedAt, int replayCount) {
}
