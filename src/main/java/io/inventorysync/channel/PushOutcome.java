package io.inventorysync.channel;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What happened to one {@link ListingQuantity} in a push: what a channel sink answers, per item.
 *
 * @param sku          the item's SKU
 * @param status       PUSHED, RETRY (transient; try again after {@code retryAfterMs}) or REJECTED (dead letter)
 * @param quantity     the quantity the channel now shows (PUSHED) or was asked to show
 * @param code         the platform's own error code (RETRY/REJECTED), e.g. {@code INVALID_INVENTORY_ITEM}, {@code HTTP_503}
 * @param message      the platform's message
 * @param retryAfterMs for RETRY: the platform's hint (Retry-After, throttle restore time), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PushOutcome(String sku, Status status, int quantity, String code, String message, Long retryAfterMs) {

    public enum Status { PUSHED, RETRY, REJECTED }

    public static PushOutcome pushed(ListingQuantity item) {
        return new PushOutcome(item.sku(), Status.PUSHED, item.quantity(), null, null, null);
    }

    public static PushOutcome retry(ListingQuantity item, String code, String message, Long retryAfterMs) {
        return new PushOutcome(item.sku(), Status.RETRY, item.quantity(), code, message, retryAfterMs);
    }

    public static PushOutcome rejected(ListingQuantity item, String code, String message) {
        return new PushOutcome(item.sku(), Status.REJECTED, item.quantity(), code, message, null);
    }
}
