package io.inventorysync.monitor;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code inventory-sync.monitors.*}: sync-job monitors. A connector file can override per connector with its
 * settings {@code velocityClass}, {@code monitorGrace}, {@code monitorTimeout}, {@code monitorPeriod} (dispatcher)
 * and {@code monitorPingUrl} with {@code monitorPingProtocol}; for the channel's reconciliation the same keys prefixed
 * {@code reconcile} ({@code reconcileMonitorGrace}, {@code reconcileMonitorTimeout}, {@code reconcileMonitorPingUrl},
 * {@code reconcileMonitorPingProtocol}).
 */
@ConfigurationProperties("inventory-sync.monitors")
public class MonitorProperties {

    /** Monitor the pack's jobs and dispatchers at all. */
    private boolean enabled = true;
    /** A completed run whose failed items exceed this share of the items it processed is a failure. */
    private double errorRateThreshold = 0.05;
    /** Velocity class of connectors that do not name one (and of jobs that serve no connector). */
    private VelocityClass defaultVelocityClass = VelocityClass.REGULAR;
    /** Grace period per velocity class: how long after its expected time a job may be late before it is DOWN. */
    private Map<VelocityClass, Duration> grace = new EnumMap<>(Map.of(VelocityClass.FAST, Duration.ofMinutes(20),
            VelocityClass.REGULAR, Duration.ofHours(1), VelocityClass.SLOW, Duration.ofHours(4)));
    /**
     * Jitter allowed before a monitor counts as LATE: a scheduled job starts a moment after its fire time, a
     * dispatcher's poll ends a moment after its interval.
     */
    private Duration lateTolerance = Duration.ofSeconds(10);
    /** How often each instance checks the monitors for lateness. */
    private Duration evaluationInterval = Duration.ofSeconds(30);
    /** Durations kept per monitor for the anomaly check and the API. */
    private int historySize = 50;
    /** Durations needed before a run's duration is compared with their median. */
    private int anomalyMinSamples = 5;
    /** A run taking more than this many times the recent median is flagged {@code increase}. */
    private double anomalyIncreaseFactor = 3.0;
    /** A run taking less than this fraction of the recent median is flagged {@code decrease}. */
    private double anomalyDecreaseFactor = 0.25;
    /** A run taking more than this share of the monitor's timeout is flagged {@code near-timeout}. */
    private double timeoutWarningShare = 0.8;
    /**
     * Ping URL for monitors whose connector names none, {@code {monitor}} replaced by the monitor id with
     * {@code :} as {@code -} (e.g. {@code https://hc-ping.com/<ping-key>/{monitor}} with slug checks). Empty: no
     * pings unless a connector sets {@code monitorPingUrl}.
     */
    private String pingUrlPattern;
    /**
     * Protocol of the pattern's URLs and of a connector's ping URL when the connector names none
     * ({@code monitorPingProtocol}): {@code healthchecks} (healthchecks.io, self-hosted Healthchecks) or
     * {@code cronitor} (Cronitor's Telemetry API).
     */
    private PingProtocol pingProtocol = PingProtocol.HEALTHCHECKS;
    /**
     * Sent with Cronitor pings as {@code env}, so Cronitor can tell (and alert per) environment, e.g.
     * {@code production}, {@code staging}. healthchecks.io has no such parameter. Empty: not sent.
     */
    private String pingEnvironment;
    /** Connect and response timeout of one ping attempt. */
    private Duration pingTimeout = Duration.ofSeconds(5);
    /** Attempts per ping before it is given up (logged and counted). */
    private int pingAttempts = 3;
    /** Delay before the second attempt; doubles for each further one. */
    private Duration pingRetryDelay = Duration.ofSeconds(1);
    /**
     * A dispatcher pings at most this often while its outcome stays the same (healthchecks.io drops more than 5
     * pings a minute per check); a change of outcome pings at once.
     */
    private Duration dispatcherPingInterval = Duration.ofMinutes(1);
    /** Pings waiting per monitor (while its URL is slow or down) before new ones are dropped and counted. */
    private int maxPendingPings = 20;

    public Duration graceFor(VelocityClass velocity) {
        Duration value = grace.get(velocity);
        return value != null ? value : Duration.ofHours(1);
    }

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public double getErrorRateThreshold() { return errorRateThreshold; }
    public void setErrorRateThreshold(double errorRateThreshold) { this.errorRateThreshold = errorRateThreshold; }
    public VelocityClass getDefaultVelocityClass() { return defaultVelocityClass; }
    public void setDefaultVelocityClass(VelocityClass defaultVelocityClass) { this.defaultVelocityClass = defaultVelocityClass; }
    public Map<VelocityClass, Duration> getGrace() { return grace; }
    public void setGrace(Map<VelocityClass, Duration> grace) { this.grace = new EnumMap<>(this.grace); this.grace.putAll(grace); }
    public Duration getLateTolerance() { return lateTolerance; }
    public void setLateTolerance(Duration lateTolerance) { this.lateTolerance = lateTolerance; }
    public Duration getEvaluationInterval() { return evaluationInterval; }
    public void setEvaluationInterval(Duration evaluationInterval) { this.evaluationInterval = evaluationInterval; }
    public int getHistorySize() { return historySize; }
    public void setHistorySize(int historySize) { this.historySize = historySize; }
    public int getAnomalyMinSamples() { return anomalyMinSamples; }
    public void setAnomalyMinSamples(int anomalyMinSamples) { this.anomalyMinSamples = anomalyMinSamples; }
    public double getAnomalyIncreaseFactor() { return anomalyIncreaseFactor; }
    public void setAnomalyIncreaseFactor(double anomalyIncreaseFactor) { this.anomalyIncreaseFactor = anomalyIncreaseFactor; }
    public double getAnomalyDecreaseFactor() { return anomalyDecreaseFactor; }
    public void setAnomalyDecreaseFactor(double anomalyDecreaseFactor) { this.anomalyDecreaseFactor = anomalyDecreaseFactor; }
    public double getTimeoutWarningShare() { return timeoutWarningShare; }
    public void setTimeoutWarningShare(double timeoutWarningShare) { this.timeoutWarningShare = timeoutWarningShare; }
    public String getPingUrlPattern() { return pingUrlPattern; }
    public void setPingUrlPattern(String pingUrlPattern) { this.pingUrlPattern = pingUrlPattern; }
    public PingProtocol getPingProtocol() { return pingProtocol; }
    public void setPingProtocol(PingProtocol pingProtocol) { this.pingProtocol = pingProtocol; }
    public String getPingEnvironment() { return pingEnvironment; }
    public void setPingEnvironment(String pingEnvironment) { this.pingEnvironment = pingEnvironment; }
    public Duration getPingTimeout() { return pingTimeout; }
    public void setPingTimeout(Duration pingTimeout) { this.pingTimeout = pingTimeout; }
    public int getPingAttempts() { return pingAttempts; }
    public void setPingAttempts(int pingAttempts) { this.pingAttempts = pingAttempts; }
    public Duration getPingRetryDelay() { return pingRetryDelay; }
    public void setPingRetryDelay(Duration pingRetryDelay) { this.pingRetryDelay = pingRetryDelay; }
    public Duration getDispatcherPingInterval() { return dispatcherPingInterval; }
    public void setDispatcherPingInterval(Duration dispatcherPingInterval) { this.dispatcherPingInterval = dispatcherPingInterval; }
    public int getMaxPendingPings() { return maxPendingPings; }
    public void setMaxPendingPings(int maxPendingPings) { this.maxPendingPings = maxPendingPings; }
}
