package io.inventorysync.connectors.shopify.sandbox;

/** The two HTTP statuses a THROTTLED GraphQL answer is reported with (which one Shopify uses is unconfirmed). */
final class ThrottleStatusCodes {

    private ThrottleStatusCodes() {
    }

    static int require(int status) {
        if (status != 200 && status != 429) {
            throw new IllegalArgumentException("throttleStatusCode must be 200 or 429, was " + status);
        }
        return status;
    }
}
