package io.inventorysync.oversell;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The audit's two CSV files (UTF-8, comma, a header row, columns by name, other columns ignored):
 * <ul>
 * <li>orders: {@code timestamp,channel,sku,quantity} — ISO-8601 with offset ({@code 2026-11-23T10:00:00Z},
 * {@code 2026-11-23T11:00:00.250+01:00}), the channel's name, our SKU, units ordered (&gt; 0);</li>
 * <li>starting stock: {@code sku,quantity} — units on hand across the channels' locations at the trace's start.</li>
 * </ul>
 * A bad row is an error naming its line, never skipped silently.
 */
public final class TraceFiles {

    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();

    private TraceFiles() {
    }

    public static List<Order> readOrders(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readOrders(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Order> readOrders(Reader in, String name) throws IOException {
        List<Order> orders = new ArrayList<>();
        try (CSVParser parser = READ.parse(in)) {
            requireColumns(parser, name, "timestamp", "channel", "sku", "quantity");
            for (CSVRecord r : parser) {
                try {
                    orders.add(new Order(OffsetDateTime.parse(r.get("timestamp")).toInstant(), r.get("channel"),
                            r.get("sku"), Integer.parseInt(r.get("quantity"))));
                } catch (DateTimeParseException | IllegalArgumentException e) {
                    throw new IllegalArgumentException(name + " line " + (r.getRecordNumber() + 1) + ": " + e.getMessage(), e);
                }
            }
        }
        return orders;
    }

    public static Map<String, Integer> readStock(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readStock(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Integer> readStock(Reader in, String name) throws IOException {
        Map<String, Integer> stock = new LinkedHashMap<>();
        try (CSVParser parser = READ.parse(in)) {
            requireColumns(parser, name, "sku", "quantity");
            for (CSVRecord r : parser) {
                try {
                    if (stock.put(r.get("sku"), Integer.parseInt(r.get("quantity"))) != null) {
                        throw new IllegalArgumentException("SKU " + r.get("sku") + " appears twice");
                    }
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(name + " line " + (r.getRecordNumber() + 1) + ": " + e.getMessage(), e);
                }
            }
        }
        return stock;
    }

    public static void writeOrders(Path file, List<Order> orders) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader("timestamp", "channel", "sku", "quantity").get().print(out)) {
            for (Order o : orders) {
                csv.printRecord(o.at(), o.channel(), o.sku(), o.quantity());
            }
        }
    }

    public static void writeStock(Path file, Map<String, Integer> stock) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader("sku", "quantity").get().print(out)) {
            for (Map.Entry<String, Integer> e : stock.entrySet()) {
                csv.printRecord(e.getKey(), e.getValue());
            }
        }
    }

    private static void requireColumns(CSVParser parser, String name, String... columns) {
        for (String column : columns) {
            if (!parser.getHeaderMap().containsKey(column)) {
                throw new IllegalArgumentException(name + ": missing column '" + column + "' (header: " + parser.getHeaderNames() + ")");
            }
        }
    }
}
