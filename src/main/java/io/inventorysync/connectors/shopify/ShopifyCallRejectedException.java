package io.inventorysync.connectors.shopify;

/**
 * Shopify refused a whole call for a reason retrying will not fix (bad token, missing scope, invalid query):
 * every item of the call is rejected with {@link #code()}.
 */
final class ShopifyCallRejectedException extends Exception {

    private final String code;

    ShopifyCallRejectedException(String code, String message) {
        super(message);
        this.code = code;
    }

    String code() {
        return code;
    }
}
