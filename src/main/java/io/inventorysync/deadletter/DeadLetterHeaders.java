package io.inventorysync.deadletter;

/** Kafka headers every dead-letter record carries beside its original payload (plain names so Camel propagates them). */
public final class DeadLetterHeaders {

    /** Where it failed: ingest, ledger, mapping, dispatch, or the failing route id. */
    public static final String STAGE = "dl-stage";
    /** Why, machine-readable: invalid-event, sku-unmapped, or the platform's own error code. */
    public static final String REASON = "dl-reason";
    /** The exception or the platform's message, human-readable. */
    public static final String EXCEPTION = "dl-exception";
    /** Topic the payload came from (replay re-publishes there); empty for dispatch dead letters. */
    public static final String ORIGIN_TOPIC = "dl-origin-topic";
    /** Channel, for dispatch dead letters. */
    public static final String CHANNEL = "dl-channel";
    /** Set on records re-published by a replay, so the ledger reports a still-unmapped SKU again. */
    public static final String REPLAY = "inventory-sync-replay";

    private DeadLetterHeaders() {
    }
}
