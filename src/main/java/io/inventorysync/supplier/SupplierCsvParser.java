package io.inventorysync.supplier;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

import io.inventorysync.supplier.ParsedSnapshot.Trailer;

/**
 * Reads a supplier's stock file with commons-csv in the supplier's {@link SupplierCsvFormat}. A row that is not
 * usable (missing column, blank SKU, a quantity that is not a whole number from 0 to 1,000,000,000) is rejected on
 * its own; a file whose header lacks the configured columns, or whose quoting is broken, is not readable at all
 * ({@link SnapshotFormatException}). Thread-safe.
 */
public final class SupplierCsvParser {

    static final int MAX_QUANTITY = 1_000_000_000;
    private static final int MAX_SKU_LENGTH = 128;

    private final SupplierCsvFormat format;
    private final CSVFormat csv;
    /** Writes a rejected row back as one CSV line, for the dead letter. */
    private final CSVFormat rowText;

    public SupplierCsvParser(SupplierCsvFormat format) {
        this.format = format;
        CSVFormat.Builder builder = CSVFormat.DEFAULT.builder().setDelimiter(format.delimiter()).setTrim(true)
                .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true);
        if (format.header()) {
            // a column named twice makes it unknown which one is meant: refuse the file
            builder.setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true).setAllowMissingColumnNames(true)
                    .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_EMPTY);
        }
        this.csv = builder.get();
        this.rowText = CSVFormat.DEFAULT.builder().setDelimiter(format.delimiter()).get();
    }

    public ParsedSnapshot parse(byte[] content) {
        String text = decode(content);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Trailer trailer = Trailer.NOT_EXPECTED;
        Integer trailerRows = null;
        if (format.trailer() != null) {
            TrailerSplit split = splitTrailer(text);
            text = split.body();
            trailer = split.found() ? Trailer.PRESENT : Trailer.MISSING;
            trailerRows = split.rows();
        }
        List<SupplierRow> rows = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        int dataRows = 0;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), csv)) {
            Columns columns = columns(parser.getHeaderMap());
            for (CSVRecord record : parser) {
                dataRows++;
                read(record, dataRows, columns, rows, rejected);
            }
        } catch (IllegalArgumentException e) {
            // commons-csv refuses a header with duplicate or blank names this way
            throw new SnapshotFormatException("header-invalid", "the header is not usable: " + e.getMessage());
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // reading a String fails only on broken CSV, e.g. a quote left open by a file cut short
            throw new SnapshotFormatException("csv-malformed", "not readable as CSV: " + e.getMessage());
        }
        return new ParsedSnapshot(List.copyOf(rows), List.copyOf(rejected), dataRows, trailer, trailerRows);
    }

    /**
     * The file in the supplier's charset, strictly: bytes that are not valid in it (a Latin-1 file read as UTF-8, a
     * UTF-16 export) make the file unreadable rather than SKUs with replacement characters in them.
     */
    private String decode(byte[] content) {
        try {
            return format.charset().newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new SnapshotFormatException("encoding-invalid", "the file is not valid " + format.charset().name()
                    + " (settings.charset): " + e);
        }
    }

    private void read(CSVRecord record, int row, Columns columns, List<SupplierRow> rows, List<RejectedRow> rejected) {
        String text = rowText.format((Object[]) record.values());
        String sku = field(record, columns.sku());
        if (sku == null || sku.isEmpty()) {
            rejected.add(new RejectedRow(row, text, null, RejectedRow.ROW_INVALID,
                    "row " + row + ": no SKU in column " + format.skuColumn()));
            return;
        }
        if (sku.chars().anyMatch(Character::isISOControl)) {
            rejected.add(new RejectedRow(row, text, null, RejectedRow.ROW_INVALID,
                    "row " + row + ": SKU contains control characters"));
            return;
        }
        if (sku.length() > MAX_SKU_LENGTH) {
            rejected.add(new RejectedRow(row, text, null, RejectedRow.ROW_INVALID,
                    "row " + row + ": SKU longer than " + MAX_SKU_LENGTH + " characters"));
            return;
        }
        String location = null;
        if (columns.location() >= 0) {
            location = field(record, columns.location());
            if (location == null || location.isEmpty()) {
                rejected.add(new RejectedRow(row, text, sku, RejectedRow.ROW_INVALID,
                        "row " + row + ": no location in column " + format.locationColumn()));
                return;
            }
        }
        String quantity = field(record, columns.quantity());
        if (quantity == null || quantity.isEmpty()) {
            rejected.add(new RejectedRow(row, text, sku, RejectedRow.ROW_INVALID,
                    "row " + row + ": no quantity in column " + format.quantityColumn()));
            return;
        }
        String problem = quantityProblem(quantity);
        if (problem != null) {
            rejected.add(new RejectedRow(row, text, sku, RejectedRow.ROW_INVALID,
                    "row " + row + ": quantity '" + quantity + "' " + problem));
            return;
        }
        rows.add(new SupplierRow(row, sku, new BigDecimal(quantity).intValueExact(), location, text));
    }

    /** Why the text is not a count, or null when it is one ("12" and "12.00" are; "12.5", "-1", "1e3" are not). */
    private static String quantityProblem(String quantity) {
        if (!quantity.matches("[+-]?\\d+(\\.\\d+)?")) {
            return "is not a whole number";
        }
        BigDecimal value = new BigDecimal(quantity);
        if (value.signum() < 0) {
            return "is negative";
        }
        if (value.stripTrailingZeros().scale() > 0) {
            return "is not a whole number";
        }
        if (value.compareTo(BigDecimal.valueOf(MAX_QUANTITY)) > 0) {
            return "is above " + MAX_QUANTITY;
        }
        return null;
    }

    private static String field(CSVRecord record, int index) {
        return index < record.size() ? record.get(index) : null;
    }

    private Columns columns(Map<String, Integer> header) {
        return new Columns(index(header, format.skuColumn(), "sku"), index(header, format.quantityColumn(), "quantity"),
                format.locationColumn() == null ? -1 : index(header, format.locationColumn(), "location"));
    }

    private int index(Map<String, Integer> header, String column, String role) {
        if (column.matches("\\d+")) {
            return Integer.parseInt(column) - 1;
        }
        if (header == null || header.isEmpty()) {
            // an empty file has no header; it is reported as empty, not as a bad header
            return Integer.MAX_VALUE;
        }
        Integer index = header.get(column);
        if (index == null) {
            throw new SnapshotFormatException("header-invalid", "the header " + header.keySet() + " has no " + role
                    + " column '" + column + "'");
        }
        return index;
    }

    private TrailerSplit splitTrailer(String text) {
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int start = text.lastIndexOf('\n', end - 1) + 1;
        String last = text.substring(start, end).trim();
        Matcher matcher = format.trailer().matcher(last);
        if (end == 0 || !matcher.matches()) {
            return new TrailerSplit(text, false, null);
        }
        Integer rows = null;
        try {
            String declared = matcher.group("rows");
            rows = declared == null ? null : Integer.valueOf(declared);
        } catch (IllegalArgumentException e) {
            // the pattern has no group named rows, or it is not a number: then the trailer only marks the end
        }
        return new TrailerSplit(text.substring(0, start), true, rows);
    }

    private record Columns(int sku, int quantity, int location) {
    }

    private record TrailerSplit(String body, boolean found, Integer rows) {
    }
}
