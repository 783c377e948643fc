package io.inventorysync.supplier;

/** What a SKU of the last accepted snapshot means when the new snapshot has no row for it. */
public enum MissingSkuPolicy {
    /** The supplier no longer has it: its count becomes 0 (the default; the mass-zeroing guard bounds it). */
    ZERO,
    /** Unknown: keep its last count. */
    KEEP
}
