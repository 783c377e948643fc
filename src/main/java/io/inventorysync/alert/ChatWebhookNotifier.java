package io.inventorysync.alert;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Slack-compatible incoming webhook: {@code {"text": ..., "blocks": [header, section]}}. {@code text} carries the
 * whole message for clients and webhooks that ignore blocks (Mattermost, Teams' Slack-compatible connectors).
 */
public class ChatWebhookNotifier implements Notifier {

    /** Slack's limits on a header's plain text and a section's mrkdwn text. */
    private static final int HEADER_MAX = 150;
    private static final int SECTION_MAX = 3000;

    private final AlertProperties.Chat settings;
    private final JsonWebhook webhook;

    public ChatWebhookNotifier(AlertProperties.Chat settings, HttpClient http, ObjectMapper json) {
        this.settings = settings;
        this.webhook = new JsonWebhook(http, json);
    }

    @Override
    public Medium medium() {
        return Medium.CHAT;
    }

    @Override
    public String unavailableReason() {
        return blank(settings.getWebhookUrl()) ? "no chat webhook URL configured (inventory-sync.alerts.chat.webhook-url)" : null;
    }

    @Override
    public void send(AlertMessage message) throws NotificationFailedException {
        Map<String, Object> payload = Map.of("text", message.subject() + "\n" + message.text(), "blocks", List.of(
                Map.of("type", "header", "text", Map.of("type", "plain_text", "text", cut(message.subject(), HEADER_MAX))),
                Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", cut(message.text(), SECTION_MAX)))));
        webhook.post(settings.getWebhookUrl(), null, payload, settings.getTimeout(), "chat webhook");
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
