package io.inventorysync.supplier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A new snapshot compared with the last accepted one: the counts that changed, the next accepted state, and how
 * many of the supplier's stocked SKUs it would set to 0 (explicitly or by leaving them out).
 * <p>
 * A SKU whose row was rejected this time is unknown, not gone: it keeps its last count and is not zeroed.
 *
 * @param changes     what to emit, in a stable order
 * @param next        the accepted state once these changes are applied
 * @param stocked     SKU x locations with a count above 0 in the last accepted snapshot
 * @param zeroed      of those, how many this snapshot sets to 0
 */
public record SnapshotDiff(List<StockChange> changes, Map<StockKey, Long> next, int stocked, int zeroed) {

    /**
     * @param previous      the last accepted counts
     * @param counts        this snapshot's counts
     * @param uncertainSkus our SKUs with a rejected row in this snapshot
     * @param emitAll       emit every count, not only the changed ones
     */
    public static SnapshotDiff compare(Map<StockKey, Long> previous, Map<StockKey, Integer> counts,
            Set<String> uncertainSkus, MissingSkuPolicy missing, boolean emitAll) {
        List<StockChange> changes = new ArrayList<>();
        Map<StockKey, Long> next = new HashMap<>(previous);
        int stocked = 0;
        int zeroed = 0;
        for (Map.Entry<StockKey, Long> last : previous.entrySet()) {
            StockKey key = last.getKey();
            boolean wasStocked = last.getValue() > 0;
            stocked += wasStocked ? 1 : 0;
            Integer count = counts.get(key);
            if (count == null && (missing == MissingSkuPolicy.KEEP || uncertainSkus.contains(key.sku()))) {
                continue;
            }
            int now = count == null ? 0 : count;
            if (wasStocked && now == 0) {
                zeroed++;
            }
            if (count == null) {
                if (emitAll || last.getValue() != 0) {
                    changes.add(new StockChange(key, last.getValue(), 0));
                }
                next.put(key, 0L);
            }
        }
        for (Map.Entry<StockKey, Integer> entry : counts.entrySet()) {
            Long last = previous.get(entry.getKey());
            if (emitAll || last == null || last != entry.getValue().longValue()) {
                changes.add(new StockChange(entry.getKey(), last, entry.getValue()));
            }
            next.put(entry.getKey(), entry.getValue().longValue());
        }
        changes.sort((a, b) -> a.key().sku().equals(b.key().sku())
                ? a.key().locationId().compareTo(b.key().locationId()) : a.key().sku().compareTo(b.key().sku()));
        return new SnapshotDiff(List.copyOf(changes), Map.copyOf(next), stocked, zeroed);
    }

    /** Share of the stocked SKU x locations set to 0; 0 when nothing was stocked. */
    public double zeroedShare() {
        return stocked == 0 ? 0 : (double) zeroed / stocked;
    }
}
