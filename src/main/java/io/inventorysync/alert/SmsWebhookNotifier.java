package io.inventorysync.alert;

import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A generic SMS gateway: {@code POST {"recipients": ["+49…"], "message": "…"}} to the configured URL. */
public class SmsWebhookNotifier implements Notifier {

    /** Two concatenated SMS segments: enough for the short form, short enough for any gateway. */
    static final int MESSAGE_MAX = 306;

    private final AlertProperties.Sms settings;
    private final JsonWebhook webhook;

    public SmsWebhookNotifier(AlertProperties.Sms settings, HttpClient http, ObjectMapper json) {
        this.settings = settings;
        this.webhook = new JsonWebhook(http, json);
    }

    @Override
    public Medium medium() {
        return Medium.SMS;
    }

    @Override
    public String unavailableReason() {
        if (settings.getUrl() == null || settings.getUrl().isBlank()) {
            return "no SMS gateway URL configured (inventory-sync.alerts.sms.url)";
        }
        return settings.getRecipients().isEmpty() ? "no SMS recipients configured (inventory-sync.alerts.sms.recipients)" : null;
    }

    @Override
    public void send(AlertMessage message) throws NotificationFailedException {
        String text = message.shortText().length() <= MESSAGE_MAX ? message.shortText()
                : message.shortText().substring(0, MESSAGE_MAX - 1) + "…";
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("recipients", settings.getRecipients());
        payload.put("message", text);
        webhook.post(settings.getUrl(), settings.getToken(), payload, settings.getTimeout(), "SMS gateway");
    }
}
