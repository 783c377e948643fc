package io.inventorysync.oversell;

import java.time.Duration;
import java.util.Locale;

/**
 * What the audit assumes about one channel, for both models.
 *
 * @param pipelineDelay    this pack: from a stock change (or the channel's submission slot) to the channel showing
 *                         it, before the platform's own processing — the latency benchmark's p99 for Shopify
 * @param flushInterval    this pack: at most one submission per interval (Amazon's listings feed: 5 per 5 min,
 *                         so 60 s sustained); zero pushes every change at once
 * @param cronCallsPerSecond the scheduled sync: API calls per second the channel allows one-SKU-per-call
 * @param processing       the platform's own delay before a value it received shows (both models pay it)
 */
public record ChannelProfile(Duration pipelineDelay, Duration flushInterval, double cronCallsPerSecond, Duration processing) {

    /** Shopify: measured-latency push; the seed's job at the REST Admin API's 2 calls/s (Standard plan). */
    public static final ChannelProfile SHOPIFY = new ChannelProfile(Duration.ofMillis(50), Duration.ZERO, 2.0, Duration.ZERO);
    /**
     * Amazon: one JSON_LISTINGS_FEED per minute at most; the job at the Listings Items API's 5 calls/s; Amazon
     * takes minutes to show a received quantity (5 assumed, "5–15 minutes" is what sellers report).
     */
    public static final ChannelProfile AMAZON = new ChannelProfile(Duration.ZERO, Duration.ofSeconds(60), 5.0, Duration.ofMinutes(5));

    /** The built-in profile for a channel name: Amazon's if the name contains "amazon", Shopify's otherwise. */
    public static ChannelProfile defaultFor(String channel) {
        return channel.toLowerCase(Locale.ROOT).contains("amazon") ? AMAZON : SHOPIFY;
    }

    /** This profile with {@code key=value} pairs applied: delay, flush, cronRate, processing. */
    public ChannelProfile with(String settings) {
        ChannelProfile p = this;
        for (String pair : settings.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected key=value, got '" + pair + "'");
            }
            String value = kv[1].trim();
            p = switch (kv[0].trim()) {
                case "delay" -> new ChannelProfile(parseDuration(value), p.flushInterval, p.cronCallsPerSecond, p.processing);
                case "flush" -> new ChannelProfile(p.pipelineDelay, parseDuration(value), p.cronCallsPerSecond, p.processing);
                case "cronRate" -> new ChannelProfile(p.pipelineDelay, p.flushInterval, Double.parseDouble(value), p.processing);
                case "processing" -> new ChannelProfile(p.pipelineDelay, p.flushInterval, p.cronCallsPerSecond, parseDuration(value));
                default -> throw new IllegalArgumentException("unknown channel setting '" + kv[0]
                        + "' (delay, flush, cronRate, processing)");
            };
        }
        return p;
    }

    public SyncPolicy pipeline() {
        return new PipelineSync(pipelineDelay.plus(processing), flushInterval);
    }

    public SyncPolicy cron(Duration interval, Duration firstRun) {
        return new CronSync(interval, firstRun, cronCallsPerSecond, processing);
    }

    /** {@code 250ms}, {@code 30s}, {@code 15m}, {@code 1h} or ISO-8601 ({@code PT15M}). */
    public static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("pt") || t.startsWith("p")) {
            return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
        }
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> throw new IllegalArgumentException("bad duration '" + text + "' (e.g. 250ms, 30s, 15m, PT15M)");
        };
    }

    @Override
    public String toString() {
        return "push delay %s, flush every %s, cron %.1f calls/s, platform processing %s".formatted(
                pipelineDelay, flushInterval.isZero() ? "change" : flushInterval, cronCallsPerSecond, processing);
    }
}
