package io.inventorysync.alert;

import java.time.Duration;
import java.util.List;

/** The escalation that applies to one incident, after global, channel and monitor settings were merged. */
public record EscalationPolicy(List<AlertProperties.Step> ladder, Duration renotifyInterval, int protectBelow) {

    /** Resolves the policy for an alert key (monitor id) and channel: monitor override, channel override, global. */
    public static EscalationPolicy resolve(AlertProperties properties, String key, String channel) {
        AlertProperties.Override monitor = properties.getMonitors().get(key);
        AlertProperties.Override forChannel = channel == null ? null : properties.getChannels().get(channel);
        List<AlertProperties.Step> ladder = first(properties.getLadder(),
                monitor == null ? null : monitor.getLadder(), forChannel == null ? null : forChannel.getLadder());
        Duration renotify = first(properties.getRenotifyInterval(),
                monitor == null ? null : monitor.getRenotifyInterval(),
                forChannel == null ? null : forChannel.getRenotifyInterval());
        Integer below = first(properties.getProtectBelow(), monitor == null ? null : monitor.getProtectBelow(),
                forChannel == null ? null : forChannel.getProtectBelow());
        return new EscalationPolicy(List.copyOf(ladder), renotify, below);
    }

    private static <T> T first(T global, T monitor, T channel) {
        return monitor != null ? monitor : channel != null ? channel : global;
    }
}
