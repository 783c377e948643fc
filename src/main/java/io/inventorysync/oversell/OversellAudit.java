package io.inventorysync.oversell;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Benchmark 4, a tool for your own traces: how many units an order trace oversells when channels follow the stock
 * through this pack, and through a 15-minute scheduled sync that copies counts one SKU per call under the same
 * rate limits. See docs/benchmarks.md for the CSV formats and the model.
 *
 * <pre>
 * OversellAudit --orders orders.csv --stock stock.csv [--cron-interval 15m] [--cron-first 15m]
 *               [--channel amazon-main:flush=60s,processing=5m,cronRate=5] [--channel shopify-main:delay=80ms]
 * </pre>
 */
public final class OversellAudit {

    private OversellAudit() {
    }

    public static void main(String[] args) {
        try {
            System.out.print(run(args));
        } catch (IllegalArgumentException e) {
            System.err.println("oversell audit: " + e.getMessage());
            System.err.println("usage: --orders orders.csv --stock stock.csv [--cron-interval 15m] [--cron-first 15m]"
                    + " [--channel name:delay=50ms,flush=0s,cronRate=2,processing=0s]...");
            System.exit(2);
        }
    }

    static String run(String[] args) {
        Path orders = null;
        Path stock = null;
        Duration cronInterval = Duration.ofMinutes(15);
        Duration cronFirst = null;
        Map<String, String> channelSettings = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--orders" -> orders = Path.of(value);
                case "--stock" -> stock = Path.of(value);
                case "--cron-interval" -> cronInterval = ChannelProfile.parseDuration(value);
                case "--cron-first" -> cronFirst = ChannelProfile.parseDuration(value);
                case "--channel" -> {
                    int colon = value.indexOf(':');
                    if (colon < 1) {
                        throw new IllegalArgumentException("--channel name:key=value,... expected, got " + value);
                    }
                    channelSettings.put(value.substring(0, colon), value.substring(colon + 1));
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        if (orders == null || stock == null) {
            throw new IllegalArgumentException("--orders and --stock are required");
        }
        List<Order> trace = TraceFiles.readOrders(orders);
        Map<String, Integer> start = TraceFiles.readStock(stock);
        Set<String> channels = new LinkedHashSet<>();
        trace.forEach(o -> channels.add(o.channel()));
        Map<String, ChannelProfile> profiles = new HashMap<>();
        for (String channel : channels) {
            profiles.put(channel, ChannelProfile.defaultFor(channel).with(channelSettings.getOrDefault(channel, "")));
        }
        Duration interval = cronInterval;
        Duration first = cronFirst == null ? cronInterval : cronFirst;
        AuditResult pipeline = OversellSimulator.run(trace, start, c -> profiles.get(c).pipeline());
        AuditResult cron = OversellSimulator.run(trace, start, c -> profiles.get(c).cron(interval, first));
        return report(trace, start, channels, profiles, interval, first, pipeline, cron);
    }

    private static String report(List<Order> trace, Map<String, Integer> start, Set<String> channels,
            Map<String, ChannelProfile> profiles, Duration interval, Duration first, AuditResult pipeline, AuditResult cron) {
        StringBuilder s = new StringBuilder();
        long units = trace.stream().mapToLong(Order::quantity).sum();
        long stockUnits = start.values().stream().mapToLong(Integer::longValue).sum();
        s.append("trace: %,d orders, %,d units, %,d SKUs with %,d units of starting stock, %s to %s%n".formatted(
                trace.size(), units, start.size(), stockUnits,
                trace.stream().map(Order::at).min(java.util.Comparator.naturalOrder()).orElse(null),
                trace.stream().map(Order::at).max(java.util.Comparator.naturalOrder()).orElse(null)));
        for (String channel : channels) {
            s.append("  %-16s %s%n".formatted(channel, profiles.get(channel)));
        }
        s.append("  cron: every %s, first run %s after the trace starts; reads stock once per run, then one SKU per call%n"
                .formatted(interval, first));
        s.append("%n%-16s %8s | %-32s | %-32s%n".formatted("channel", "orders", "(a) this pipeline", "(b) scheduled sync"));
        s.append("%-16s %8s | %10s %10s %10s | %10s %10s %10s%n".formatted("", "", "refused", "units sold", "OVERSOLD",
                "refused", "units sold", "OVERSOLD"));
        for (String channel : channels) {
            AuditResult.ChannelTally a = pipeline.channel(channel);
            AuditResult.ChannelTally b = cron.channel(channel);
            s.append("%-16s %,8d | %,10d %,10d %,10d | %,10d %,10d %,10d%n".formatted(channel, a.orders(), a.rejected(),
                    a.unitsSold(), a.unitsOversold(), b.rejected(), b.unitsSold(), b.unitsOversold()));
        }
        s.append("%-16s %,8d | %,10d %,10d %,10d | %,10d %,10d %,10d%n".formatted("total", trace.size(),
                pipeline.rejected(), pipeline.unitsSold(), pipeline.unitsOversold(), cron.rejected(), cron.unitsSold(),
                cron.unitsOversold()));
        s.append("%nunits oversold: pipeline %,d, scheduled sync %,d; ratio scheduled / pipeline = %s%n".formatted(
                pipeline.unitsOversold(), cron.unitsOversold(), ratio(cron.unitsOversold(), pipeline.unitsOversold())));
        return s.toString();
    }

    static String ratio(long numerator, long denominator) {
        if (denominator == 0) {
            return numerator == 0 ? "1 (both 0)" : "infinite (pipeline 0)";
        }
        return "%.1f".formatted((double) numerator / denominator);
    }
}
