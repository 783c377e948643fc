package io.inventorysync.ops;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the operator dashboard ({@code /ops/}) under {@code inventory-sync.ops.*}. */
@ConfigurationProperties("inventory-sync.ops")
public class OpsProperties {

    /** How often each channel's dispatch meters are read for the dashboard's rates and latency sparkline. */
    private Duration sampleInterval = Duration.ofSeconds(10);
    /** How many readings are kept per channel (with the default interval: the last 30 minutes). */
    private int samplesKept = 180;
    /** Window of the throughput figure. */
    private Duration throughputWindow = Duration.ofMinutes(5);
    /** Window of the failure-rate figure. */
    private Duration failureWindow = Duration.ofMinutes(15);

    public Duration getSampleInterval() { return sampleInterval; }
    public void setSampleInterval(Duration sampleInterval) { this.sampleInterval = sampleInterval; }
    public int getSamplesKept() { return samplesKept; }
    public void setSamplesKept(int samplesKept) { this.samplesKept = samplesKept; }
    public Duration getThroughputWindow() { return throughputWindow; }
    public void setThroughputWindow(Duration throughputWindow) { this.throughputWindow = throughputWindow; }
    public Duration getFailureWindow() { return failureWindow; }
    public void setFailureWindow(Duration failureWindow) { this.failureWindow = failureWindow; }
}
