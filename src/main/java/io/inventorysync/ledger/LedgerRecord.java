package io.inventorysync.ledger;

/**
 * One record from the events topic, as the ledger receives it.
 *
 * @param payload the raw value (kept as-is for a dead letter)
 * @param key     the Kafka key (the SKU)
 * @param replay  true when re-published by a dead-letter replay
 */
public record LedgerRecord(String payload, String key, boolean replay) {
}
