package io.inventorysync.alert;

/** A medium did not take a message; the text says why without secrets, and it is retried on the next tick. */
public class NotificationFailedException extends Exception {

    public NotificationFailedException(String message) {
        super(message);
    }
}
