package io.inventorysync.supplier;

/**
 * One well-formed data row of a snapshot, in the supplier's terms.
 *
 * @param row         1-based number of the data row (the header is not counted)
 * @param supplierSku the supplier's SKU
 * @param quantity    the count, 0 to 1,000,000,000
 * @param location    our location id from the row's location column, or null when the format has none
 * @param text        the row as CSV in the supplier's format, for a dead letter
 */
public record SupplierRow(int row, String supplierSku, int quantity, String location, String text) {
}
