package io.inventorysync.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Settings in as an operator writes them, the policy an incident gets out: monitor over channel over global. */
class EscalationPolicyTest {

    @Test
    void defaultLadderIsTheSeedsChatMailSmsThenProtectionAfterAnHour() {
        EscalationPolicy policy = EscalationPolicy.resolve(new AlertProperties(), "dispatcher:shopify-main", "shopify-main");

        assertThat(policy.ladder()).extracting(AlertProperties.Step::getMedium)
                .containsExactly(Medium.CHAT, Medium.MAIL, Medium.SMS, Medium.PROTECT);
        assertThat(policy.ladder()).extracting(AlertProperties.Step::getAfter).containsExactly(Duration.ZERO,
                Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1));
        assertThat(policy.renotifyInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(policy.protectBelow()).isEqualTo(5);
    }

    @Test
    void monitorOverrideWinsOverChannelOverrideWhichWinsOverGlobal() {
        AlertProperties properties = bind(Map.of(
                "inventory-sync.alerts.renotify-interval", "2h",
                "inventory-sync.alerts.protect-below", "4",
                "inventory-sync.alerts.channels.amazon-main.protect-below", "10",
                "inventory-sync.alerts.channels.amazon-main.renotify-interval", "30m",
                "inventory-sync.alerts.channels.amazon-main.ladder[0].medium", "sms",
                "inventory-sync.alerts.channels.amazon-main.ladder[0].after", "0s",
                "inventory-sync.alerts.monitors[reconciliation:amazon-main].ladder[0].medium", "CHAT",
                "inventory-sync.alerts.monitors[reconciliation:amazon-main].ladder[0].after", "5m",
                "inventory-sync.alerts.monitors[reconciliation:amazon-main].ladder[1].medium", "protect",
                "inventory-sync.alerts.monitors[reconciliation:amazon-main].ladder[1].after", "2h"));

        EscalationPolicy monitor = EscalationPolicy.resolve(properties, "reconciliation:amazon-main", "amazon-main");
        EscalationPolicy channel = EscalationPolicy.resolve(properties, "dispatcher:amazon-main", "amazon-main");
        EscalationPolicy global = EscalationPolicy.resolve(properties, "supplier-feed:acme", null);

        assertThat(monitor.ladder()).extracting(s -> s.getMedium() + "@" + s.getAfter())
                .containsExactly("CHAT@PT5M", "PROTECT@PT2H");
        assertThat(monitor.protectBelow()).as("not set for the monitor: the channel's").isEqualTo(10);
        assertThat(monitor.renotifyInterval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(channel.ladder()).extracting(AlertProperties.Step::getMedium).containsExactly(Medium.SMS);
        assertThat(global.ladder()).hasSize(4);
        assertThat(global.renotifyInterval()).isEqualTo(Duration.ofHours(2));
        assertThat(global.protectBelow()).isEqualTo(4);
    }

    @Test
    void unsetEnvironmentListsMeanNoRecipientsAndTheMediaAreSkipped() {
        AlertProperties properties = bind(Map.of("inventory-sync.alerts.mail.to", "",
                "inventory-sync.alerts.sms.url", "http://127.0.0.1:1/sms", "inventory-sync.alerts.sms.recipients", "",
                "inventory-sync.alerts.chat.webhook-url", ""));

        assertThat(properties.getMail().getTo()).isEmpty();
        assertThat(properties.getSms().getRecipients()).isEmpty();
        assertThat(new SmsWebhookNotifier(properties.getSms(), null, null).unavailableReason())
                .contains("no SMS recipients");
        assertThat(new ChatWebhookNotifier(properties.getChat(), null, null).unavailableReason())
                .contains("no chat webhook URL");
    }

    private static AlertProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("inventory-sync.alerts", AlertProperties.class);
    }
}
