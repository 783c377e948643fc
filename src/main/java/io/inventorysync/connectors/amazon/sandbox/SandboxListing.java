package io.inventorysync.connectors.amazon.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One seller SKU as the sandbox holds it.
 *
 * @param sku       the seller SKU
 * @param quantity  the MFN ({@code DEFAULT} channel) quantity, or null when none was ever set
 * @param createdAt ISO-8601 instant the listing appeared
 * @param updatedAt ISO-8601 instant of the last change
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SandboxListing(String sku, Integer quantity, String createdAt, String updatedAt) {
}
