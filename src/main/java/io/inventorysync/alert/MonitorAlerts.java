package io.inventorysync.alert;

import org.springframework.context.event.EventListener;

import io.inventorysync.monitor.MonitorStateChanged;

/**
 * Turns monitor state changes into incidents: DOWN opens one (or makes a LATE one DOWN) and starts its ladder, LATE
 * opens a warning-only one (a chat warning; a late job often catches up within its grace period, so paging people
 * for it would teach them to ignore pages), UP resolves it. NEW is a fresh install, not an outage. Runs in the
 * publisher's thread and only writes a row; the ticker does the sending.
 */
public class MonitorAlerts {

    private final Alerts alerts;

    public MonitorAlerts(Alerts alerts) {
        this.alerts = alerts;
    }

    @EventListener
    public void on(MonitorStateChanged change) {
        if (change.monitor() == null || change.current() == null) {
            return;
        }
        String reason = change.reason() == null || change.reason().isBlank() ? change.current().name() : change.reason();
        switch (change.current()) {
            case DOWN -> alerts.raise(change.monitor(), Alerts.MONITOR, change.channel(), reason);
            case LATE -> alerts.warn(change.monitor(), Alerts.MONITOR, change.channel(), reason);
            case UP -> alerts.resolve(change.monitor(), "UP: " + reason);
            case NEW -> { }
        }
    }
}
