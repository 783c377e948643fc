package io.inventorysync.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** What people read: what is down, since when, what comes next, how to stop it. */
class AlertMessagesTest {

    private static final Instant DOWN = Instant.parse("2026-11-23T10:00:00Z");
    private final AlertMessages messages = new AlertMessages();
    private final Incident incident = new Incident(42, "reconciliation:shopify-main", "monitor", "shopify-main", "down",
            "read-back failed: HTTP 401", DOWN.minusSeconds(60), DOWN, null, null, null, null, null);

    @Test
    void escalationNamesTheStepTheNextStepsAndHowToAcknowledge() {
        AlertMessage message = messages.escalation(incident, EscalationPolicy.resolve(new AlertProperties(),
                incident.key(), incident.channel()), 1, DOWN.plus(Duration.ofMinutes(15)));

        assertThat(message.subject()).isEqualTo("[inventory-sync] DOWN: reconciliation:shopify-main");
        assertThat(message.text()).contains("read-back failed: HTTP 401", "Down since 2026-11-23T10:00:00Z (15 min ago)",
                "Escalation step 2 of 4 (e-mail)", "Next: SMS at 2026-11-23T10:30:00Z",
                "limited availability on shopify-main (below 5 → 0) at 2026-11-23T11:00:00Z",
                "POST /api/v1/incidents/42/acknowledge", "channel shopify-main");
        assertThat(message.shortText()).contains("DOWN reconciliation:shopify-main", "incident 42")
                .hasSizeLessThanOrEqualTo(SmsWebhookNotifier.MESSAGE_MAX);
    }

    @Test
    void reminderSaysWhoAcknowledgedAndWhetherTheChannelIsProtected() {
        Incident acknowledged = new Incident(42, incident.key(), "monitor", "shopify-main", "down", incident.summary(),
                incident.openedAt(), DOWN, DOWN.plusSeconds(600), "alice", null, null, null);

        AlertMessage message = messages.reminder(acknowledged, 5, DOWN.plus(Duration.ofMinutes(65)));

        assertThat(message.subject()).isEqualTo("[inventory-sync] STILL DOWN: reconciliation:shopify-main");
        assertThat(message.text()).contains("still DOWN after 1 h 5 min", "Acknowledged by alice",
                "Limited availability is engaged on shopify-main: listings below 5 are published as 0");
    }

    @Test
    void resolvedSaysHowLongItLastedAndThatProtectionIsLifted() {
        Incident resolved = new Incident(42, incident.key(), "monitor", "shopify-main", "down", incident.summary(),
                incident.openedAt(), DOWN, null, null, DOWN.plus(Duration.ofMinutes(72)), "UP: run 43 done", null);

        AlertMessage message = messages.resolved(resolved, true);

        assertThat(message.subject()).isEqualTo("[inventory-sync] RESOLVED: reconciliation:shopify-main");
        assertThat(message.text()).contains("back UP at 2026-11-23T11:12:00Z after 1 h 12 min: UP: run 43 done",
                "Limited availability on shopify-main is lifted");
    }
}
