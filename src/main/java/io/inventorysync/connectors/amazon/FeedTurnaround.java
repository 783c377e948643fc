package io.inventorysync.connectors.amazon;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How long this seller's recent feeds took from submission to DONE, so the client does not ask {@code getFeed}
 * about a new feed before the quickest of them could have finished. Amazon takes minutes per feed and polling at a
 * fixed interval spends most calls on "IN_QUEUE"; the first poll waits for the shortest recent turnaround, less one
 * interval (a turnaround is only seen at the poll after it ended), and later polls keep the configured interval.
 * Thread-safe: the dispatchers of one seller share a client.
 */
final class FeedTurnaround {

    /** Feeds remembered: enough to ride out one quick outlier, few enough to follow a change in Amazon's pace. */
    static final int REMEMBERED = 20;

    private final Deque<Duration> recent = new ArrayDeque<>();

    synchronized void record(Duration turnaround) {
        if (recent.size() == REMEMBERED) {
            recent.removeFirst();
        }
        recent.addLast(turnaround);
    }

    /** The wait before the first {@code getFeed} of a new feed: at least {@code interval}. */
    synchronized Duration firstPoll(Duration interval) {
        Duration quickest = recent.stream().min(Duration::compareTo).orElse(Duration.ZERO);
        Duration wait = quickest.minus(interval);
        return wait.compareTo(interval) > 0 ? wait : interval;
    }
}
