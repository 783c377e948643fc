package io.inventorysync.monitor;

import org.apache.camel.Exchange;

/**
 * What a monitored job reports about one run. A job reports it by returning it from the route's bean (it becomes
 * the body) or with {@link #report(Exchange, JobOutcome)}; a run that reports nothing and throws nothing counts
 * as a success with unknown counts. A completed run whose {@code failed / processed} exceeds the error-rate
 * threshold is a failure all the same.
 *
 * @param kind      completed (counts are meaningful), failed (the run itself failed) or skipped (nothing was done:
 *                  another instance holds the job; proves only that the schedule fires)
 * @param processed items the run handled (rows, listings), or -1 when unknown
 * @param failed    of those, items that failed
 * @param error     for a failed run the error text; otherwise an optional note
 */
public record JobOutcome(Kind kind, long processed, long failed, String error) {

    /** Exchange property a route or bean can set instead of returning the outcome as the body. */
    public static final String PROPERTY = "inventorySyncJobOutcome";

    public enum Kind { COMPLETED, FAILED, SKIPPED }

    public static JobOutcome completed(long processed, long failed) {
        return new JobOutcome(Kind.COMPLETED, processed, failed, null);
    }

    /** A completed run with a note about what failed, shown when the error rate makes it a failure. */
    public static JobOutcome completed(long processed, long failed, String note) {
        return new JobOutcome(Kind.COMPLETED, processed, failed, note);
    }

    /** Completed without counts. */
    public static JobOutcome succeeded() {
        return new JobOutcome(Kind.COMPLETED, -1, 0, null);
    }

    public static JobOutcome failed(String error) {
        return new JobOutcome(Kind.FAILED, -1, 0, error);
    }

    public static JobOutcome skipped(String why) {
        return new JobOutcome(Kind.SKIPPED, -1, 0, why);
    }

    public static void report(Exchange exchange, JobOutcome outcome) {
        exchange.setProperty(PROPERTY, outcome);
    }

    /** Share of the processed items that failed; 0 when nothing was processed or counts are unknown. */
    public double errorRate() {
        return processed <= 0 ? 0 : (double) failed / processed;
    }

    /** Whether the run did comparable work, so its duration belongs in the history (idle runs would skew it). */
    public boolean didWork() {
        return kind == Kind.COMPLETED && processed != 0;
    }
}
