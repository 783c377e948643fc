package io.inventorysync.alert;

import static io.inventorysync.alert.RecordingMailServer.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inventorysync.InventorySyncApplication;
import io.inventorysync.monitor.MonitorState;
import io.inventorysync.monitor.MonitorStateChanged;
import io.inventorysync.support.AppUnderTest;
import io.inventorysync.support.TestConnectors;
import io.inventorysync.support.TestStack;
import io.inventorysync.support.WebhookClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Alert escalation in the whole application on real parts: PostgreSQL, a local HTTP server as chat webhook and SMS
 * gateway, GreenMail as SMTP server, and monitor events published as the monitors feature publishes them. Steps are
 * seconds apart instead of minutes. Each test uses its own monitor ids, so tests sharing the context do not meet.
 */
@SpringBootTest(classes = InventorySyncApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "inventory-sync.embedded.enabled=false", "inventory-sync.demo.enabled=false" })
@Import(RecordingLimitedAvailability.Config.class)
// closed after the class: its context is used by no other class, and a cached one holds 10 PostgreSQL connections
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class AlertEscalationIT {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String SCHEMA = TestStack.freshSchema("alerts");
    static final String CHANNEL = TestConnectors.CHANNEL;
    static final String OTHER_CHANNEL = "shopify-other-" + RUN;
    static final String CHAT_TOKEN = "T0KEN-" + RUN;
    static final String SMS_TOKEN = "sms-secret-" + RUN;
    static final String REMINDED = "reminded:" + RUN;
    static final String FLAKY_CHAT = "flaky-chat-" + RUN;
    static final String ACKNOWLEDGED = "acknowledged-" + RUN;
    static final TestConnectors CONNECTORS = TestConnectors.create("http://127.0.0.1:1", "unused", "0", List.of());
    static final RecordingWebhookServer WEBHOOKS = RecordingWebhookServer.start();
    static final RecordingMailServer SMTP = RecordingMailServer.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        AppUnderTest.register(registry, SCHEMA, RUN, CONNECTORS.dir());
        registry.add("inventory-sync.alerts.tick-interval", () -> "300ms");
        String[][] ladder = { { "chat", "0s" }, { "mail", "2s" }, { "sms", "4s" }, { "protect", "6s" } };
        for (int i = 0; i < ladder.length; i++) {
            String[] step = ladder[i];
            registry.add("inventory-sync.alerts.ladder[" + i + "].medium", () -> step[0]);
            registry.add("inventory-sync.alerts.ladder[" + i + "].after", () -> step[1]);
        }
        registry.add("inventory-sync.alerts.renotify-interval", () -> "1h");
        registry.add("inventory-sync.alerts.chat.webhook-url", () -> WEBHOOKS.url("/chat/services/" + CHAT_TOKEN));
        registry.add("inventory-sync.alerts.sms.url", () -> WEBHOOKS.url("/sms"));
        registry.add("inventory-sync.alerts.sms.token", () -> SMS_TOKEN);
        registry.add("inventory-sync.alerts.sms.recipients", () -> "+15550001,+15550002");
        registry.add("inventory-sync.alerts.mail.from", () -> "inventory-sync@example.test");
        registry.add("inventory-sync.alerts.mail.to", () -> "ops@example.test");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SMTP::port);
        // per-monitor overrides (the first key has a colon, hence the brackets)
        registry.add("inventory-sync.alerts.monitors[" + REMINDED + "].ladder[0].medium", () -> "chat");
        registry.add("inventory-sync.alerts.monitors[" + REMINDED + "].ladder[0].after", () -> "0s");
        registry.add("inventory-sync.alerts.monitors[" + REMINDED + "].renotify-interval", () -> "3s");
        registry.add("inventory-sync.alerts.monitors[" + FLAKY_CHAT + "].ladder[0].medium", () -> "chat");
        registry.add("inventory-sync.alerts.monitors[" + FLAKY_CHAT + "].ladder[0].after", () -> "0s");
        registry.add("inventory-sync.alerts.monitors[" + FLAKY_CHAT + "].ladder[1].medium", () -> "mail");
        registry.add("inventory-sync.alerts.monitors[" + FLAKY_CHAT + "].ladder[1].after", () -> "1s");
        registry.add("inventory-sync.alerts.monitors[" + ACKNOWLEDGED + "].ladder[0].medium", () -> "chat");
        registry.add("inventory-sync.alerts.monitors[" + ACKNOWLEDGED + "].ladder[0].after", () -> "0s");
        registry.add("inventory-sync.alerts.monitors[" + ACKNOWLEDGED + "].ladder[1].medium", () -> "protect");
        registry.add("inventory-sync.alerts.monitors[" + ACKNOWLEDGED + "].ladder[1].after", () -> "1s");
        registry.add("inventory-sync.alerts.monitors[" + ACKNOWLEDGED + "].ladder[2].medium", () -> "sms");
        registry.add("inventory-sync.alerts.monitors[" + ACKNOWLEDGED + "].ladder[2].after", () -> "4s");
        registry.add("inventory-sync.alerts.channels[" + CHANNEL + "].protect-below", () -> "3");
    }

    @AfterAll
    static void stopServers() {
        WEBHOOKS.close();
        SMTP.close();
    }

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    RecordingLimitedAvailability limitedAvailability;

    @Autowired
    Alerts alerts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    final ObjectMapper json = new ObjectMapper();
    WebhookClient client;

    @BeforeEach
    void setUp() {
        client = new WebhookClient(port);
    }

    @Test
    void downMonitorClimbsChatMailSmsThenProtectsItsChannelOnOneIncident() {
        String monitor = "dispatcher:ladder-" + RUN;
        publish(monitor, CHANNEL, MonitorState.UP, MonitorState.DOWN, "3 pushes failed: HTTP 503");

        await().atMost(Duration.ofSeconds(30)).until(() -> !limitedAvailability.calls(monitor).isEmpty());

        List<RecordingWebhookServer.Call> chat = WEBHOOKS.calls("/chat/", monitor);
        List<RecordingWebhookServer.Call> sms = WEBHOOKS.calls("/sms", monitor);
        List<MimeMessage> mails = SMTP.mails(monitor);
        assertThat(chat).hasSize(1);
        assertThat(mails).hasSize(1);
        assertThat(sms).hasSize(1);
        Instant chatAt = attemptTime(monitor, "chat");
        Instant mailAt = attemptTime(monitor, "mail");
        Instant smsAt = attemptTime(monitor, "sms");
        Instant engagedAt = attemptTime(monitor, "protect");
        assertThat(chatAt).isBefore(mailAt);
        assertThat(mailAt).isBefore(smsAt);
        assertThat(smsAt).isBefore(engagedAt);
        assertThat(Duration.between(chatAt, engagedAt)).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(limitedAvailability.calls(monitor)).singleElement().satisfies(call -> {
            assertThat(call.action()).isEqualTo("engage");
            assertThat(call.channel()).isEqualTo(CHANNEL);
            assertThat(call.belowQuantity()).as("channel override of protect-below").isEqualTo(3);
        });
        assertThat(incidents(monitor)).isEqualTo(1);

        // what each medium received
        JsonNode chatBody = chat.get(0).body();
        assertThat(chatBody.path("text").asText()).contains("DOWN", monitor, "3 pushes failed: HTTP 503", CHANNEL);
        assertThat(chatBody.at("/blocks/0/type").asText()).isEqualTo("header");
        assertThat(chatBody.at("/blocks/1/text/text").asText()).contains("Escalation step 1 of 4");
        assertThat(sms.get(0).body().path("recipients")).extracting(JsonNode::asText)
                .containsExactly("+15550001", "+15550002");
        assertThat(sms.get(0).body().path("message").asText()).contains("DOWN", monitor);
        assertThat(sms.get(0).authorization()).isEqualTo("Bearer " + SMS_TOKEN);
        assertThat(subject(mails.get(0))).isEqualTo("[inventory-sync] DOWN: " + monitor);

        publish(monitor, CHANNEL, MonitorState.DOWN, MonitorState.UP, "push succeeded");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(WEBHOOKS.calls("/chat/", monitor)).hasSize(2);
            assertThat(WEBHOOKS.calls("/sms", monitor)).hasSize(2);
            assertThat(SMTP.mails(monitor)).hasSize(2);
            assertThat(limitedAvailability.calls(monitor)).hasSize(2);
            assertThat(closed(monitor)).isTrue();
        });
        assertThat(WEBHOOKS.calls("/chat/", monitor).get(1).text()).contains("RESOLVED", "back UP", "lifted");
        assertThat(WEBHOOKS.calls("/sms", monitor).get(1).text()).contains("RESOLVED", monitor);
        assertThat(subject(SMTP.mails(monitor).get(1))).isEqualTo("[inventory-sync] RESOLVED: " + monitor);
        assertThat(limitedAvailability.calls(monitor).get(1).action()).isEqualTo("lift");
    }

    @Test
    void repeatedDownEventsFromSeveralThreadsAndRaisesKeepOneIncident() {
        String monitor = "reconciliation:dedupe-" + RUN;
        List<CompletableFuture<Void>> concurrent = IntStream.range(0, 6).mapToObj(i -> CompletableFuture.runAsync(() ->
                publish(monitor, OTHER_CHANNEL, MonitorState.UP, MonitorState.DOWN, "no success within period + grace")))
                .toList();
        concurrent.forEach(CompletableFuture::join);
        alerts.raise(monitor, OTHER_CHANNEL, "raised from code as well");
        publish(monitor, OTHER_CHANNEL, MonitorState.LATE, MonitorState.DOWN, "still down");

        await().atMost(Duration.ofSeconds(15)).until(() -> WEBHOOKS.calls("/chat/", monitor).size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> WEBHOOKS.calls("/chat/", monitor).size() == 1);
        assertThat(incidents(monitor)).isEqualTo(1);

        publish(monitor, OTHER_CHANNEL, MonitorState.DOWN, MonitorState.UP, "ok");
        await().atMost(Duration.ofSeconds(15)).until(() -> closed(monitor));
        publish(monitor, OTHER_CHANNEL, MonitorState.UP, MonitorState.DOWN, "down again");
        await().atMost(Duration.ofSeconds(15)).until(() -> incidents(monitor) == 2);
        alerts.resolve(monitor);
    }

    @Test
    void remindersGoToTheReachedMediumAtTheRenotifyInterval() {
        publish(REMINDED, OTHER_CHANNEL, MonitorState.UP, MonitorState.DOWN, "supplier file missing");

        await().atMost(Duration.ofSeconds(30)).until(() -> WEBHOOKS.calls("/chat/", REMINDED).size() >= 3);

        List<RecordingWebhookServer.Call> chat = WEBHOOKS.calls("/chat/", REMINDED);
        assertThat(chat.get(0).text()).contains("DOWN", "Escalation step 1 of 1");
        assertThat(chat.get(1).text()).contains("STILL DOWN", "Not acknowledged");
        assertThat(chat.get(2).text()).contains("STILL DOWN");
        assertThat(Duration.between(chat.get(0).at(), chat.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(2900));
        assertThat(Duration.between(chat.get(1).at(), chat.get(2).at())).isGreaterThanOrEqualTo(Duration.ofMillis(2900));
        assertThat(WEBHOOKS.calls("/sms", REMINDED)).as("media not on this monitor's ladder").isEmpty();
        assertThat(SMTP.mails(REMINDED)).isEmpty();

        alerts.resolve(REMINDED);
        await().atMost(Duration.ofSeconds(15)).until(() -> closed(REMINDED));
        assertThat(WEBHOOKS.calls("/chat/", REMINDED)).last().extracting(RecordingWebhookServer.Call::text)
                .asString().contains("RESOLVED");
    }

    @Test
    void failingChatWebhookIsRetriedAndCountedAndDoesNotHoldUpTheEmailStep(CapturedOutput output) {
        double failedBefore = count("chat", "failed");
        WEBHOOKS.failWhileBodyContains(FLAKY_CHAT);
        publish(FLAKY_CHAT, OTHER_CHANNEL, MonitorState.UP, MonitorState.DOWN, "dispatcher stopped");

        await().atMost(Duration.ofSeconds(20)).until(() -> SMTP.mails(FLAKY_CHAT).size() == 1);
        assertThat(attempts(FLAKY_CHAT, "chat", "sent")).isZero();
        assertThat(attempts(FLAKY_CHAT, "chat", "failed")).isGreaterThanOrEqualTo(2);

        WEBHOOKS.heal(FLAKY_CHAT);
        await().atMost(Duration.ofSeconds(10)).until(() -> attempts(FLAKY_CHAT, "chat", "sent") == 1);

        int failures = attempts(FLAKY_CHAT, "chat", "failed");
        assertThat(WEBHOOKS.calls("/chat/", FLAKY_CHAT)).hasSize(failures + 1);
        assertThat(count("chat", "failed") - failedBefore).isGreaterThanOrEqualTo(failures);
        assertThat(jdbc.queryForList("""
                SELECT n.error FROM alert_notification n JOIN alert_incident i ON i.id = n.incident_id
                WHERE i.alert_key = ? AND n.outcome = 'failed'""", String.class, FLAKY_CHAT))
                .allSatisfy(error -> assertThat(error).contains("HTTP 500").doesNotContain(CHAT_TOKEN));
        assertThat(SMTP.mails(FLAKY_CHAT)).hasSize(1);
        assertThat(output.getAll()).contains("failed, retried next tick").doesNotContain(CHAT_TOKEN)
                .doesNotContain(SMS_TOKEN);
        alerts.resolve(FLAKY_CHAT);
    }

    @Test
    void acknowledgingStopsTheLadderButNeitherRemindersNorTheEngagedProtection() throws Exception {
        publish(ACKNOWLEDGED, OTHER_CHANNEL, MonitorState.UP, MonitorState.DOWN, "ledger consumer stuck");
        await().atMost(Duration.ofSeconds(20)).until(() -> !limitedAvailability.calls(ACKNOWLEDGED).isEmpty());
        long id = jdbc.queryForObject("SELECT id FROM alert_incident WHERE alert_key = ?", Long.class, ACKNOWLEDGED);

        assertThat(post("/api/v1/incidents/" + id + "/acknowledge", null, "{}").statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/incidents/999999999/acknowledge", AppUnderTest.ADMIN_TOKEN, "{}").statusCode())
                .isEqualTo(404);
        HttpResponse<String> ack = post("/api/v1/incidents/" + id + "/acknowledge", AppUnderTest.ADMIN_TOKEN,
                "{\"by\":\"alice\"}");
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(json.readTree(ack.body()).path("status").asText()).isEqualTo("acknowledged");
        assertThat(json.readTree(ack.body()).path("acknowledged_by").asText()).isEqualTo("alice");

        // the SMS step was due 4 s after DOWN: past it, nothing went out, and the protection stays
        await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertThat(WEBHOOKS.calls("/sms", ACKNOWLEDGED)).isEmpty();
        assertThat(limitedAvailability.calls(ACKNOWLEDGED)).extracting(RecordingLimitedAvailability.Call::action)
                .containsExactly("engage");

        JsonNode listed = incidentFromApi(id);
        assertThat(listed.path("status").asText()).isEqualTo("acknowledged");
        assertThat(listed.path("protective_action").asText()).isEqualTo("engaged");
        assertThat(listed.path("notifications")).extracting(n -> n.path("kind").asText() + "/" + n.path("medium").asText()
                + "/" + n.path("outcome").asText()).containsExactly("escalation/chat/sent", "engage/protect/sent");
        assertThat(meters.get(AlertMetrics.PROTECTIVE_ACTIONS).gauge().value()).isGreaterThanOrEqualTo(1);
        assertThat(meters.get(AlertMetrics.OPEN_INCIDENTS).gauge().value()).isGreaterThanOrEqualTo(1);

        publish(ACKNOWLEDGED, OTHER_CHANNEL, MonitorState.DOWN, MonitorState.UP, "consumer restarted");
        await().atMost(Duration.ofSeconds(15)).until(() -> limitedAvailability.calls(ACKNOWLEDGED).size() == 2);
        await().atMost(Duration.ofSeconds(15)).until(() -> closed(ACKNOWLEDGED));
        JsonNode resolved = incidentFromApi(id);
        assertThat(resolved.path("status").asText()).isEqualTo("resolved");
        assertThat(resolved.path("protective_action").asText()).isEqualTo("lifted");
        assertThat(post("/api/v1/incidents/" + id + "/acknowledge", AppUnderTest.ADMIN_TOKEN, "{}").statusCode())
                .isEqualTo(409);
        assertThat(get("/api/v1/incidents?limit=abc", AppUnderTest.ADMIN_TOKEN).statusCode()).isEqualTo(400);
    }

    @Test
    void lateMonitorGetsOneChatWarningAndNoLadderUntilItIsDown() {
        String monitor = "supplier-feed:late-" + RUN;
        publish(monitor, null, MonitorState.UP, MonitorState.LATE, "no file within 15 min");

        await().atMost(Duration.ofSeconds(10)).until(() -> WEBHOOKS.calls("/chat/", monitor).size() == 1);
        assertThat(WEBHOOKS.calls("/chat/", monitor).get(0).text()).contains("LATE", "Nothing escalates");
        // past the mail step's delay: a warning does not climb
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(SMTP.mails(monitor)).isEmpty();

        publish(monitor, null, MonitorState.LATE, MonitorState.DOWN, "no file within period + grace");
        await().atMost(Duration.ofSeconds(15)).until(() -> SMTP.mails(monitor).size() == 1);
        assertThat(WEBHOOKS.calls("/chat/", monitor)).hasSize(2);
        assertThat(incidents(monitor)).isEqualTo(1);
        // no channel: the protective step is recorded as skipped, nothing engaged
        await().atMost(Duration.ofSeconds(15)).until(() -> attempts(monitor, "protect", "skipped") == 1);
        assertThat(limitedAvailability.calls(monitor)).isEmpty();
        alerts.resolve(monitor);
    }

    @Test
    void incidentListShowsOpenIncidentsBeforeResolvedOnes() throws Exception {
        String resolvedKey = "held-run-" + RUN;
        String openKey = "held-run-open-" + RUN;
        alerts.raise(resolvedKey, OTHER_CHANNEL, "reconciliation 7 held: 31 % differ");
        await().atMost(Duration.ofSeconds(10)).until(() -> attempts(resolvedKey, "chat", "sent") == 1);
        alerts.resolve(resolvedKey, "run 7 applied");
        alerts.raise(openKey, OTHER_CHANNEL, "reconciliation 8 held");

        HttpResponse<String> response = get("/api/v1/incidents", AppUnderTest.ADMIN_TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> keys = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        json.readTree(response.body()).path("incidents").forEach(i -> {
            keys.add(i.path("key").asText());
            statuses.add(i.path("status").asText());
        });
        assertThat(keys).contains(resolvedKey, openKey);
        assertThat(keys.indexOf(openKey)).isLessThan(keys.indexOf(resolvedKey));
        int firstResolved = statuses.indexOf("resolved");
        assertThat(statuses.subList(firstResolved, statuses.size())).containsOnly("resolved");
        JsonNode resolved = incidentFromApi(jdbc.queryForObject(
                "SELECT id FROM alert_incident WHERE alert_key = ?", Long.class, resolvedKey));
        assertThat(resolved.path("origin").asText()).isEqualTo("api");
        assertThat(resolved.path("resolution").asText()).isEqualTo("run 7 applied");
        assertThat(get("/api/v1/incidents", null).statusCode()).isEqualTo(401);
        alerts.resolve(openKey);
    }

    private void publish(String monitor, String channel, MonitorState previous, MonitorState current, String reason) {
        events.publishEvent(new MonitorStateChanged(monitor, channel, previous, current, reason, Instant.now()));
    }

    private int incidents(String key) {
        return jdbc.queryForObject("SELECT count(*) FROM alert_incident WHERE alert_key = ?", Integer.class, key);
    }

    private boolean closed(String key) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT bool_and(closed_at IS NOT NULL) FROM alert_incident WHERE alert_key = ?""", Boolean.class, key));
    }

    private int attempts(String key, String medium, String outcome) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM alert_notification n JOIN alert_incident i ON i.id = n.incident_id
                WHERE i.alert_key = ? AND n.medium = ? AND n.outcome = ?""", Integer.class, key, medium, outcome);
    }

    private Instant attemptTime(String key, String medium) {
        return jdbc.queryForObject("""
                SELECT min(n.attempted_at) FROM alert_notification n JOIN alert_incident i ON i.id = n.incident_id
                WHERE i.alert_key = ? AND n.medium = ? AND n.outcome = 'sent'""", java.sql.Timestamp.class, key, medium)
                .toInstant();
    }

    private double count(String medium, String outcome) {
        Counter counter = meters.find(AlertMetrics.NOTIFICATIONS).tag("medium", medium).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private JsonNode incidentFromApi(long id) throws IOException {
        JsonNode body = json.readTree(get("/api/v1/incidents?limit=500", AppUnderTest.ADMIN_TOKEN).body());
        for (JsonNode incident : body.path("incidents")) {
            if (incident.path("id").asLong() == id) {
                return incident;
            }
        }
        throw new AssertionError("incident " + id + " not listed");
    }

    private HttpResponse<String> get(String path, String token) {
        return client.admin("GET", path, null, token);
    }

    private HttpResponse<String> post(String path, String token, String body) {
        return client.admin("POST", path, body, token);
    }
}
