package io.inventorysync.monitor;

import java.time.Duration;
import java.util.UUID;

/**
 * One ping of a monitor, before any protocol shapes it: what happened to which run, and what the run reported.
 *
 * @param event     the run started, succeeded (or showed the job alive) or failed
 * @param runId     pairs a run's start with its end (healthchecks.io's {@code rid}, Cronitor's {@code series})
 * @param message   a success's counts, a failure's error text; empty for a start
 * @param duration  how long the run took, measured here; null when unknown (a start, an idle dispatcher poll)
 * @param processed items the run handled, or -1 when unknown
 * @param failed    of those, items that failed (meaningless when {@code processed} is unknown)
 */
public record MonitorPing(Event event, UUID runId, String message, Duration duration, long processed, long failed) {

    public enum Event { START, SUCCESS, FAIL }

    public MonitorPing {
        message = message == null ? "" : message;
    }

    public static MonitorPing start(UUID runId) {
        return new MonitorPing(Event.START, runId, "", null, -1, 0);
    }

    public boolean hasCounts() {
        return processed >= 0;
    }
}
