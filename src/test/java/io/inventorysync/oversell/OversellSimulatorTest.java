package io.inventorysync.oversell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The audit's arithmetic on traces small enough to work out by hand (worked in the comments). */
class OversellSimulatorTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static Order order(int second, String channel, String sku, int quantity) {
        return new Order(T0.plusSeconds(second), channel, sku, quantity);
    }

    private static Map<String, Integer> stock(Object... skuQuantity) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < skuQuantity.length; i += 2) {
            m.put((String) skuQuantity[i], (Integer) skuQuantity[i + 1]);
        }
        return m;
    }

    // A=3. t0 shop buys 2 (stock 1; both channels shown 1 at t10). t5 market still shows 3, buys 2: 1 unit oversold
    // (stock -1; shown -1 at t15). t12 market shows 1, buys 1: oversold 1 (stock -2). t20 shop shows -1: refused.
    // t100 market shows -2: refused.
    private static final List<Order> TWO_CHANNEL_TRACE = List.of(order(0, "shop", "A", 2), order(5, "market", "A", 2),
            order(12, "market", "A", 1), order(20, "shop", "A", 1), order(100, "market", "A", 1));

    @Test
    void pipelineChannelsShowEachChangeAfterTheDelayAndSellOnTheStaleValueMeanwhile() {
        AuditResult r = OversellSimulator.run(TWO_CHANNEL_TRACE, stock("A", 3),
                c -> new PipelineSync(Duration.ofSeconds(10), Duration.ZERO));

        assertThat(r.unitsOversold()).isEqualTo(2);
        assertThat(r.unitsSold()).isEqualTo(5);
        assertThat(r.channel("market").unitsOversold()).isEqualTo(2);
        assertThat(r.channel("market").oversoldOrders()).isEqualTo(2);
        assertThat(r.channel("market").rejected()).isEqualTo(1);
        assertThat(r.channel("shop").unitsOversold()).isZero();
        assertThat(r.channel("shop").rejected()).isEqualTo(1);
    }

    // Same trace, cron every 60 s from t30 at 1 call/s. Until t30 each channel only sees its own sales: t0 shop 2
    // (stock 1), t5 market 2 (oversold 1, stock -1), t12 market 1 (oversold 1, stock -2), t20 shop shows 1, buys 1
    // (oversold 1, stock -3). Run at t30 reads -3, sets both channels to -3 at t32; run at t90 changes nothing;
    // t100 market refused. Oversold 3 against the pipeline's 2.
    @Test
    void scheduledSyncLeavesEveryChannelOnItsOwnCountUntilTheRunReachesTheSku() {
        AuditResult r = OversellSimulator.run(TWO_CHANNEL_TRACE, stock("A", 3),
                c -> new CronSync(Duration.ofSeconds(60), Duration.ofSeconds(30), 1.0, Duration.ZERO));

        assertThat(r.unitsOversold()).isEqualTo(3);
        assertThat(r.unitsSold()).isEqualTo(6);
        assertThat(r.channel("shop").unitsOversold()).isEqualTo(1);
        assertThat(r.channel("market").unitsOversold()).isEqualTo(2);
        assertThat(r.channel("market").rejected()).isEqualTo(1);
    }

    // A=1, B=1; c1 sells both at t0. Cron from t10 at 1 call/s walks A then B: on c2, read A at t10 (shows 1, stock 0)
    // so update A (call ends t12, visible t12); read B at t12, update it, visible t14. At t13 c2 refuses A (shows 0)
    // but still sells B (shows 1): 1 unit oversold — the walk had not reached B yet.
    @Test
    void scheduledSyncUpdatesSkusOneCallAtATimeInStockFileOrder() {
        List<Order> trace = List.of(order(0, "c1", "A", 1), order(0, "c1", "B", 1), order(13, "c2", "A", 1),
                order(13, "c2", "B", 1));

        AuditResult r = OversellSimulator.run(trace, stock("A", 1, "B", 1),
                c -> new CronSync(Duration.ofSeconds(60), Duration.ofSeconds(10), 1.0, Duration.ZERO));

        assertThat(r.channel("c2").rejected()).isEqualTo(1);
        assertThat(r.channel("c2").unitsOversold()).isEqualTo(1);
        assertThat(r.unitsOversold()).isEqualTo(1);
    }

    // B=2. shop (push at once) sells 1 at t0: amz flushes at once (first submission), shows 1. shop sells 1 at t10
    // (stock 0): amz's next submission is not before t60. amz still shows 1 at t30 and sells it: oversold 1
    // (stock -1). The t60 submission shows -1, so amz refuses at t70.
    @Test
    void rateLimitedChannelCarriesEveryChangeSinceTheLastSubmissionInTheNextOne() {
        List<Order> trace = List.of(order(0, "shop", "B", 1), order(10, "shop", "B", 1), order(30, "amz", "B", 1),
                order(70, "amz", "B", 1));

        AuditResult r = OversellSimulator.run(trace, stock("B", 2), c -> c.equals("amz")
                ? new PipelineSync(Duration.ZERO, Duration.ofSeconds(60))
                : new PipelineSync(Duration.ZERO, Duration.ZERO));

        assertThat(r.channel("amz").unitsOversold()).isEqualTo(1);
        assertThat(r.channel("amz").rejected()).isEqualTo(1);
        assertThat(r.channel("shop").unitsOversold()).isZero();
        assertThat(r.unitsSold()).isEqualTo(3);
    }

    // An order for more than is left oversells only the missing units: A=2, a 3-unit order oversells 1.
    @Test
    void anOrderLargerThanTheStockOversellsOnlyTheMissingUnits() {
        AuditResult r = OversellSimulator.run(List.of(order(0, "shop", "A", 1), order(1, "market", "A", 3)),
                stock("A", 4), c -> new PipelineSync(Duration.ofSeconds(5), Duration.ZERO));

        assertThat(r.channel("market").unitsOversold()).isZero();
        assertThat(OversellSimulator.run(List.of(order(0, "shop", "A", 2), order(1, "market", "A", 3)),
                stock("A", 4), c -> new PipelineSync(Duration.ofSeconds(5), Duration.ZERO)).unitsOversold()).isEqualTo(1);
    }

    @Test
    void traceFilesReadOrdersWithOffsetsAndRejectABadRowByItsLine() throws Exception {
        List<Order> orders = TraceFiles.readOrders(new StringReader("""
                timestamp,channel,sku,quantity
                2026-11-23T10:00:00Z,shopify-main,A,1
                2026-11-23T11:00:00.250+01:00,amazon-main,B,2
                """), "orders.csv");

        assertThat(orders).containsExactly(new Order(T0, "shopify-main", "A", 1),
                new Order(Instant.parse("2026-11-23T10:00:00.250Z"), "amazon-main", "B", 2));
        assertThatThrownBy(() -> TraceFiles.readOrders(new StringReader("""
                timestamp,channel,sku,quantity
                2026-11-23T10:00:00Z,shopify-main,A,0
                """), "orders.csv")).hasMessageContaining("orders.csv line 2");
        assertThatThrownBy(() -> TraceFiles.readStock(new StringReader("sku,qty\nA,1\n"), "stock.csv"))
                .hasMessageContaining("missing column 'quantity'");
    }

    @Test
    void channelSettingsOverrideTheBuiltInProfileByName() {
        ChannelProfile p = ChannelProfile.defaultFor("amazon-eu").with("flush=30s,processing=2m,cronRate=10,delay=250ms");

        assertThat(ChannelProfile.defaultFor("shopify-main")).isEqualTo(ChannelProfile.SHOPIFY);
        assertThat(p).isEqualTo(new ChannelProfile(Duration.ofMillis(250), Duration.ofSeconds(30), 10.0, Duration.ofMinutes(2)));
        assertThatThrownBy(() -> p.with("speed=1")).hasMessageContaining("unknown channel setting 'speed'");
    }
}
