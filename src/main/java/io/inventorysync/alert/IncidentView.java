package io.inventorysync.alert;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An incident as the admin API shows it, with every notification attempt. */
public record IncidentView(long id, String key, String origin, String channel, String status, String level,
        String summary, @JsonProperty("opened_at") Instant openedAt, @JsonProperty("down_since") Instant downSince,
        @JsonProperty("acknowledged_at") Instant acknowledgedAt, @JsonProperty("acknowledged_by") String acknowledgedBy,
        @JsonProperty("resolved_at") Instant resolvedAt, String resolution, @JsonProperty("closed_at") Instant closedAt,
        @JsonProperty("protective_action") String protectiveAction, List<Notification> notifications) {

    public record Notification(String kind, Integer step, String medium, String outcome, String error,
            @JsonProperty("attempted_at") Instant attemptedAt) {
    }

    public static IncidentView of(Incident incident, List<NotificationAttempt> attempts) {
        String status = incident.resolved() ? "resolved" : incident.acknowledged() ? "acknowledged" : "open";
        return new IncidentView(incident.id(), incident.key(), incident.origin(), incident.channel(), status,
                incident.level(), incident.summary(), incident.openedAt(), incident.downSince(),
                incident.acknowledgedAt(), incident.acknowledgedBy(), incident.resolvedAt(), incident.resolution(),
                incident.closedAt(), protection(attempts), attempts.stream().map(a -> new Notification(a.kind().code(),
                        a.step(), a.medium().code(), a.outcome().code(), a.error(), a.attemptedAt())).toList());
    }

    /** engaged, lifted, or null when the incident did not engage one. */
    private static String protection(List<NotificationAttempt> attempts) {
        if (IncidentEscalator.holding(attempts)) {
            return "engaged";
        }
        boolean engaged = attempts.stream().anyMatch(a -> a.kind() == NotificationKind.ENGAGE && a.outcome() == Outcome.SENT);
        return engaged ? "lifted" : null;
    }
}
