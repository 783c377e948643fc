package io.inventorysync.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the pipeline under {@code inventory-sync.*}; connector instances live in {@code connectors/}. */
@ConfigurationProperties("inventory-sync")
public class InventorySyncProperties {

    /** Directory of connector instance files (one YAML per source or channel). */
    private String connectorsDir = "connectors";

    /** Name of this instance, used as the dispatcher lease owner; defaults to host name and process id. */
    private String instanceId;

    private final Topics topics = new Topics();
    private final Webhook webhook = new Webhook();
    private final Dispatch dispatch = new Dispatch();
    private final Admin admin = new Admin();
    private final Reservations reservations = new Reservations();

    public static class Reservations {
        /** How long a reservation holds stock after its last inventory.reserve before it lapses. */
        private Duration holdTtl = Duration.ofMinutes(15);
        /** Quartz cron of the job that releases lapsed holds. */
        private String expiryCron = "0 * * * * ?";

        public Duration getHoldTtl() { return holdTtl; }
        public void setHoldTtl(Duration holdTtl) { this.holdTtl = holdTtl; }
        public String getExpiryCron() { return expiryCron; }
        public void setExpiryCron(String expiryCron) { this.expiryCron = expiryCron; }
    }

    public static class Topics {
        /** Kafka topic of canonical inventory events, keyed by SKU. */
        private String events = "inventory.events";
        /** Kafka dead-letter topic: original payload plus dl-stage, dl-reason, dl-exception headers. */
        private String deadLetters = "inventory.dead-letters";
        /** Partitions used when the pack creates the events topic (more partitions, more parallel SKUs). */
        private int partitions = 6;

        public String getEvents() { return events; }
        public void setEvents(String events) { this.events = events; }
        public String getDeadLetters() { return deadLetters; }
        public void setDeadLetters(String deadLetters) { this.deadLetters = deadLetters; }
        public int getPartitions() { return partitions; }
        public void setPartitions(int partitions) { this.partitions = partitions; }
    }

    public static class Webhook {
        /** Largest accepted request body in bytes; larger bodies get HTTP 413. */
        private int maxBodyBytes = 1024 * 1024;
        /** Most events accepted in one request; more get HTTP 400. */
        private int maxEventsPerRequest = 1000;

        public int getMaxBodyBytes() { return maxBodyBytes; }
        public void setMaxBodyBytes(int maxBodyBytes) { this.maxBodyBytes = maxBodyBytes; }
        public int getMaxEventsPerRequest() { return maxEventsPerRequest; }
        public void setMaxEventsPerRequest(int maxEventsPerRequest) { this.maxEventsPerRequest = maxEventsPerRequest; }
    }

    public static class Dispatch {
        /** Whether this instance pushes to channels (turn off to run ledger-only instances). */
        private boolean enabled = true;
        /** How long a dispatcher owns the listings it claimed; a crashed owner's listings are retaken after it. */
        private Duration lease = Duration.ofSeconds(60);
        /** Fallback poll when no commit notification arrives (notifications wake dispatchers at once). */
        private Duration pollInterval = Duration.ofSeconds(5);
        /** First retry delay for a retryable push failure; grows exponentially with jitter. */
        private Duration initialBackoff = Duration.ofSeconds(1);
        /** Longest retry delay. */
        private Duration maxBackoff = Duration.ofMinutes(5);
        /** Most listings claimed per push round (the sink splits them into API-sized batches). */
        private int claimSize = 1000;

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public Duration getLease() { return lease; }
        public void setLease(Duration lease) { this.lease = lease; }
        public Duration getPollInterval() { return pollInterval; }
        public void setPollInterval(Duration pollInterval) { this.pollInterval = pollInterval; }
        public Duration getInitialBackoff() { return initialBackoff; }
        public void setInitialBackoff(Duration initialBackoff) { this.initialBackoff = initialBackoff; }
        public Duration getMaxBackoff() { return maxBackoff; }
        public void setMaxBackoff(Duration maxBackoff) { this.maxBackoff = maxBackoff; }
        public int getClaimSize() { return claimSize; }
        public void setClaimSize(int claimSize) { this.claimSize = claimSize; }
    }

    public static class Admin {
        /** Bearer token for the admin API (dead letters, replay, mapping reload). Required; no default in production. */
        private String token;

        public String getToken() { return token; }
        public void setToken(String token) { this.token = token; }
    }

    public String getConnectorsDir() { return connectorsDir; }
    public void setConnectorsDir(String connectorsDir) { this.connectorsDir = connectorsDir; }
    public String getInstanceId() { return instanceId; }
    public void setInstanceId(String instanceId) { this.instanceId = instanceId; }

    /**
     * The instance id, or the JVM's {@code pid@host} when none is set: one name for this instance in leases, alerts and
     * monitor pings alike.
     */
    public String effectiveInstanceId() {
        return instanceId != null ? instanceId : java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
    }
    public Topics getTopics() { return topics; }
    public Webhook getWebhook() { return webhook; }
    public Dispatch getDispatch() { return dispatch; }
    public Admin getAdmin() { return admin; }
    public Reservations getReservations() { return reservations; }
}
