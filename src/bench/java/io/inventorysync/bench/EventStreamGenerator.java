package io.inventorysync.bench;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic stream of canonical inventory events (valid against the event schema) with a shop's shape:
 * SKU popularity is Zipf-like (a few SKUs take most of the traffic, as best sellers do), traffic is mostly sales,
 * receivings and checkout holds, with some returns, transfers and absolute counts. Holds are released or sold
 * against the order that made them, so reservations are exercised for real. Timestamps rise with the sequence and
 * span the last ten minutes, so no hold has lapsed when the ledger reads them.
 */
final class EventStreamGenerator {

    static final String SOURCE = "erp-bench";
    static final List<String> LOCATIONS = List.of("WH-1", "WH-2", "STORE-1", "STORE-2");
    private static final int MAX_OPEN_ORDERS_PER_SKU = 16;

    private final List<String> skus;
    private final double[] cumulative;
    private final SplittableRandom random;
    private final String runId;
    private final Instant start;
    private final long nanosPerEvent;
    private final List<ArrayDeque<OpenOrder>> openOrders;
    private long sequence;

    EventStreamGenerator(int skuCount, double zipfExponent, long events, String runId, long seed) {
        this.skus = new ArrayList<>(skuCount);
        for (int i = 1; i <= skuCount; i++) {
            skus.add("SKU-%05d".formatted(i));
        }
        this.cumulative = zipfCumulative(skuCount, zipfExponent);
        this.random = new SplittableRandom(seed);
        this.runId = runId;
        this.start = Instant.now().minusSeconds(600);
        this.nanosPerEvent = Math.max(1, 600_000_000_000L / Math.max(1, events));
        this.openOrders = new ArrayList<>(skuCount);
        for (int i = 0; i < skuCount; i++) {
            openOrders.add(new ArrayDeque<>());
        }
    }

    List<String> skus() {
        return skus;
    }

    /** The next event: its SKU (the record key) and its JSON. */
    Generated next() {
        long n = sequence++;
        int skuIndex = pickSku();
        String sku = skus.get(skuIndex);
        ArrayDeque<OpenOrder> open = openOrders.get(skuIndex);
        String id = "bench-" + runId + "-" + n;
        Instant at = start.plusNanos(n * nanosPerEvent);
        double r = random.nextDouble();
        String json;
        if (r < 0.30) {
            OpenOrder order = random.nextBoolean() ? open.pollFirst() : null;
            json = order != null
                    ? delta(id, "sale", sku, order.location(), -order.quantity(), order.id(), at)
                    : delta(id, "sale", sku, location(), -(1 + random.nextInt(3)), null, at);
        } else if (r < 0.50) {
            json = delta(id, "receiving", sku, location(), 5 + random.nextInt(26), null, at);
        } else if (r < 0.77) {
            OpenOrder order = r >= 0.65 ? open.pollFirst() : null;
            if (order != null) {
                json = delta(id, "release", sku, order.location(), order.quantity(), order.id(), at);
            } else {
                OpenOrder hold = new OpenOrder("O-" + runId + "-" + n, location(), 1 + random.nextInt(2));
                if (open.size() == MAX_OPEN_ORDERS_PER_SKU) {
                    open.pollFirst(); // an abandoned checkout: its hold simply lapses
                }
                open.addLast(hold);
                json = delta(id, "reserve", sku, hold.location(), -hold.quantity(), hold.id(), at);
            }
        } else if (r < 0.85) {
            json = delta(id, "return", sku, location(), 1, null, at);
        } else if (r < 0.90) {
            json = "{\"event_id\":\"" + id + "\",\"event_type\":\"inventory.transfer\",\"sku\":\"" + sku
                    + "\",\"location_id\":\"WH-1\",\"destination_location_id\":\"STORE-" + (1 + random.nextInt(2))
                    + "\",\"quantity_change\":" + -(1 + random.nextInt(5)) + ",\"timestamp\":\"" + at
                    + "\",\"source\":\"" + SOURCE + "\"}";
        } else if (r < 0.95) {
            json = "{\"event_id\":\"" + id + "\",\"event_type\":\"inventory.adjustment\",\"sku\":\"" + sku
                    + "\",\"location_id\":\"" + location() + "\",\"new_available\":" + random.nextInt(200)
                    + ",\"timestamp\":\"" + at + "\",\"source\":\"" + SOURCE + "\"}";
        } else {
            int change = (1 + random.nextInt(3)) * (random.nextBoolean() ? 1 : -1);
            json = delta(id, "adjustment", sku, location(), change, null, at);
        }
        return new Generated(sku, json);
    }

    private String location() {
        return LOCATIONS.get(random.nextInt(LOCATIONS.size()));
    }

    private int pickSku() {
        int i = Arrays.binarySearch(cumulative, random.nextDouble());
        return Math.min(i >= 0 ? i : -i - 1, cumulative.length - 1);
    }

    private static double[] zipfCumulative(int n, double s) {
        double[] c = new double[n];
        double sum = 0;
        for (int k = 1; k <= n; k++) {
            sum += 1.0 / Math.pow(k, s);
            c[k - 1] = sum;
        }
        for (int k = 0; k < n; k++) {
            c[k] /= sum;
        }
        return c;
    }

    private static String delta(String id, String type, String sku, String location, int change, String order, Instant at) {
        return "{\"event_id\":\"" + id + "\",\"event_type\":\"inventory." + type + "\",\"sku\":\"" + sku
                + "\",\"location_id\":\"" + location + "\",\"quantity_change\":" + change
                + (order == null ? "" : ",\"order_id\":\"" + order + "\"")
                + ",\"timestamp\":\"" + at + "\",\"source\":\"" + SOURCE + "\"}";
    }

    record Generated(String key, String json) {
    }

    private record OpenOrder(String id, String location, int quantity) {
    }
}
