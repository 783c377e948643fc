package io.inventorysync.ledger;

import java.util.Map;
import java.util.Set;

/**
 * What one batch did: outcome counts, dead letters raised and the channels whose desired state changed.
 *
 * @param tallies the outcome counts split by the events' source and type (for {@code inventory.events.processed})
 */
public record LedgerBatchResult(Map<ApplyOutcome, Integer> outcomes, int invalid, int unmapped, int negatives,
        Set<String> changedChannels, Map<Tally, Integer> tallies) {

    public LedgerBatchResult(Map<ApplyOutcome, Integer> outcomes, int invalid, int unmapped, int negatives,
            Set<String> changedChannels) {
        this(outcomes, invalid, unmapped, negatives, changedChannels, Map.of());
    }

    /** One combination of source, event type (wire name) and outcome. */
    public record Tally(String source, String type, ApplyOutcome outcome) {
    }
}
