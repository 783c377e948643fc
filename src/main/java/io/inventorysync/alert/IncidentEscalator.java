package io.inventorysync.alert;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one incident up to date, from its recorded attempts: the ladder steps that are due and not yet done, the
 * reminders that are due, and after recovery the resolved messages and the lift. A step is done once an attempt was
 * sent or skipped (medium not configured); a failed attempt is retried on the next tick. Nothing here throws for a
 * medium that fails: one failing medium never holds up another.
 */
public class IncidentEscalator {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentEscalator.class);
    private static final Set<NotificationKind> REACHING = EnumSet.of(NotificationKind.WARNING,
            NotificationKind.ESCALATION, NotificationKind.REMINDER);

    private final IncidentStore store;
    private final AlertProperties properties;
    private final Map<Medium, Notifier> notifiers;
    private final ProtectiveAction protectiveAction;
    private final AlertMessages messages;
    private final AlertMetrics metrics;
    private final String instance;

    public IncidentEscalator(IncidentStore store, AlertProperties properties, List<Notifier> notifiers,
            ProtectiveAction protectiveAction, AlertMessages messages, AlertMetrics metrics, String instance) {
        this.store = store;
        this.properties = properties;
        this.notifiers = new EnumMap<>(Medium.class);
        notifiers.forEach(n -> this.notifiers.put(n.medium(), n));
        this.protectiveAction = protectiveAction;
        this.messages = messages;
        this.metrics = metrics;
        this.instance = instance;
    }

    /** @param now the database's time */
    public void escalate(Incident incident, Instant now) {
        List<NotificationAttempt> history = store.attempts(incident.id());
        EscalationPolicy policy = EscalationPolicy.resolve(properties, incident.key(), incident.channel());
        if (incident.resolved()) {
            finish(incident, history, now);
        } else if (!incident.down()) {
            if (properties.isLateWarning() && !settled(history, NotificationKind.WARNING, null, Medium.CHAT)) {
                notify(incident, NotificationKind.WARNING, null, Medium.CHAT, () -> messages.warning(incident, now));
            }
        } else {
            if (!incident.acknowledged()) {
                climb(incident, policy, history, now);
            }
            if (!incident.acknowledged() || properties.isRenotifyWhenAcknowledged()) {
                remind(incident, policy, store.attempts(incident.id()), now);
            }
        }
    }

    private void climb(Incident incident, EscalationPolicy policy, List<NotificationAttempt> history, Instant now) {
        for (int i = 0; i < policy.ladder().size(); i++) {
            AlertProperties.Step step = policy.ladder().get(i);
            if (now.isBefore(incident.downSince().plus(step.getAfter()))) {
                continue;
            }
            int position = i;
            if (step.getMedium() == Medium.PROTECT) {
                if (!settled(history, NotificationKind.ENGAGE, position, Medium.PROTECT)) {
                    engage(incident, policy, position, now);
                }
            } else if (!settled(history, NotificationKind.ESCALATION, position, step.getMedium())) {
                notify(incident, NotificationKind.ESCALATION, position, step.getMedium(),
                        () -> messages.escalation(incident, policy, position, now));
            }
        }
    }

    private void remind(Incident incident, EscalationPolicy policy, List<NotificationAttempt> history, Instant now) {
        for (Medium medium : reached(history)) {
            Instant last = history.stream().filter(a -> a.medium() == medium && a.outcome() == Outcome.SENT
                    && REACHING.contains(a.kind())).map(NotificationAttempt::attemptedAt).max(Instant::compareTo)
                    .orElseThrow();
            if (!now.isBefore(last.plus(policy.renotifyInterval()))) {
                Integer below = holding(history) ? policy.protectBelow() : null;
                notify(incident, NotificationKind.REMINDER, null, medium, () -> messages.reminder(incident, below, now));
            }
        }
    }

    private void finish(Incident incident, List<NotificationAttempt> history, Instant now) {
        boolean liftSettled = true;
        boolean lifted = history.stream().anyMatch(a -> a.kind() == NotificationKind.LIFT && a.outcome() == Outcome.SENT);
        if (holding(history)) {
            List<Long> others = store.otherOpenIncidentsHolding(incident.channel(), incident.id());
            if (!others.isEmpty()) {
                String why = "channel " + incident.channel() + " stays protected for open incident(s) " + others;
                record(incident, NotificationKind.LIFT, null, Medium.PROTECT, Outcome.SKIPPED, why);
                LOG.warn("Incident {} resolved; protective action not lifted: {}", incident.id(), why);
            } else {
                try {
                    protectiveAction.lift(incident.channel(), "incident " + incident.id() + " resolved: "
                            + incident.key() + " is UP");
                    record(incident, NotificationKind.LIFT, null, Medium.PROTECT, Outcome.SENT, null);
                    lifted = true;
                } catch (NotificationFailedException e) {
                    record(incident, NotificationKind.LIFT, null, Medium.PROTECT, Outcome.FAILED, e.getMessage());
                    LOG.warn("Incident {}: {} (retried next tick)", incident.id(), e.getMessage());
                    liftSettled = false;
                }
            }
        }
        boolean messagesSettled = true;
        boolean liftedNow = lifted;
        boolean givingUp = now.isAfter(incident.resolvedAt().plus(properties.getResolvedRetryFor()));
        for (Medium medium : reached(history)) {
            if (settled(history, NotificationKind.RESOLVED, null, medium)) {
                continue;
            }
            if (givingUp) {
                LOG.warn("Incident {}: giving up the resolved message on {} after {}", incident.id(), medium.code(),
                        properties.getResolvedRetryFor());
            } else if (!notify(incident, NotificationKind.RESOLVED, null, medium,
                    () -> messages.resolved(incident, liftedNow))) {
                messagesSettled = false;
            }
        }
        if (liftSettled && messagesSettled) {
            store.close(incident.id());
            LOG.info("Incident {} ({}) closed", incident.id(), incident.key());
        }
    }

    private void engage(Incident incident, EscalationPolicy policy, int step, Instant now) {
        String unavailable = incident.channel() == null ? "the incident concerns no channel"
                : protectiveAction.unavailableReason();
        if (unavailable != null) {
            record(incident, NotificationKind.ENGAGE, step, Medium.PROTECT, Outcome.SKIPPED, unavailable);
            LOG.warn("Incident {} ({}): protective action step reached, none taken: {}", incident.id(), incident.key(),
                    unavailable);
            return;
        }
        String reason = "incident " + incident.id() + ": " + incident.key() + " DOWN since " + incident.downSince()
                + " (" + AlertMessages.ago(incident.downSince(), now) + "): " + incident.summary();
        try {
            protectiveAction.engage(incident.channel(), policy.protectBelow(), reason);
            record(incident, NotificationKind.ENGAGE, step, Medium.PROTECT, Outcome.SENT, null);
        } catch (NotificationFailedException e) {
            record(incident, NotificationKind.ENGAGE, step, Medium.PROTECT, Outcome.FAILED, e.getMessage());
            LOG.warn("Incident {}: {} (retried next tick)", incident.id(), e.getMessage());
        }
    }

    /** @return whether the attempt settled the message (sent, or skipped for good) */
    private boolean notify(Incident incident, NotificationKind kind, Integer step, Medium medium,
            Supplier<AlertMessage> message) {
        Notifier notifier = notifiers.get(medium);
        String unavailable = notifier == null ? "no notifier for " + medium.code() : notifier.unavailableReason();
        if (unavailable != null) {
            record(incident, kind, step, medium, Outcome.SKIPPED, unavailable);
            LOG.warn("Incident {} ({}): {} {} skipped: {}", incident.id(), incident.key(), kind.code(), medium.code(),
                    unavailable);
            return true;
        }
        try {
            notifier.send(message.get());
            record(incident, kind, step, medium, Outcome.SENT, null);
            LOG.info("Incident {} ({}): {} sent by {}", incident.id(), incident.key(), kind.code(), medium.code());
            return true;
        } catch (NotificationFailedException e) {
            record(incident, kind, step, medium, Outcome.FAILED, e.getMessage());
            LOG.warn("Incident {} ({}): {} by {} failed, retried next tick: {}", incident.id(), incident.key(),
                    kind.code(), medium.code(), e.getMessage());
            return false;
        } catch (RuntimeException e) {
            String error = SecretText.describe(e, properties.getChat().getWebhookUrl(), properties.getSms().getUrl(),
                    properties.getSms().getToken());
            record(incident, kind, step, medium, Outcome.FAILED, error);
            LOG.warn("Incident {} ({}): {} by {} failed, retried next tick: {}", incident.id(), incident.key(),
                    kind.code(), medium.code(), error);
            return false;
        }
    }

    private void record(Incident incident, NotificationKind kind, Integer step, Medium medium, Outcome outcome,
            String error) {
        store.record(incident.id(), kind, step, medium, outcome, error, instance);
        metrics.count(medium, outcome);
    }

    /** Message media the incident got through to. */
    private static Set<Medium> reached(List<NotificationAttempt> history) {
        Set<Medium> reached = EnumSet.noneOf(Medium.class);
        history.stream().filter(a -> a.outcome() == Outcome.SENT && REACHING.contains(a.kind()) && a.medium().isMessage())
                .forEach(a -> reached.add(a.medium()));
        return reached;
    }

    /** Whether this incident engaged the protective action and has not lifted (or handed it over) yet. */
    static boolean holding(List<NotificationAttempt> history) {
        boolean engaged = history.stream().anyMatch(a -> a.kind() == NotificationKind.ENGAGE && a.outcome() == Outcome.SENT);
        boolean released = history.stream().anyMatch(a -> a.kind() == NotificationKind.LIFT
                && (a.outcome() == Outcome.SENT || a.outcome() == Outcome.SKIPPED));
        return engaged && !released;
    }

    private static boolean settled(List<NotificationAttempt> history, NotificationKind kind, Integer step, Medium medium) {
        return history.stream().anyMatch(a -> a.kind() == kind && Objects.equals(a.step(), step)
                && a.medium() == medium && a.outcome() != Outcome.FAILED);
    }
}
