package io.inventorysync.bench;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.inventorysync.connectors.shopify.sandbox.QuantityApplyListener;

/**
 * Matches each sent event to the first shop call that carries it. Every event is a receiving of +1 for one SKU,
 * so a SKU's channel quantity only rises and the k-th event for it is carried by the first call that sets the
 * listing to at least (its start quantity + k). Coalescing is thereby counted right: a call that jumps from 3 to
 * 7 carries four events at once.
 */
final class ShopArrivals implements QuantityApplyListener {

    private final Map<String, Integer> skuByItem = new HashMap<>();
    private final PerSku[] perSku;
    private final long[] arrivedAt;

    ShopArrivals(List<String> skus, Map<String, String> itemBySku, int maxEvents) {
        perSku = new PerSku[skus.size()];
        for (int i = 0; i < skus.size(); i++) {
            skuByItem.put(itemBySku.get(skus.get(i)), i);
            perSku[i] = new PerSku();
        }
        arrivedAt = new long[maxEvents];
    }

    /** Registers event {@code index} for SKU {@code sku} before it is sent; returns the quantity that carries it. */
    int expect(int sku, int index) {
        PerSku s = perSku[sku];
        synchronized (s) {
            int quantity = ++s.sent;
            if (s.shown >= quantity) {
                arrivedAt[index] = System.nanoTime();
            } else {
                s.pending.addLast(new long[] {quantity, index});
            }
            return quantity;
        }
    }

    @Override
    public void applied(String inventoryItemId, String locationId, String name, int quantity, long appliedAtNanos) {
        Integer sku = skuByItem.get(inventoryItemId);
        if (sku == null || !"available".equals(name)) {
            return;
        }
        PerSku s = perSku[sku];
        synchronized (s) {
            s.shown = Math.max(s.shown, quantity);
            while (!s.pending.isEmpty() && s.pending.peekFirst()[0] <= quantity) {
                arrivedAt[(int) s.pending.pollFirst()[1]] = appliedAtNanos;
            }
        }
    }

    long arrivedAt(int index) {
        return arrivedAt[index];
    }

    /** SKUs whose every sent event has reached the shop. */
    boolean allArrived() {
        for (PerSku s : perSku) {
            synchronized (s) {
                if (!s.pending.isEmpty()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static final class PerSku {
        int sent;
        int shown;
        final ArrayDeque<long[]> pending = new ArrayDeque<>();
    }
}
