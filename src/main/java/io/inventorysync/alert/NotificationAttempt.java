package io.inventorysync.alert;

import java.time.Instant;

/** One recorded attempt to notify a medium or to engage or lift the protective action. */
public record NotificationAttempt(long id, long incidentId, NotificationKind kind, Integer step, Medium medium,
        Outcome outcome, String error, Instant attemptedAt) {
}
