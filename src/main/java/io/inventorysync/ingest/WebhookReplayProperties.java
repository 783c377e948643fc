package io.inventorysync.ingest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The webhook's replay window ({@link WebhookReplayWindow}). Which sources must send a signed timestamp is said in
 * each source's connector file ({@code requireTimestamp: true}), not here.
 */
@ConfigurationProperties("inventory-sync.webhook.replay")
public class WebhookReplayProperties {

    /**
     * Largest distance between a request's signed X-Inventory-Timestamp and this server's clock; a request further
     * away either way is refused with 401, so a captured request cannot be replayed after it.
     */
    private Duration tolerance = WebhookReplayWindow.DEFAULT_TOLERANCE;

    public Duration getTolerance() {
        return tolerance;
    }

    public void setTolerance(Duration tolerance) {
        this.tolerance = tolerance;
    }
}
