package io.inventorysync.reconciliation;

/** A reconciliation of the channel is already running (on this or another instance). */
public class ReconciliationAlreadyRunningException extends RuntimeException {

    public ReconciliationAlreadyRunningException(String channel) {
        super("a reconciliation of " + channel + " is already running");
    }
}
