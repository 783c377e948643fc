package io.inventorysync.supplier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed snapshot in our terms: counts per our SKU x location, every rejected row (unparseable, unmapped,
 * a location not the supplier's, a SKU listed twice), and our SKUs whose count this file leaves unknown because
 * one of their rows was rejected.
 */
public record MappedSnapshot(Map<StockKey, Integer> counts, List<RejectedRow> rejected, Set<String> uncertainSkus,
        int dataRows) {

    public static MappedSnapshot map(ParsedSnapshot parsed, SupplierSkuMapping mapping, List<String> locations) {
        List<RejectedRow> rejected = new ArrayList<>();
        Set<String> uncertain = new HashSet<>();
        for (RejectedRow row : parsed.rejected()) {
            rejected.add(row);
            if (row.supplierSku() != null) {
                mapping.ourSku(row.supplierSku()).ifPresent(uncertain::add);
            }
        }
        Map<StockKey, List<SupplierRow>> byKey = new LinkedHashMap<>();
        for (SupplierRow row : parsed.rows()) {
            String ourSku = mapping.ourSku(row.supplierSku()).orElse(null);
            if (ourSku == null) {
                rejected.add(new RejectedRow(row.row(), row.text(), row.supplierSku(), RejectedRow.SKU_UNMAPPED,
                        "row " + row.row() + ": supplier SKU " + row.supplierSku() + " is not in the supplier's mapping"));
                continue;
            }
            String location = row.location() == null ? locations.get(0) : row.location();
            if (!locations.contains(location)) {
                rejected.add(new RejectedRow(row.row(), row.text(), row.supplierSku(), RejectedRow.ROW_INVALID,
                        "row " + row.row() + ": location " + location + " is not one of the supplier's " + locations));
                uncertain.add(ourSku);
                continue;
            }
            byKey.computeIfAbsent(new StockKey(ourSku, location), k -> new ArrayList<>()).add(row);
        }
        Map<StockKey, Integer> counts = new HashMap<>();
        byKey.forEach((key, rows) -> {
            if (rows.size() == 1) {
                counts.put(key, rows.get(0).quantity());
                return;
            }
            // which of two counts is right is unknown: keep the last accepted one rather than guess
            uncertain.add(key.sku());
            for (SupplierRow row : rows) {
                rejected.add(new RejectedRow(row.row(), row.text(), row.supplierSku(), RejectedRow.ROW_INVALID, "row "
                        + row.row() + ": SKU " + key.sku() + " at " + key.locationId() + " appears " + rows.size()
                        + " times in the file"));
            }
        });
        rejected.sort(Comparator.comparingInt(RejectedRow::row));
        return new MappedSnapshot(Map.copyOf(counts), List.copyOf(rejected), Set.copyOf(uncertain), parsed.dataRows());
    }
}
