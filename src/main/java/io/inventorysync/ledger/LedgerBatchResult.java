package io.inventorysync.ledger;

import java.util.Map;
import java.util.Set;

/** What one batch did: outcome counts, dead letters raised and the channels whose desired state changed. */
public record LedgerBatchResult(Map<ApplyOutcome, Integer> outcomes, int invalid, int unmapped, int negatives,
        Set<String> changedChannels) {
}
