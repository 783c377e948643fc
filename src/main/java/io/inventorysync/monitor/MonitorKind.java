package io.inventorysync.monitor;

/** What a monitor watches. */
public enum MonitorKind {
    /** A job on a Quartz schedule (reconciliation, supplier feed poll, reservation expiry): pings start and finish. */
    SCHEDULED,
    /**
     * A channel dispatcher: every round (a push, or an idle poll as a heartbeat) counts; pings are throttled, since
     * rounds are far more frequent than a ping service accepts.
     */
    DISPATCHER
}
