package io.inventorysync.supplier;

/** What became of one poll of a supplier (or of an operator's decision), as counted and logged. */
public enum PollOutcome {
    /** Its changed counts were published and it is the supplier's accepted snapshot now. */
    APPLIED("applied"),
    /** The same file (with the same mapping) as the last one recorded: nothing to do. */
    UNCHANGED("unchanged"),
    /** Held back by the guard; waits for an operator. */
    QUARANTINED("quarantined"),
    /** Older than the accepted snapshot: its counts would be ignored by the ledger, so it is not applied. */
    STALE("stale"),
    /** The source holds no snapshot (yet). */
    NO_FILE("no-file"),
    /** Another instance (or an approval) holds the supplier's lock; the next poll tries again. */
    BUSY("busy"),
    /** Fetching, reading or publishing failed; nothing was recorded and the next poll tries again. */
    FAILED("failed"),
    /** An operator approved a quarantined snapshot and it was applied. */
    APPROVED("approved"),
    /** An operator dismissed a quarantined snapshot. */
    DISMISSED("dismissed");

    private final String label;

    PollOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
