package io.inventorysync.monitor;

/**
 * State of a sync-job monitor, after the healthchecks.io model: a monitor is {@code UP} while its job starts and
 * succeeds within its period, {@code LATE} once period has passed without a success (the grace period runs), and
 * {@code DOWN} when the grace period has also passed or the last run failed.
 */
public enum MonitorState {
    /** Registered, no run seen yet (no alert: a fresh install is not an outage). */
    NEW,
    UP,
    LATE,
    DOWN
}
