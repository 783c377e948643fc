package io.inventorysync.reconciliation;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One reconciliation run as the admin API shows it. While it runs, {@code listings_compared}, {@code differences}
 * and {@code listings_unreadable} are the totals of the chunks read so far ({@code progress_at}: the last one), out
 * of {@code listings_total}, and {@code duration_ms} is the time taken so far. In {@code shadow} mode the expected
 * quantity is the one the pipeline would publish and {@code would_change} counts the listings it would change.
 */
public record ReconciliationRun(long id, String channel, String status, String trigger, String mode,
        @JsonProperty("started_at") Instant startedAt, @JsonProperty("finished_at") Instant finishedAt,
        @JsonProperty("duration_ms") Long durationMs, @JsonProperty("listings_total") Integer listingsTotal,
        @JsonProperty("listings_compared") int listingsCompared,
        @JsonProperty("listings_unreadable") int listingsUnreadable, int differences,
        @JsonProperty("would_change") Integer wouldChange,
        @JsonProperty("discrepancy_rate") double discrepancyRate,
        @JsonProperty("max_difference_share") double maxDifferenceShare,
        @JsonProperty("corrections_requested") int correctionsRequested,
        @JsonProperty("applied_at") Instant appliedAt, @JsonProperty("progress_at") Instant progressAt, String error,
        @JsonProperty("largest_differences") List<Difference> largestDifferences) {

    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String HELD = "held";
    public static final String FAILED = "failed";

    /** Compared with what we pushed; differences are corrected (or held over the guard rail). */
    public static final String LIVE = "live";
    /** Compared with what we would publish, channel in shadow mode; nothing is ever corrected. */
    public static final String SHADOW = "shadow";

    public record Difference(String sku, @JsonProperty("expected_quantity") int expectedQuantity,
            @JsonProperty("channel_quantity") int channelQuantity, int difference, boolean corrected) {
    }
}
