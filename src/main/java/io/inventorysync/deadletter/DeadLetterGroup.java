package io.inventorysync.deadletter;

import java.time.Instant;

/** Unreplayed dead letters sharing a stage and reason: how many, the oldest and the newest. */
public record DeadLetterGroup(String stage, String reason, long count, Instant oldest, Instant newest) {
}
