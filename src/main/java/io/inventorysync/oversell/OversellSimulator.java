package io.inventorysync.oversell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;

/**
 * Replays an order trace against one shared stock pool per SKU and what each channel shows. A customer on a
 * channel can buy only if the channel shows at least the quantity ordered; a bought order takes the units from
 * the true stock (which may go negative: those units are oversold) and from the channel's own shown count at
 * once (a shop decrements its own count on checkout). Other channels — and the selling one's later corrections —
 * learn of it only through the {@link SyncPolicy}.
 * <p>
 * Discrete-event and deterministic: actions at the same millisecond run in the order they were scheduled, and
 * orders are scheduled first, so an order at the same instant as an update still sees the old value.
 */
public final class OversellSimulator {

    private OversellSimulator() {
    }

    /**
     * @param orders   the trace, in any order (sorted by time here, stable for equal times)
     * @param stock    starting stock per SKU, in the order the sync walks them; channels start showing these values
     * @param policies how each channel learns of changes, by channel name (every channel in the trace needs one)
     */
    public static AuditResult run(List<Order> orders, Map<String, Integer> stock, Function<String, SyncPolicy> policies) {
        List<Order> sorted = new ArrayList<>(orders);
        sorted.sort(Comparator.comparing(Order::at));
        Engine engine = new Engine(sorted, stock);
        Set<String> channels = new LinkedHashSet<>();
        sorted.forEach(o -> channels.add(o.channel()));
        Map<String, SyncPolicy> byChannel = new LinkedHashMap<>();
        for (String channel : channels) {
            SyncPolicy policy = policies.apply(channel);
            if (policy == null) {
                throw new IllegalArgumentException("no sync policy for channel " + channel);
            }
            byChannel.put(channel, policy);
        }
        engine.policies = byChannel;
        for (Order order : sorted) {
            engine.at(order.at().toEpochMilli(), () -> engine.sell(order));
        }
        byChannel.forEach((channel, policy) -> policy.start(engine, channel));
        engine.drain();
        return new AuditResult(engine.results);
    }

    private static final class Engine implements SyncPolicy.Simulation {
        private final PriorityQueue<Scheduled> queue = new PriorityQueue<>(
                Comparator.comparingLong(Scheduled::at).thenComparingLong(Scheduled::seq));
        private final Map<String, Integer> stock = new HashMap<>();
        private final Map<String, Integer> starting;
        private final List<String> skus = new ArrayList<>();
        private final Map<String, Map<String, Integer>> shown = new HashMap<>();
        private final Map<String, AuditResult.ChannelTally> results = new LinkedHashMap<>();
        private final long start;
        private final long end;
        private Map<String, SyncPolicy> policies;
        private long now;
        private long seq;

        Engine(List<Order> sorted, Map<String, Integer> startingStock) {
            this.starting = startingStock;
            stock.putAll(startingStock);
            skus.addAll(startingStock.keySet());
            for (Order o : sorted) {
                if (!stock.containsKey(o.sku())) {
                    stock.put(o.sku(), 0);
                    skus.add(o.sku());
                }
                results.computeIfAbsent(o.channel(), c -> new AuditResult.ChannelTally());
            }
            this.start = sorted.isEmpty() ? 0 : sorted.get(0).at().toEpochMilli();
            this.end = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1).at().toEpochMilli();
            this.now = start;
        }

        void sell(Order order) {
            AuditResult.ChannelTally tally = results.get(order.channel());
            tally.orders++;
            tally.unitsOrdered += order.quantity();
            int onChannel = shown(order.channel(), order.sku());
            int real = stock.get(order.sku());
            if (onChannel < order.quantity()) {
                tally.rejected++;
                return;
            }
            tally.accepted++;
            tally.unitsSold += order.quantity();
            tally.unitsOversold += order.quantity() - Math.max(0, Math.min(real, order.quantity()));
            if (real < order.quantity()) {
                tally.oversoldOrders++;
            }
            stock.put(order.sku(), real - order.quantity());
            shown.computeIfAbsent(order.channel(), c -> new HashMap<>()).put(order.sku(), onChannel - order.quantity());
            policies.forEach((channel, policy) -> policy.stockChanged(this, channel, order.sku()));
        }

        void drain() {
            Scheduled next;
            while ((next = queue.poll()) != null) {
                now = next.at();
                next.action().run();
            }
        }

        @Override
        public long nowMillis() {
            return now;
        }

        @Override
        public int stock(String sku) {
            return stock.getOrDefault(sku, 0);
        }

        @Override
        public List<String> skus() {
            return skus;
        }

        @Override
        public int shown(String channel, String sku) {
            Map<String, Integer> perSku = shown.get(channel);
            Integer value = perSku == null ? null : perSku.get(sku);
            return value != null ? value : starting.getOrDefault(sku, 0);
        }

        @Override
        public void at(long atMillis, Runnable action) {
            queue.add(new Scheduled(Math.max(atMillis, now), seq++, action));
        }

        @Override
        public void show(String channel, String sku, int quantity) {
            shown.computeIfAbsent(channel, c -> new HashMap<>()).put(sku, quantity);
        }

        @Override
        public long endMillis() {
            return end;
        }
    }

    private record Scheduled(long at, long seq, Runnable action) {
    }
}
