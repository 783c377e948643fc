package io.inventorysync.reconciliation;

/** A listing whose last push succeeded: the quantity we pushed and the version it was pushed at. */
public record ReconciledListing(String sku, int pushedQuantity, long pushedVersion) {
}
