package io.inventorysync.connectors.amazon;

/**
 * Amazon refused a whole call for a reason retrying will not fix (LWA {@code invalid_grant}/{@code invalid_client},
 * SP-API 403 {@code Unauthorized} after a fresh token, 400 {@code InvalidInput}, 404): every item of the call is
 * rejected with {@link #code()}, Amazon's own code.
 */
public final class SpApiCallRejectedException extends Exception {

    private final String code;

    public SpApiCallRejectedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
