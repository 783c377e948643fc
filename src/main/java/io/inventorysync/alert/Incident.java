package io.inventorysync.alert;

import java.time.Instant;

/**
 * One incident: opened when a monitor goes LATE or DOWN (or {@link Alerts#raise} is called), resolved when it is UP
 * again, closed once the resolution was announced and the protective action lifted.
 *
 * @param key       monitor id or alert key; one open incident per key
 * @param origin    {@code monitor} or {@code api}
 * @param level     {@code late} (chat warning only) or {@code down} (the ladder runs from {@code downSince})
 */
public record Incident(long id, String key, String origin, String channel, String level, String summary,
        Instant openedAt, Instant downSince, Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt,
        String resolution, Instant closedAt) {

    public static final String LATE = "late";
    public static final String DOWN = "down";

    public boolean resolved() {
        return resolvedAt != null;
    }

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }

    public boolean down() {
        return DOWN.equals(level);
    }
}
