package io.inventorysync.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;


import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;


import io.inventorysync.InventorySyncApplication;
import io.inventorysync.monitor.MonitorState;
import io.inventorysync.monitor.MonitorStateChanged;
import io.inventorysync.support.AppUnderTest;
import io.inventorysync.support.TestConnectors;
import io.inventorysync.support.TestStack;

/**
 * Escalation across application contexts sharing one PostgreSQL schema: two instances running at once send every
 * step once, and an instance started after the others stopped carries on from the recorded attempts — the next step
 * when it is due, the resolved messages and the lift — without sending anything again.
 */
class AlertInstancesIT {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String SCHEMA = TestStack.freshSchema("alertinst");
    static final String CHANNEL = "shopify-twin-" + RUN;
    static final String TWIN = "dispatcher:twin-" + RUN;
    static final String LONG = "dispatcher:restart-" + RUN;
    static final TestConnectors CONNECTORS = TestConnectors.create("http://127.0.0.1:1", "unused", "0", List.of());
    static final RecordingWebhookServer WEBHOOKS = RecordingWebhookServer.start();
    static final RecordingMailServer SMTP = RecordingMailServer.start();

    @AfterAll
    static void stopServers() {
        WEBHOOKS.close();
        SMTP.close();
    }

    @Test
    void twoInstancesSendEachStepOnceAndARestartedInstanceCarriesOnWithoutResending() {
        ConfigurableApplicationContext first = start("a");
        ConfigurableApplicationContext second = start("b");
        try {
            // both instances see the monitor fail and publish, as each would
            publish(first, TWIN, MonitorState.DOWN, "both instances noticed");
            publish(second, TWIN, MonitorState.DOWN, "both instances noticed");
            publish(first, LONG, MonitorState.DOWN, "feed stalled");

            await().atMost(Duration.ofSeconds(30)).until(() -> engages(first, TWIN) + engages(second, TWIN) == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> SMTP.mails(LONG).size() == 1);
            // a little longer, so a second instance sending a step again would have done so
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
            assertThat(WEBHOOKS.calls("/chat/", TWIN)).hasSize(1);
            assertThat(SMTP.mails(TWIN)).hasSize(1);
            assertThat(WEBHOOKS.calls("/sms", TWIN)).hasSize(1);
            assertThat(engages(first, TWIN) + engages(second, TWIN)).isEqualTo(1);
            assertThat(WEBHOOKS.calls("/chat/", LONG)).hasSize(1);
            assertThat(WEBHOOKS.calls("/sms", LONG)).as("due 25 s after DOWN").isEmpty();
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM alert_incident WHERE alert_key = ?", Integer.class, TWIN))
                    .isEqualTo(1);
            assertThat(jdbc.queryForList("""
                    SELECT DISTINCT n.instance_id FROM alert_notification n JOIN alert_incident i ON i.id = n.incident_id
                    WHERE i.alert_key IN (?, ?)""", String.class, TWIN, LONG)).isNotEmpty();
        } finally {
            first.close();
            second.close();
        }

        Instant restartedAt = Instant.now();
        ConfigurableApplicationContext restarted = start("c");
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> WEBHOOKS.calls("/sms", LONG).size() == 1);
            assertThat(WEBHOOKS.calls("/sms", LONG).get(0).at()).isAfter(restartedAt);
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
            assertThat(WEBHOOKS.calls("/chat/", LONG)).as("chat not sent again after the restart").hasSize(1);
            assertThat(SMTP.mails(LONG)).as("mail not sent again after the restart").hasSize(1);
            assertThat(WEBHOOKS.calls("/chat/", TWIN)).hasSize(1);
            assertThat(WEBHOOKS.calls("/sms", TWIN)).hasSize(1);
            assertThat(SMTP.mails(TWIN)).hasSize(1);
            RecordingLimitedAvailability limited = restarted.getBean(RecordingLimitedAvailability.class);
            assertThat(limited.calls(TWIN)).as("engaged before the restart, not again").isEmpty();

            publish(restarted, TWIN, MonitorState.UP, "pushes succeed again");
            publish(restarted, LONG, MonitorState.UP, "feed arrived");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(WEBHOOKS.calls("/chat/", TWIN)).hasSize(2);
                assertThat(WEBHOOKS.calls("/sms", TWIN)).hasSize(2);
                assertThat(SMTP.mails(TWIN)).hasSize(2);
                assertThat(WEBHOOKS.calls("/chat/", LONG)).hasSize(2);
                assertThat(WEBHOOKS.calls("/sms", LONG)).hasSize(2);
                assertThat(SMTP.mails(LONG)).hasSize(2);
                assertThat(limited.calls(TWIN)).extracting(RecordingLimitedAvailability.Call::action)
                        .containsExactly("lift");
            });
            assertThat(limited.calls(TWIN).get(0).channel()).isEqualTo(CHANNEL);
            assertThat(WEBHOOKS.calls("/chat/", LONG).get(1).text()).contains("RESOLVED");
        } finally {
            restarted.close();
        }
    }

    private static ConfigurableApplicationContext start(String instance) {
        List<String> args = new ArrayList<>();
        AppUnderTest.register((name, value) -> args.add("--" + name + "=" + value.get()), SCHEMA, RUN + instance,
                CONNECTORS.dir());
        args.addAll(List.of("--server.port=0", "--inventory-sync.embedded.enabled=false",
                "--inventory-sync.demo.enabled=false", "--inventory-sync.instance-id=instance-" + instance,
                "--inventory-sync.alerts.tick-interval=200ms",
                "--inventory-sync.alerts.chat.webhook-url=" + WEBHOOKS.url("/chat/services/T0KEN"),
                "--inventory-sync.alerts.sms.url=" + WEBHOOKS.url("/sms"),
                "--inventory-sync.alerts.sms.recipients=+15550001",
                "--inventory-sync.alerts.mail.to=ops@example.test",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + SMTP.port()));
        ladder(args, TWIN, "chat", "0s", "mail", "1s", "sms", "2s", "protect", "3s");
        ladder(args, LONG, "chat", "0s", "mail", "1s", "sms", "25s");
        return new SpringApplicationBuilder(InventorySyncApplication.class, RecordingLimitedAvailability.Config.class)
                .run(args.toArray(String[]::new));
    }

    private static void ladder(List<String> args, String key, String... steps) {
        for (int i = 0; i < steps.length / 2; i++) {
            args.add("--inventory-sync.alerts.monitors[" + key + "].ladder[" + i + "].medium=" + steps[2 * i]);
            args.add("--inventory-sync.alerts.monitors[" + key + "].ladder[" + i + "].after=" + steps[2 * i + 1]);
        }
    }

    private static void publish(ConfigurableApplicationContext app, String monitor, MonitorState state, String reason) {
        app.publishEvent(new MonitorStateChanged(monitor, CHANNEL, null, state, reason, Instant.now()));
    }

    private static int engages(ConfigurableApplicationContext app, String key) {
        return (int) app.getBean(RecordingLimitedAvailability.class).calls(key).stream()
                .filter(c -> c.action().equals("engage")).count();
    }
}
