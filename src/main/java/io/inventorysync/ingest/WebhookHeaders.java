package io.inventorysync.ingest;

/** HTTP headers of the inventory webhook ({@code POST /api/v1/events}). */
public final class WebhookHeaders {

    /** Name of the sending source; selects the shared secret that the signature is checked with. */
    public static final String SOURCE = "X-Inventory-Source";

    /** {@code sha256=<hex>}: HMAC-SHA256 of the raw request body under the source's secret (plain hex accepted). */
    public static final String SIGNATURE = "X-Inventory-Signature";

    private WebhookHeaders() {
    }
}
