package io.inventorysync.monitor;

import java.time.Instant;

/**
 * Published (Spring application event) whenever a monitor changes state; alerting listens to it.
 *
 * @param monitor  monitor id, e.g. {@code reconciliation:shopify-main}, {@code dispatcher:amazon-main},
 *                 {@code supplier-feed:acme-dropship}
 * @param channel  sales channel the monitored job serves, or null when it serves none (a supplier feed)
 * @param previous state before
 * @param current  state now
 * @param reason   why, for humans: the failed run's error, "no success within period + grace", …
 * @param at       when the change was detected
 */
public record MonitorStateChanged(String monitor, String channel, MonitorState previous, MonitorState current,
        String reason, Instant at) {
}
