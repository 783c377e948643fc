package io.inventorysync.ledger;

import java.time.Duration;

/**
 * @param eventsTopic the topic events come from (dead letters name it as their origin, for replay)
 * @param holdTtl     how long a reservation holds stock after its last reserve event
 */
public record LedgerSettings(String eventsTopic, Duration holdTtl) {
}
