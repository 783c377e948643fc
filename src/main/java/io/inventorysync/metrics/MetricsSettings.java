package io.inventorysync.metrics;

import java.time.Duration;

/** {@code inventory-sync.metrics.*}: the meters computed on a schedule rather than counted where things happen. */
public class MetricsSettings {

    /** Compute the ledger's Kafka consumer lag ({@code inventory.kafka.consumer.lag}). */
    private boolean consumerLagEnabled = true;
    /** How often the consumer lag is read from the broker (a few Admin API requests each time). */
    private Duration consumerLagInterval = Duration.ofSeconds(15);
    /** How long one lag reading may take before it is given up (the gauge then reads NaN until the next one). */
    private Duration consumerLagTimeout = Duration.ofSeconds(10);

    public boolean isConsumerLagEnabled() { return consumerLagEnabled; }
    public void setConsumerLagEnabled(boolean consumerLagEnabled) { this.consumerLagEnabled = consumerLagEnabled; }
    public Duration getConsumerLagInterval() { return consumerLagInterval; }
    public void setConsumerLagInterval(Duration consumerLagInterval) { this.consumerLagInterval = consumerLagInterval; }
    public Duration getConsumerLagTimeout() { return consumerLagTimeout; }
    public void setConsumerLagTimeout(Duration consumerLagTimeout) { this.consumerLagTimeout = consumerLagTimeout; }
}
