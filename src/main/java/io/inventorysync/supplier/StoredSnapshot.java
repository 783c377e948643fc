package io.inventorysync.supplier;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A recorded snapshot as the admin API lists it (without the file; {@code file_kept} says whether it is stored). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoredSnapshot(
        @JsonProperty("id") long id,
        @JsonProperty("supplier") String supplier,
        @JsonProperty("status") String status,
        @JsonProperty("reason") String reason,
        @JsonProperty("detail") String detail,
        @JsonProperty("origin") String origin,
        @JsonProperty("snapshot_at") Instant snapshotAt,
        @JsonProperty("effective_at") Instant effectiveAt,
        @JsonProperty("received_at") Instant receivedAt,
        @JsonProperty("decided_at") Instant decidedAt,
        @JsonProperty("content_sha256") String contentSha256,
        @JsonProperty("size_bytes") long sizeBytes,
        @JsonProperty("file_kept") boolean fileKept,
        @JsonProperty("rows_total") int rowsTotal,
        @JsonProperty("rows_rejected") int rowsRejected,
        @JsonProperty("events_emitted") int eventsEmitted) {

    public static final String APPLIED = "applied";
    public static final String QUARANTINED = "quarantined";
    public static final String REJECTED = "rejected";
    public static final String STALE = "stale";
}
