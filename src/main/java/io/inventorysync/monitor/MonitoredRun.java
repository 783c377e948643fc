package io.inventorysync.monitor;

import java.time.Instant;
import java.util.UUID;

/** One run of a monitored job, from its start: the run id its pings carry and when it began. */
public record MonitoredRun(MonitorDefinition monitor, UUID id, Instant startedAt, long startNanos) {

    /** Exchange property holding the run of the exchange being routed. */
    public static final String PROPERTY = "inventorySyncMonitoredRun";
}
