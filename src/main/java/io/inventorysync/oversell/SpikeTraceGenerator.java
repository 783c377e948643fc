package io.inventorysync.oversell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a viral-spike trace for the oversell audit: by default a creator's video drives 5,000 orders in 90
 * minutes (the seed's scenario), rising to a peak about 20 minutes in and tailing off (arrival times follow a
 * gamma(2) curve), concentrated on three hero SKUs (50 %, 25 %, 10 % of orders) with the rest spread over 17
 * others; two thirds of the orders on the Shopify store, one third on Amazon; mostly single units. Starting stock
 * covers each hero SKU only partly (40 %, 60 %, 100 % of its expected demand), so the spike sells out during the
 * trace. Deterministic for a seed.
 *
 * <pre>
 * SpikeTraceGenerator --out examples/oversell-audit [--orders 5000] [--minutes 90] [--seed 42]
 *                     [--start 2026-11-27T18:00:00Z] [--channels shopify-main:2,amazon-main:1]
 * </pre>
 */
public final class SpikeTraceGenerator {

    static final double[] HERO_SHARE = {0.50, 0.25, 0.10};
    static final double[] HERO_STOCK_COVER = {0.40, 0.60, 1.00};
    static final int TAIL_SKUS = 17;

    private SpikeTraceGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path out = null;
        int orders = 5000;
        int minutes = 90;
        long seed = 42;
        Instant start = Instant.parse("2026-11-27T18:00:00Z");
        String channels = "shopify-main:2,amazon-main:1";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[i + 1]);
                case "--orders" -> orders = Integer.parseInt(args[i + 1]);
                case "--minutes" -> minutes = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--start" -> start = Instant.parse(args[i + 1]);
                case "--channels" -> channels = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out <directory> is required");
        }
        Trace trace = generate(orders, Duration.ofMinutes(minutes), start, channelWeights(channels), seed);
        Files.createDirectories(out);
        TraceFiles.writeOrders(out.resolve("orders.csv"), trace.orders());
        TraceFiles.writeStock(out.resolve("stock.csv"), trace.stock());
        System.out.printf("wrote %,d orders (%,d units) and stock for %d SKUs to %s%n", trace.orders().size(),
                trace.orders().stream().mapToLong(Order::quantity).sum(), trace.stock().size(), out);
    }

    /** A generated trace: the orders in time order and the starting stock. */
    public record Trace(List<Order> orders, Map<String, Integer> stock) {
    }

    public static Trace generate(int count, Duration span, Instant start, Map<String, Double> channels, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> skus = new ArrayList<>();
        double[] share = new double[HERO_SHARE.length + TAIL_SKUS];
        double heroTotal = 0;
        for (int i = 0; i < HERO_SHARE.length; i++) {
            skus.add("HERO-%d".formatted(i + 1));
            share[i] = HERO_SHARE[i];
            heroTotal += HERO_SHARE[i];
        }
        for (int i = 0; i < TAIL_SKUS; i++) {
            skus.add("TAIL-%02d".formatted(i + 1));
            share[HERO_SHARE.length + i] = (1 - heroTotal) / TAIL_SKUS;
        }
        double channelTotal = channels.values().stream().mapToDouble(Double::doubleValue).sum();
        double meanUnits = 0.85 * 1 + 0.12 * 2 + 0.03 * 3;
        long spanMillis = span.toMillis();
        double scale = spanMillis / 4.5; // gamma(2, scale): peak at scale (20 min of 90), ~94 % within the span
        List<Order> orders = new ArrayList<>(count);
        while (orders.size() < count) {
            double t = -scale * (Math.log(1 - random.nextDouble()) + Math.log(1 - random.nextDouble()));
            if (t >= spanMillis) {
                continue;
            }
            String sku = skus.get(pick(share, random.nextDouble()));
            String channel = pickChannel(channels, channelTotal, random.nextDouble());
            double q = random.nextDouble();
            int quantity = q < 0.85 ? 1 : q < 0.97 ? 2 : 3;
            orders.add(new Order(start.plusMillis((long) t), channel, sku, quantity));
        }
        orders.sort(Comparator.comparing(Order::at));
        Map<String, Integer> stock = new LinkedHashMap<>();
        for (int i = 0; i < skus.size(); i++) {
            double expectedUnits = count * share[i] * meanUnits;
            double cover = i < HERO_STOCK_COVER.length ? HERO_STOCK_COVER[i] : 0.8;
            stock.put(skus.get(i), (int) Math.round(expectedUnits * cover));
        }
        return new Trace(orders, stock);
    }

    static Map<String, Double> channelWeights(String spec) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String[] kv = part.split(":");
            weights.put(kv[0].trim(), kv.length > 1 ? Double.parseDouble(kv[1]) : 1.0);
        }
        return weights;
    }

    private static int pick(double[] share, double u) {
        double sum = 0;
        for (int i = 0; i < share.length; i++) {
            sum += share[i];
            if (u < sum) {
                return i;
            }
        }
        return share.length - 1;
    }

    private static String pickChannel(Map<String, Double> channels, double total, double u) {
        double sum = 0;
        String last = null;
        for (Map.Entry<String, Double> e : channels.entrySet()) {
            sum += e.getValue() / total;
            last = e.getKey();
            if (u < sum) {
                return last;
            }
        }
        return last;
    }
}
