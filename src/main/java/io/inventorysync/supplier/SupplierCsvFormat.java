package io.inventorysync.supplier;

import java.nio.charset.Charset;
import java.util.regex.Pattern;

/**
 * How one supplier writes its stock file.
 *
 * @param delimiter      field separator
 * @param header         whether the first line names the columns
 * @param skuColumn      the supplier's SKU: a header name (case-insensitive) or a 1-based position
 * @param quantityColumn the count: a header name or a 1-based position
 * @param locationColumn our location id per row, or null when the whole file is the supplier's one location
 * @param charset        the file's encoding (a UTF-8 byte order mark is skipped)
 * @param trailer        the last line a complete file ends with, or null for none; a named group {@code rows}
 *                       must equal the number of data rows (e.g. {@code EOF;(?<rows>\d+)})
 */
public record SupplierCsvFormat(char delimiter, boolean header, String skuColumn, String quantityColumn,
        String locationColumn, Charset charset, Pattern trailer) {

    public static final SupplierCsvFormat DEFAULT = new SupplierCsvFormat(',', true, "sku", "quantity", null,
            java.nio.charset.StandardCharsets.UTF_8, null);

    public SupplierCsvFormat withTrailer(Pattern pattern) {
        return new SupplierCsvFormat(delimiter, header, skuColumn, quantityColumn, locationColumn, charset, pattern);
    }

    public SupplierCsvFormat withColumns(boolean withHeader, String sku, String quantity, String location) {
        return new SupplierCsvFormat(delimiter, withHeader, sku, quantity, location, charset, trailer);
    }

    public SupplierCsvFormat withDelimiter(char separator) {
        return new SupplierCsvFormat(separator, header, skuColumn, quantityColumn, locationColumn, charset, trailer);
    }
}
