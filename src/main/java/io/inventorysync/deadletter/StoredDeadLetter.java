package io.inventorysync.deadletter;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A dead letter as the admin API lists it (schema DeadLetter in the OpenAPI document). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoredDeadLetter(
        @JsonProperty("id") String id,
        @JsonProperty("stage") String stage,
        @JsonProperty("reason") String reason,
        @JsonProperty("exception") String exception,
        @JsonProperty("origin_topic") String originTopic,
        @JsonProperty("key") String key,
        @JsonProperty("channel") String channel,
        @JsonProperty("payload") String payload,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("replayed_at") Instant replayedAt,
        @JsonProperty("replay_count") int replayCount) {
}
