package io.inventorysync.ingest;

/** HTTP headers of the inventory webhook ({@code POST /api/v1/events}). */
public final class WebhookHeaders {

    /** Name of the sending source; selects the shared secret that the signature is checked with. */
    public static final String SOURCE = "X-Inventory-Source";

    /**
     * {@code sha256=<hex>}: HMAC-SHA256 under the source's secret of the raw request body, or of
     * {@code <timestamp>.<body>} when {@link #TIMESTAMP} is sent (plain hex accepted).
     */
    public static final String SIGNATURE = "X-Inventory-Signature";

    /**
     * Optional (required for sources configured with {@code requireTimestamp: true}): when the request was signed, in
     * Unix seconds. Covered by the signature; outside the replay window ({@link WebhookReplayWindow}) the request is
     * refused with 401.
     */
    public static final String TIMESTAMP = "X-Inventory-Timestamp";

    private WebhookHeaders() {
    }
}
