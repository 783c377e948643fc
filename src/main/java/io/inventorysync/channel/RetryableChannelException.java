package io.inventorysync.channel;

/** A whole call failed in a way worth retrying (throttled, 5xx, timeout), with the platform's code and wait hint. */
public class RetryableChannelException extends Exception {

    private final String code;
    private final Long retryAfterMs;

    public RetryableChannelException(String code, String message, Long retryAfterMs, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.retryAfterMs = retryAfterMs;
    }

    public String code() {
        return code;
    }

    /** The platform's hint in milliseconds (Retry-After, throttle restore time), or null. */
    public Long retryAfterMs() {
        return retryAfterMs;
    }
}
