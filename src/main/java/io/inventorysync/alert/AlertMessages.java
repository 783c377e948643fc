package io.inventorysync.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Writes the messages of an incident: what is wrong, since when, what happens next, and how to acknowledge it. */
public class AlertMessages {

    private static final String PREFIX = "[inventory-sync] ";

    public AlertMessage warning(Incident incident, Instant now) {
        String subject = PREFIX + "LATE: " + incident.key();
        String text = """
                %s is late: %s
                %s
                Late since %s (%s). Nothing escalates unless it goes DOWN.""".formatted(incident.key(),
                incident.summary(), where(incident), at(incident.openedAt()), ago(incident.openedAt(), now));
        return new AlertMessage(subject, text, "inventory-sync LATE " + incident.key() + ": " + incident.summary());
    }

    public AlertMessage escalation(Incident incident, EscalationPolicy policy, int step, Instant now) {
        String subject = PREFIX + "DOWN: " + incident.key();
        List<String> next = new ArrayList<>();
        for (int i = step + 1; i < policy.ladder().size(); i++) {
            AlertProperties.Step later = policy.ladder().get(i);
            next.add(describe(later.getMedium(), incident, policy) + " at " + at(incident.downSince().plus(later.getAfter())));
        }
        String text = """
                %s is DOWN: %s
                %s
                Down since %s (%s). Escalation step %d of %d (%s).
                %s
                Acknowledge (stops the next steps): POST /api/v1/incidents/%d/acknowledge""".formatted(incident.key(),
                incident.summary(), where(incident), at(incident.downSince()), ago(incident.downSince(), now), step + 1,
                policy.ladder().size(), describe(policy.ladder().get(step).getMedium(), incident, policy),
                next.isEmpty() ? "This was the last step." : "Next: " + String.join("; ", next) + ".", incident.id());
        return new AlertMessage(subject, text, "inventory-sync DOWN " + incident.key() + " since "
                + at(incident.downSince()) + ": " + incident.summary() + " (incident " + incident.id() + ")");
    }

    /** @param protectedBelow the threshold in force by this incident's protective action, or null */
    public AlertMessage reminder(Incident incident, Integer protectedBelow, Instant now) {
        Instant since = incident.downSince() != null ? incident.downSince() : incident.openedAt();
        String subject = PREFIX + "STILL DOWN: " + incident.key();
        String text = """
                %s is still DOWN after %s: %s
                %s
                %s
                %s""".formatted(incident.key(), ago(since, now).replace(" ago", ""), incident.summary(), where(incident),
                incident.acknowledged() ? "Acknowledged by " + incident.acknowledgedBy() + " at "
                        + at(incident.acknowledgedAt()) + "." : "Not acknowledged: POST /api/v1/incidents/"
                        + incident.id() + "/acknowledge",
                protectedBelow == null ? "No protective action engaged." : "Limited availability is engaged on "
                        + incident.channel() + ": listings below " + protectedBelow + " are published as 0.");
        return new AlertMessage(subject, text, "inventory-sync STILL DOWN " + incident.key() + " since " + at(since)
                + " (incident " + incident.id() + ")");
    }

    /** @param lifting whether this incident's protective action is being lifted */
    public AlertMessage resolved(Incident incident, boolean lifting) {
        Instant since = incident.downSince() != null ? incident.downSince() : incident.openedAt();
        String subject = PREFIX + "RESOLVED: " + incident.key();
        String text = """
                %s is back UP at %s after %s: %s
                %s%s""".formatted(incident.key(), at(incident.resolvedAt()),
                ago(since, incident.resolvedAt()).replace(" ago", ""),
                incident.resolution() == null ? "resolved" : incident.resolution(), where(incident),
                lifting ? "\nLimited availability on " + incident.channel() + " is lifted; true quantities are published again." : "");
        return new AlertMessage(subject, text, "inventory-sync RESOLVED " + incident.key() + " at "
                + at(incident.resolvedAt()) + " (incident " + incident.id() + ")");
    }

    private static String describe(Medium medium, Incident incident, EscalationPolicy policy) {
        return switch (medium) {
            case CHAT -> "chat";
            case MAIL -> "e-mail";
            case SMS -> "SMS";
            case PROTECT -> incident.channel() == null ? "protective action (no channel: none)"
                    : "limited availability on " + incident.channel() + " (below " + policy.protectBelow() + " → 0)";
        };
    }

    private static String where(Incident incident) {
        return "Incident " + incident.id() + (incident.channel() == null ? "" : ", channel " + incident.channel())
                + ", " + ("monitor".equals(incident.origin()) ? "monitor " : "alert ") + incident.key() + ".";
    }

    private static String at(Instant instant) {
        return instant == null ? "?" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String ago(Instant since, Instant now) {
        if (since == null || now == null) {
            return "?";
        }
        Duration d = Duration.between(since, now);
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        long h = d.toHours();
        long m = d.toMinutesPart();
        String text = h > 0 ? h + " h" + (m > 0 ? " " + m + " min" : "") : m > 0 ? m + " min" : d.toSecondsPart() + " s";
        return text + " ago";
    }
}
