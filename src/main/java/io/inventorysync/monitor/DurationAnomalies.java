package io.inventorysync.monitor;

import java.util.ArrayList;
import java.util.List;

/**
 * Flags a run whose duration stands out: much longer than the recent median (the platform's API slowing down),
 * much shorter (a sync finishing early: it may have skipped work), or close to the job's timeout (it will start
 * failing as the catalogue grows).
 */
final class DurationAnomalies {

    static final String INCREASE = "increase";
    static final String DECREASE = "decrease";
    static final String NEAR_TIMEOUT = "near-timeout";
    static final List<String> KINDS = List.of(INCREASE, DECREASE, NEAR_TIMEOUT);

    private final MonitorProperties properties;

    DurationAnomalies(MonitorProperties properties) {
        this.properties = properties;
    }

    /** @param history earlier durations (ms) of runs that did work, without this one */
    Result check(List<Long> history, long durationMs, long timeoutMs) {
        List<String> kinds = new ArrayList<>();
        List<String> details = new ArrayList<>();
        if (history.size() >= properties.getAnomalyMinSamples()) {
            double median = median(history);
            if (durationMs > median * properties.getAnomalyIncreaseFactor()) {
                kinds.add(INCREASE);
                details.add("took %d ms, more than %.1f x the recent median %.0f ms"
                        .formatted(durationMs, properties.getAnomalyIncreaseFactor(), median));
            } else if (durationMs < median * properties.getAnomalyDecreaseFactor()) {
                kinds.add(DECREASE);
                details.add("took %d ms, less than %.2f x the recent median %.0f ms"
                        .formatted(durationMs, properties.getAnomalyDecreaseFactor(), median));
            }
        }
        if (timeoutMs > 0 && durationMs > timeoutMs * properties.getTimeoutWarningShare()) {
            kinds.add(NEAR_TIMEOUT);
            details.add("took %d ms, over %.0f %% of its timeout %d ms"
                    .formatted(durationMs, properties.getTimeoutWarningShare() * 100, timeoutMs));
        }
        return new Result(kinds, String.join("; ", details));
    }

    static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    record Result(List<String> kinds, String detail) {
        boolean any() {
            return !kinds.isEmpty();
        }
    }
}
