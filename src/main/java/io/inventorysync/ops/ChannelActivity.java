package io.inventorysync.ops;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The recent readings of one channel (a bounded window, oldest first) and what the dashboard shows from them:
 * throughput, failure rate and a latency series. Figures are this instance's; Grafana gives the fleet view.
 */
final class ChannelActivity {

    private final int capacity;
    private final Deque<ActivitySample> samples = new ArrayDeque<>();

    ChannelActivity(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(ActivitySample sample) {
        samples.addLast(sample);
        while (samples.size() > capacity) {
            samples.removeFirst();
        }
    }

    /** Listings pushed per minute over the last {@code window} (0 with fewer than two readings). */
    synchronized double pushesPerMinute(Duration window) {
        ActivitySample last = samples.peekLast();
        ActivitySample first = firstWithin(window);
        if (last == null || first == null || first == last) {
            return 0;
        }
        double minutes = Duration.between(first.at(), last.at()).toMillis() / 60_000.0;
        return minutes <= 0 ? 0 : (last.pushed() - first.pushed()) / minutes;
    }

    /** Failed attempts / all attempts over the last {@code window}; 0 when nothing was attempted. */
    synchronized double failureRate(Duration window) {
        ActivitySample last = samples.peekLast();
        ActivitySample first = firstWithin(window);
        if (last == null || first == null || first == last) {
            return 0;
        }
        double failed = last.failed() - first.failed();
        double attempts = failed + last.pushed() - first.pushed();
        return attempts <= 0 ? 0 : failed / attempts;
    }

    /** Mean sync latency in milliseconds between consecutive readings, oldest first; null where nothing was pushed. */
    synchronized List<Double> latencyMillis() {
        List<Double> series = new ArrayList<>();
        ActivitySample previous = null;
        for (ActivitySample sample : samples) {
            if (previous != null) {
                long count = sample.latencyCount() - previous.latencyCount();
                series.add(count <= 0 ? null : (sample.latencySeconds() - previous.latencySeconds()) * 1000 / count);
            }
            previous = sample;
        }
        return series;
    }

    private ActivitySample firstWithin(Duration window) {
        ActivitySample last = samples.peekLast();
        if (last == null) {
            return null;
        }
        ActivitySample first = null;
        for (Iterator<ActivitySample> it = samples.descendingIterator(); it.hasNext(); ) {
            ActivitySample sample = it.next();
            if (Duration.between(sample.at(), last.at()).compareTo(window) > 0) {
                break;
            }
            first = sample;
        }
        return first;
    }
}
