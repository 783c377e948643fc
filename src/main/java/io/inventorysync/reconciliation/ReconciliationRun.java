package io.inventorysync.reconciliation;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One reconciliation run as the admin API shows it. */
public record ReconciliationRun(long id, String channel, String status, String trigger,
        @JsonProperty("started_at") Instant startedAt, @JsonProperty("finished_at") Instant finishedAt,
        @JsonProperty("duration_ms") Long durationMs, @JsonProperty("listings_compared") int listingsCompared,
        @JsonProperty("listings_unreadable") int listingsUnreadable, int differences,
        @JsonProperty("discrepancy_rate") double discrepancyRate,
        @JsonProperty("max_difference_share") double maxDifferenceShare,
        @JsonProperty("corrections_requested") int correctionsRequested,
        @JsonProperty("applied_at") Instant appliedAt, String error,
        @JsonProperty("largest_differences") List<Difference> largestDifferences) {

    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String HELD = "held";
    public static final String FAILED = "failed";

    public record Difference(String sku, @JsonProperty("expected_quantity") int expectedQuantity,
            @JsonProperty("channel_quantity") int channelQuantity, int difference, boolean corrected) {
    }
}
