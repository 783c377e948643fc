package io.inventorysync.alert;

/** Sends alert messages over one medium. */
public interface Notifier {

    Medium medium();

    /** Why this medium cannot send (not configured), or null when it can. */
    String unavailableReason();

    /**
     * Sends or throws; the message of the exception is recorded and must not contain secrets (webhook URLs, tokens).
     */
    void send(AlertMessage message) throws NotificationFailedException;
}
