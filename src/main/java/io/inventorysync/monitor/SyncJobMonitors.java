package io.inventorysync.monitor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import io.inventorysync.channel.backlog.DispatchRoundListener;
import io.inventorysync.monitor.MonitorStore.RunUpdate;

/**
 * The monitors of this instance's jobs: records each run's start and end in the shared table, derives the state
 * (a failed run, or one whose error rate is over the threshold, is DOWN at once; a successful run is UP; a
 * heartbeat — an idle dispatcher poll, a run skipped because another instance does the work — shows the job is
 * alive without clearing a failure), flags duration anomalies, pings the monitor's URL, and publishes
 * {@link MonitorStateChanged} for every change it makes. Changes are made under the row's lock (runs) or by a
 * conditional update (lateness, see {@link #evaluate()}), so with several instances each change is made, and
 * announced, once.
 */
public class SyncJobMonitors implements DispatchRoundListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncJobMonitors.class);

    private final MonitorStore store;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final MonitorPinger pinger;
    private final MonitorMetrics metrics;
    private final MonitorProperties properties;
    private final DurationAnomalies anomalies;
    private final Clock clock;
    private final Map<String, MonitorDefinition> definitions = new ConcurrentSkipListMap<>();
    private final Map<String, LastPing> dispatcherPings = new ConcurrentHashMap<>();
    private final Map<String, Long> lastIdleRound = new ConcurrentHashMap<>();
    /**
     * Dispatcher rounds are recorded off the dispatcher's thread: the dispatcher records its push outcomes right
     * after the round, and a monitor write in between would delay that (a full queue drops the record, logged).
     */
    private final ThreadPoolExecutor dispatcherRecorder = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(1000), runnable -> {
                Thread thread = new Thread(runnable, "monitor-dispatcher-rounds");
                thread.setDaemon(true);
                return thread;
            }, (runnable, executor) -> LOG.warn("Monitor: dispatcher round not recorded, too many waiting"));

    public SyncJobMonitors(MonitorStore store, TransactionTemplate tx, ApplicationEventPublisher events,
            MonitorPinger pinger, io.micrometer.core.instrument.MeterRegistry meters, MonitorProperties properties,
            Clock clock) {
        this.store = store;
        this.tx = tx;
        this.events = events;
        this.pinger = pinger;
        this.metrics = new MonitorMetrics(meters);
        this.properties = properties;
        this.anomalies = new DurationAnomalies(properties);
        this.clock = clock;
    }

    public void register(MonitorDefinition definition) {
        store.register(definition, clock.instant());
        definitions.put(definition.id(), definition);
        metrics.register(definition.id(), store.find(definition.id()).map(MonitorRecord::state).orElse(MonitorState.NEW));
        LOG.info("Monitor {}: {}, grace {}, timeout {}{}", definition.id(),
                definition.schedule() != null ? "schedule " + definition.schedule() : "period " + definition.period(),
                definition.grace(), definition.timeout(),
                definition.ping() != null ? ", pinged (" + definition.ping().protocol().configName() + ")" : "");
    }

    public Optional<MonitorDefinition> definition(String id) {
        return Optional.ofNullable(definitions.get(id));
    }

    public List<MonitorDefinition> definitions() {
        return List.copyOf(definitions.values());
    }

    public List<MonitorRecord> records() {
        return store.findAll(new ArrayList<>(definitions.keySet()));
    }

    public Optional<MonitorRecord> record(String id) {
        return definitions.containsKey(id) ? store.find(id) : Optional.empty();
    }

    /** A run of the monitor's job begins: recorded, and pinged ({@code /start}) for scheduled jobs. */
    public MonitoredRun started(MonitorDefinition monitor) {
        MonitoredRun run = new MonitoredRun(monitor, UUID.randomUUID(), clock.instant(), System.nanoTime());
        Runnable recording = () -> {
            try {
                store.started(monitor.id(), run.id(), run.startedAt());
            } catch (RuntimeException e) {
                LOG.warn("Monitor {}: cannot record the start of run {}: {}", monitor.id(), run.id(), e.toString());
            }
        };
        if (monitor.kind() == MonitorKind.SCHEDULED) {
            recording.run();
            pinger.ping(monitor, MonitorPing.start(run.id()));
        } else {
            dispatcherRecorder.execute(recording);
        }
        return run;
    }

    /** A run ends with the outcome its job reported. Never throws: monitoring must not break the job. */
    public void finished(MonitoredRun run, JobOutcome outcome) {
        finished(run, () -> outcome);
    }

    /** As {@link #finished(MonitoredRun, JobOutcome)}, the outcome worked out where it is recorded. */
    public void finished(MonitoredRun run, java.util.function.Supplier<JobOutcome> outcome) {
        long endNanos = System.nanoTime();
        Instant endedAt = clock.instant();
        Runnable recording = () -> {
            try {
                record(run.monitor(), run, outcome.get(), endNanos, endedAt);
            } catch (RuntimeException e) {
                LOG.warn("Monitor {}: cannot record run {}: {}", run.monitor().id(), run.id(), e.toString());
            }
        };
        if (run.monitor().kind() == MonitorKind.DISPATCHER) {
            dispatcherRecorder.execute(recording);
        } else {
            recording.run();
        }
    }

    /** A dispatcher round that found nothing to push: a heartbeat. */
    @Override
    public void idleRound(String channel) {
        MonitorDefinition monitor = definitions.get("dispatcher:" + channel);
        if (monitor == null || !idleRoundDue(monitor)) {
            return;
        }
        dispatcherRecorder.execute(() -> {
            try {
                record(monitor, null, JobOutcome.skipped("idle poll"), System.nanoTime(), clock.instant());
            } catch (RuntimeException e) {
                LOG.warn("Monitor {}: cannot record a heartbeat: {}", monitor.id(), e.toString());
            }
        });
    }

    @Override
    public void close() {
        dispatcherRecorder.shutdown();
    }

    /**
     * Idle rounds come with every poll of every dispatcher thread and every ledger commit: a quarter of the period
     * apart is often enough to show liveness, and spares the table.
     */
    private boolean idleRoundDue(MonitorDefinition monitor) {
        long now = System.nanoTime();
        long spacing = monitor.period().toNanos() / 4;
        Long last = lastIdleRound.get(monitor.id());
        if (last != null && now - last < spacing) {
            return false;
        }
        lastIdleRound.put(monitor.id(), now);
        return true;
    }

    private void record(MonitorDefinition monitor, MonitoredRun run, JobOutcome outcome, long endNanos, Instant now) {
        Duration duration = run == null ? null : Duration.ofNanos(endNanos - run.startNanos());
        Verdict verdict = verdict(outcome, run);
        Recorded recorded = tx.execute(status -> store.lock(monitor.id())
                .map(current -> apply(monitor, current, verdict, outcome, run, duration, now)).orElse(null));
        if (recorded == null) {
            return;
        }
        if (verdict.kind != Verdict.Kind.HEARTBEAT) {
            metrics.run(monitor.id(), verdict.kind == Verdict.Kind.SUCCESS, duration);
        }
        recorded.anomalies().kinds().forEach(kind -> metrics.anomaly(monitor.id(), kind));
        if (recorded.anomalies().any()) {
            LOG.warn("Monitor {}: run {} duration anomaly ({}): {}", monitor.id(), run.id(),
                    String.join(", ", recorded.anomalies().kinds()), recorded.anomalies().detail());
        }
        if (verdict.kind == Verdict.Kind.FAILURE) {
            LOG.warn("Monitor {}: run {} failed: {}", monitor.id(), run == null ? "-" : run.id(), verdict.text);
        }
        metrics.state(monitor.id(), recorded.state());
        if (recorded.previous() != recorded.state()) {
            announce(monitor, recorded.previous(), recorded.state(), recorded.reason(), now);
        }
        ping(monitor, run, verdict, outcome, duration, now);
    }

    private Recorded apply(MonitorDefinition monitor, MonitorRecord current, Verdict verdict, JobOutcome outcome,
            MonitoredRun run, Duration duration, Instant now) {
        MonitorState state;
        String reason;
        String runName = run == null ? "" : "run " + run.id() + " ";
        switch (verdict.kind) {
            case FAILURE -> {
                state = MonitorState.DOWN;
                reason = runName + "failed: " + verdict.text;
            }
            case SUCCESS -> {
                state = MonitorState.UP;
                reason = runName + "succeeded";
            }
            default -> {
                boolean keepFailure = current.state() == MonitorState.DOWN && current.failedLast();
                state = keepFailure ? MonitorState.DOWN : MonitorState.UP;
                reason = keepFailure ? current.stateReason() : "alive (" + verdict.text + ")";
            }
        }
        boolean changed = state != current.state();
        if (!changed) {
            reason = current.stateReason();
        }
        DurationAnomalies.Result flagged = new DurationAnomalies.Result(List.of(), "");
        List<Long> durations = null;
        if (duration != null && verdict.kind != Verdict.Kind.HEARTBEAT && outcome.didWork()) {
            // a dispatcher round's duration follows how many listings changed, not the health of the job: only its
            // nearness to the lease is worth flagging
            flagged = anomalies.check(monitor.kind() == MonitorKind.DISPATCHER ? List.of() : current.recentDurationsMs(),
                    duration.toMillis(), current.timeoutMs());
            List<Long> history = new ArrayList<>(current.recentDurationsMs());
            history.add(duration.toMillis());
            durations = history.subList(Math.max(0, history.size() - properties.getHistorySize()), history.size());
        }
        boolean isRun = run != null && verdict.kind != Verdict.Kind.HEARTBEAT;
        store.finished(monitor.id(), new RunUpdate(state, reason, changed ? now : null, run == null ? null : run.id(),
                verdict.kind == Verdict.Kind.SUCCESS ? now : null, verdict.kind == Verdict.Kind.FAILURE ? now : null,
                verdict.kind == Verdict.Kind.FAILURE ? verdict.text : null,
                verdict.kind == Verdict.Kind.HEARTBEAT ? now : null, isRun ? duration.toMillis() : null,
                isRun, outcome.processed() < 0 ? null : outcome.processed(), outcome.processed() < 0 ? null : outcome.failed(),
                durations, durations == null ? null : flagged.kinds(), flagged.any() ? flagged.detail() : null,
                flagged.any() ? now : null));
        return new Recorded(current.state(), state, reason, flagged);
    }

    private Verdict verdict(JobOutcome outcome, MonitoredRun run) {
        return switch (outcome.kind()) {
            case SKIPPED -> new Verdict(Verdict.Kind.HEARTBEAT, outcome.error() == null ? "skipped" : outcome.error());
            case FAILED -> new Verdict(Verdict.Kind.FAILURE, outcome.error() == null ? "failed" : outcome.error());
            case COMPLETED -> outcome.errorRate() > properties.getErrorRateThreshold()
                    ? new Verdict(Verdict.Kind.FAILURE, "%d of %d items failed (%.1f %%, over the %.1f %% threshold)%s"
                            .formatted(outcome.failed(), outcome.processed(), outcome.errorRate() * 100,
                                    properties.getErrorRateThreshold() * 100,
                                    outcome.error() == null ? "" : ": " + outcome.error()))
                    : new Verdict(Verdict.Kind.SUCCESS, outcome.processed() < 0 ? "completed"
                            : "%d items, %d failed".formatted(outcome.processed(), outcome.failed()));
        };
    }

    private void ping(MonitorDefinition monitor, MonitoredRun run, Verdict verdict, JobOutcome outcome,
            Duration duration, Instant now) {
        if (monitor.ping() == null) {
            return;
        }
        MonitorPing.Event kind = verdict.kind == Verdict.Kind.FAILURE ? MonitorPing.Event.FAIL : MonitorPing.Event.SUCCESS;
        if (monitor.kind() == MonitorKind.DISPATCHER) {
            // rounds come every few seconds: ping a change of outcome at once, the same outcome once per interval
            LastPing last = dispatcherPings.get(monitor.id());
            if (last != null && last.kind() == kind
                    && now.isBefore(last.at().plus(properties.getDispatcherPingInterval()))) {
                return;
            }
            dispatcherPings.put(monitor.id(), new LastPing(kind, now));
        }
        pinger.ping(monitor, new MonitorPing(kind, run == null ? UUID.randomUUID() : run.id(), verdict.text, duration,
                outcome.processed(), outcome.failed()));
    }

    /**
     * Moves monitors whose job is overdue to LATE or DOWN (see {@link Lateness}). Each change is a conditional update
     * on the row as read, so when several instances evaluate at once exactly one makes and announces it.
     */
    public void evaluate() {
        Instant now = clock.instant();
        for (MonitorRecord monitor : records()) {
            MonitorDefinition definition = definitions.get(monitor.id());
            Optional<Lateness.Verdict> verdict = Lateness.evaluate(monitor, now, properties.getLateTolerance());
            if (verdict.isPresent() && store.transition(monitor, verdict.get().state(), verdict.get().reason(), now)) {
                LOG.warn("Monitor {}: {} -> {}: {}", monitor.id(), monitor.state(), verdict.get().state(),
                        verdict.get().reason());
                metrics.state(monitor.id(), verdict.get().state());
                announce(definition, monitor.state(), verdict.get().state(), verdict.get().reason(), now);
            } else {
                // also takes up changes other instances made
                metrics.state(monitor.id(), monitor.state());
            }
        }
    }

    private void announce(MonitorDefinition monitor, MonitorState previous, MonitorState current, String reason,
            Instant at) {
        if (previous != MonitorState.NEW || current != MonitorState.UP) {
            LOG.info("Monitor {}: {} -> {} ({})", monitor.id(), previous, current, reason);
        }
        try {
            events.publishEvent(new MonitorStateChanged(monitor.id(), monitor.channel(), previous, current, reason, at));
        } catch (RuntimeException e) {
            LOG.warn("Monitor {}: a listener of its state change failed: {}", monitor.id(), e.toString());
        }
    }

    private record Verdict(Kind kind, String text) {
        enum Kind { SUCCESS, FAILURE, HEARTBEAT }
    }

    private record Recorded(MonitorState previous, MonitorState state, String reason, DurationAnomalies.Result anomalies) {
    }

    private record LastPing(MonitorPing.Event kind, Instant at) {
    }
}
