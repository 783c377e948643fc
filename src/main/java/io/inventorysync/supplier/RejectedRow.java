package io.inventorysync.supplier;

/**
 * A data row that cannot be applied; it becomes a dead letter and the rest of the file still applies.
 *
 * @param row         1-based number of the data row
 * @param text        the row as CSV in the supplier's format
 * @param supplierSku the supplier's SKU when the row has a readable one, else null
 * @param reason      {@value #ROW_INVALID} or {@value #SKU_UNMAPPED}
 * @param detail      what is wrong, for a person
 */
public record RejectedRow(int row, String text, String supplierSku, String reason, String detail) {

    public static final String ROW_INVALID = "row-invalid";
    public static final String SKU_UNMAPPED = "sku-unmapped";
}
