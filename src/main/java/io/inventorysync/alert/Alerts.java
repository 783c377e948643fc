package io.inventorysync.alert;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raising and resolving alerts from code, for what is not a monitor (e.g. a reconciliation run held over its guard
 * rail): {@code alerts.raise("reconciliation-held:shopify-main", "shopify-main", "run 42 held: 31 % differ")}, later
 * {@code alerts.resolve("reconciliation-held:shopify-main")}. A key has one open incident at a time; raising it again
 * changes nothing. These methods never throw: a failure is logged and reported as an empty result.
 */
public class Alerts {

    private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);
    static final String MONITOR = "monitor";
    static final String API = "api";

    private final IncidentStore store;
    private final AlertTicker ticker;

    public Alerts(IncidentStore store, AlertTicker ticker) {
        this.store = store;
        this.ticker = ticker;
    }

    /**
     * Opens a DOWN incident that climbs the ladder, unless one is open for the key.
     *
     * @param channel the sales channel concerned (the protective action acts on it), or null
     * @return the incident's id, new or already open
     */
    public Optional<Long> raise(String key, String channel, String summary) {
        return raise(key, API, channel, summary);
    }

    /** Opens a LATE incident (a chat warning, no ladder) unless one is open for the key. */
    public boolean warn(String key, String channel, String summary) {
        return warn(key, API, channel, summary);
    }

    /** Resolves the key's open incident: resolved messages to every medium reached, protective action lifted. */
    public boolean resolve(String key) {
        return resolve(key, "resolved");
    }

    public boolean resolve(String key, String resolution) {
        try {
            Optional<Long> id = store.resolve(key, resolution);
            id.ifPresent(incident -> {
                LOG.info("Incident {} ({}) resolved: {}", incident, key, resolution);
                ticker.wake();
            });
            return id.isPresent();
        } catch (RuntimeException e) {
            LOG.error("Could not resolve the incident of {}: {}", key, e.toString());
            return false;
        }
    }

    Optional<Long> raise(String key, String origin, String channel, String summary) {
        try {
            IncidentStore.Raised raised = store.raise(key, origin, channel, summary == null ? "down" : summary);
            if (raised.opened() || raised.escalated()) {
                LOG.warn("Incident {} ({}) {}: {}", raised.id(), key, raised.opened() ? "opened DOWN" : "now DOWN", summary);
                ticker.wake();
            }
            return Optional.of(raised.id());
        } catch (RuntimeException e) {
            LOG.error("Could not record the alert {} ({}): {}", key, summary, e.toString());
            return Optional.empty();
        }
    }

    boolean warn(String key, String origin, String channel, String summary) {
        try {
            boolean opened = store.warn(key, origin, channel, summary == null ? "late" : summary);
            if (opened) {
                LOG.warn("Incident for {} opened LATE: {}", key, summary);
                ticker.wake();
            }
            return opened;
        } catch (RuntimeException e) {
            LOG.error("Could not record the warning {} ({}): {}", key, summary, e.toString());
            return false;
        }
    }
}
