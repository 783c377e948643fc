package io.inventorysync.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.quartz.CronExpression;

/**
 * When a monitor is LATE or DOWN for want of a run, after healthchecks.io: the job is <em>due</em> by the next
 * fire time of its schedule after its last success (or heartbeat), or by that time plus its period when it has
 * no schedule; a monitor never seen to run counts from its registration. A run in progress is due by its start
 * plus the job's timeout, when that is later. The monitor is LATE once the due time (plus a small tolerance for
 * scheduling jitter) has passed, and DOWN once the due time plus the grace period has passed. A failed run makes
 * it DOWN at once (not here: when the run is recorded), and only a successful run brings it back UP.
 */
final class Lateness {

    private Lateness() {
    }

    /** The state the monitor should move to for lateness at {@code now}, or empty when it should stay. */
    static Optional<Verdict> evaluate(MonitorRecord monitor, Instant now, Duration tolerance) {
        if (monitor.state() == MonitorState.DOWN) {
            return Optional.empty();
        }
        Instant due = due(monitor);
        MonitorState target;
        if (now.isAfter(due.plusMillis(monitor.graceMs()))) {
            target = MonitorState.DOWN;
        } else if (now.isAfter(due.plus(tolerance))) {
            target = MonitorState.LATE;
        } else {
            return Optional.empty();
        }
        if (target == monitor.state()) {
            return Optional.empty();
        }
        String reason = monitor.running()
                ? "run " + monitor.lastRunId() + " started " + monitor.lastStartAt() + " has not finished; due by " + due
                : (lastAlive(monitor) == null ? "no run since the monitor was registered at " + monitor.registeredAt()
                        : "no successful run since " + lastAlive(monitor)) + "; due by " + due;
        if (target == MonitorState.DOWN) {
            reason += " + grace " + Duration.ofMillis(monitor.graceMs());
        }
        return Optional.of(new Verdict(target, reason));
    }

    static Instant due(MonitorRecord monitor) {
        Instant alive = lastAlive(monitor);
        Instant from = alive != null ? alive : monitor.registeredAt();
        Instant due;
        if (monitor.schedule() != null) {
            due = nextFire(monitor.schedule(), from);
        } else {
            due = from.plusMillis(monitor.periodMs());
        }
        if (monitor.running()) {
            Instant runDue = monitor.lastStartAt().plusMillis(monitor.timeoutMs());
            if (runDue.isAfter(due)) {
                due = runDue;
            }
        }
        return due;
    }

    private static Instant lastAlive(MonitorRecord monitor) {
        Instant success = monitor.lastSuccessAt();
        Instant heartbeat = monitor.lastHeartbeatAt();
        if (success == null) {
            return heartbeat;
        }
        return heartbeat != null && heartbeat.isAfter(success) ? heartbeat : success;
    }

    private static Instant nextFire(String cron, Instant after) {
        try {
            Date next = new CronExpression(cron).getNextValidTimeAfter(Date.from(after));
            return next == null ? Instant.MAX : next.toInstant();
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException("not a Quartz cron expression: " + cron, e);
        }
    }

    record Verdict(MonitorState state, String reason) {
    }
}
