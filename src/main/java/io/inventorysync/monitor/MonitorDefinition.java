package io.inventorysync.monitor;

import java.time.Duration;

/**
 * What one monitor expects of its job.
 *
 * @param id       e.g. {@code reconciliation:shopify-main}, {@code supplier-feed:acme-dropship},
 *                 {@code dispatcher:amazon-main}, {@code reservation-expiry}
 * @param kind     scheduled job or dispatcher
 * @param channel  the sales channel the job serves, or null
 * @param schedule Quartz cron of a scheduled job, or null
 * @param period   expected time between successes when there is no schedule (a dispatcher's rounds), or null
 * @param grace    how long after the expected time the job may be late before the monitor is DOWN
 * @param timeout  how long one run may take (a running job is LATE after it); runs above a share of it are flagged
 * @param ping     where its pings go and in which protocol, or null for no pings
 */
public record MonitorDefinition(String id, MonitorKind kind, String channel, String schedule, Duration period,
        Duration grace, Duration timeout, PingTarget ping) {

    public MonitorDefinition {
        if (schedule == null && period == null) {
            throw new IllegalArgumentException("monitor " + id + " needs a schedule or a period");
        }
    }

    /** The id as a URL path segment (a healthchecks.io slug): {@code reconciliation-shopify-main}. */
    public String slug() {
        return id.replace(':', '-');
    }
}
