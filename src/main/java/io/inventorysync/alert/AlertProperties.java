package io.inventorysync.alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Alert escalation, {@code inventory-sync.alerts.*}. The ladder, the protective threshold and the re-notify interval
 * can be overridden per monitor (or {@link Alerts#raise alert key}) under {@code monitors} and per sales channel under
 * {@code channels}; a monitor override wins over a channel override, which wins over the global value. Keys with
 * characters other than letters, digits and {@code -} go in brackets: {@code monitors[reconciliation:shopify-main]}.
 * The SMTP server itself is Spring Boot's {@code spring.mail.*}. Webhook URLs and the SMS token are secrets: they are
 * never logged.
 */
@ConfigurationProperties("inventory-sync.alerts")
public class AlertProperties {

    /** Whether this instance listens to monitors and runs the escalation ticker. */
    private boolean enabled = true;
    /** How often the ticker looks at open incidents: the precision of step delays and the retry delay of a failure. */
    private Duration tickInterval = Duration.ofSeconds(15);
    /** How long an instance holds an incident while it escalates it; after a crash another takes over then. */
    private Duration lease = Duration.ofMinutes(2);
    /**
     * The escalation ladder of a DOWN incident: each step names a medium ({@code chat}, {@code mail}, {@code sms}) or
     * {@code protect} (the protective action on the incident's channel) and its delay after the incident went DOWN.
     */
    private List<Step> ladder = new ArrayList<>(List.of(new Step(Medium.CHAT, Duration.ZERO),
            new Step(Medium.MAIL, Duration.ofMinutes(15)), new Step(Medium.SMS, Duration.ofMinutes(30)),
            new Step(Medium.PROTECT, Duration.ofHours(1))));
    /** While an incident is open, every medium it reached hears about it again this long after its last message. */
    private Duration renotifyInterval = Duration.ofHours(1);
    /** Whether re-notification goes on after an incident is acknowledged (its ladder stops either way). */
    private boolean renotifyWhenAcknowledged = true;
    /** The protective action publishes listings showing fewer units than this as 0. */
    private int protectBelow = 5;
    /** Whether a LATE monitor gets a chat warning (nothing else escalates until it is DOWN). */
    private boolean lateWarning = true;
    /** Resolved messages that keep failing are given up this long after the incident resolved. */
    private Duration resolvedRetryFor = Duration.ofHours(1);
    /** Resolved incidents listed by the admin API after the open ones, at most (default of its {@code limit}). */
    private int listLimit = 50;
    private Chat chat = new Chat();
    private Mail mail = new Mail();
    private Sms sms = new Sms();
    /** Overrides per monitor id or alert key. */
    private Map<String, Override> monitors = new LinkedHashMap<>();
    /** Overrides per sales channel. */
    private Map<String, Override> channels = new LinkedHashMap<>();

    /** One rung of the ladder. */
    public static class Step {
        /** chat, mail, sms or protect. */
        private Medium medium;
        /** Delay after the incident went DOWN. */
        private Duration after = Duration.ZERO;

        public Step() {
        }

        public Step(Medium medium, Duration after) {
            this.medium = medium;
            this.after = after;
        }

        public Medium getMedium() { return medium; }
        public void setMedium(Medium medium) { this.medium = medium; }
        public Duration getAfter() { return after; }
        public void setAfter(Duration after) { this.after = after; }
    }

    /** Values that replace the global ones for one monitor or channel; unset ones are inherited. */
    public static class Override {
        /** The whole ladder for this monitor or channel. */
        private List<Step> ladder;
        private Duration renotifyInterval;
        private Integer protectBelow;

        public List<Step> getLadder() { return ladder; }
        public void setLadder(List<Step> ladder) { this.ladder = ladder; }
        public Duration getRenotifyInterval() { return renotifyInterval; }
        public void setRenotifyInterval(Duration renotifyInterval) { this.renotifyInterval = renotifyInterval; }
        public Integer getProtectBelow() { return protectBelow; }
        public void setProtectBelow(Integer protectBelow) { this.protectBelow = protectBelow; }
    }

    /** Slack-compatible incoming webhook. */
    public static class Chat {
        /** Incoming-webhook URL (it carries its token: a secret). Unset: chat steps are skipped. */
        private String webhookUrl;
        /** Timeout of one webhook call. */
        private Duration timeout = Duration.ofSeconds(10);

        public String getWebhookUrl() { return webhookUrl; }
        public void setWebhookUrl(String webhookUrl) { this.webhookUrl = webhookUrl; }
        public Duration getTimeout() { return timeout; }
        public void setTimeout(Duration timeout) { this.timeout = timeout; }
    }

    /** E-mail through Spring Boot's JavaMailSender ({@code spring.mail.host}, port, username, password). */
    public static class Mail {
        /** Sender address. */
        private String from = "inventory-sync@localhost";
        /** Recipients. None (or no {@code spring.mail.host}): mail steps are skipped. */
        private List<String> to = new ArrayList<>();

        public String getFrom() { return from; }
        public void setFrom(String from) { this.from = from; }
        public List<String> getTo() { return to; }
        public void setTo(List<String> to) { this.to = to; }
    }

    /**
     * A generic SMS gateway: one JSON POST {@code {"recipients": [...], "message": "..."}} per message, optionally
     * with {@code Authorization: Bearer <token>}; any 2xx answer counts as sent.
     */
    public static class Sms {
        /** Gateway URL (may carry a token: a secret). Unset: SMS steps are skipped. */
        private String url;
        /** Bearer token for the gateway, if it wants one (a secret). */
        private String token;
        /** Phone numbers, E.164 ({@code +4915112345678}). */
        private List<String> recipients = new ArrayList<>();
        /** Timeout of one gateway call. */
        private Duration timeout = Duration.ofSeconds(10);

        public String getUrl() { return url; }
        public void setUrl(String url) { this.url = url; }
        public String getToken() { return token; }
        public void setToken(String token) { this.token = token; }
        public List<String> getRecipients() { return recipients; }
        public void setRecipients(List<String> recipients) { this.recipients = recipients; }
        public Duration getTimeout() { return timeout; }
        public void setTimeout(Duration timeout) { this.timeout = timeout; }
    }

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public Duration getTickInterval() { return tickInterval; }
    public void setTickInterval(Duration tickInterval) { this.tickInterval = tickInterval; }
    public Duration getLease() { return lease; }
    public void setLease(Duration lease) { this.lease = lease; }
    public List<Step> getLadder() { return ladder; }
    public void setLadder(List<Step> ladder) { this.ladder = ladder; }
    public Duration getRenotifyInterval() { return renotifyInterval; }
    public void setRenotifyInterval(Duration renotifyInterval) { this.renotifyInterval = renotifyInterval; }
    public boolean isRenotifyWhenAcknowledged() { return renotifyWhenAcknowledged; }
    public void setRenotifyWhenAcknowledged(boolean renotifyWhenAcknowledged) { this.renotifyWhenAcknowledged = renotifyWhenAcknowledged; }
    public int getProtectBelow() { return protectBelow; }
    public void setProtectBelow(int protectBelow) { this.protectBelow = protectBelow; }
    public boolean isLateWarning() { return lateWarning; }
    public void setLateWarning(boolean lateWarning) { this.lateWarning = lateWarning; }
    public Duration getResolvedRetryFor() { return resolvedRetryFor; }
    public void setResolvedRetryFor(Duration resolvedRetryFor) { this.resolvedRetryFor = resolvedRetryFor; }
    public int getListLimit() { return listLimit; }
    public void setListLimit(int listLimit) { this.listLimit = listLimit; }
    public Chat getChat() { return chat; }
    public void setChat(Chat chat) { this.chat = chat; }
    public Mail getMail() { return mail; }
    public void setMail(Mail mail) { this.mail = mail; }
    public Sms getSms() { return sms; }
    public void setSms(Sms sms) { this.sms = sms; }
    public Map<String, Override> getMonitors() { return monitors; }
    public void setMonitors(Map<String, Override> monitors) { this.monitors = monitors; }
    public Map<String, Override> getChannels() { return channels; }
    public void setChannels(Map<String, Override> channels) { this.channels = channels; }
}
