package io.inventorysync.ledger;

/** What the ledger did with one event; recorded with its id in {@code applied_event.outcome}. */
public enum ApplyOutcome {
    /** The movement or count changed the ledger. */
    APPLIED,
    /** A delta at or before the location's last absolute count: the count already includes it. */
    SUPERSEDED,
    /** An absolute count older than (or as old as) the last one applied. */
    STALE_ABSOLUTE,
    /** A release for an order that holds nothing at that location. */
    NOTHING_HELD,
    /** Seen before (same event id): not applied again. */
    DUPLICATE
}
