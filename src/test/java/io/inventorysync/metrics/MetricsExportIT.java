package io.inventorysync.metrics;

import static io.inventorysync.support.Events.array;
import static io.inventorysync.support.Events.delta;
import static io.inventorysync.support.Events.deltaAt;
import static io.inventorysync.support.ShownOnShop.shown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;


import io.inventorysync.InventorySyncApplication;
import io.inventorysync.connectors.shopify.sandbox.ShopifySandbox;
import io.inventorysync.support.AppUnderTest;
import io.inventorysync.support.ReconciliationRuns;
import io.inventorysync.support.TestConnectors;
import io.inventorysync.support.TestStack;
import io.inventorysync.support.WebhookClient;

/**
 * The whole app on real parts (Kafka, PostgreSQL, the Shopify sandbox over HTTP) with a little traffic of every kind
 * the dashboard and the alert rules look at; then {@code /actuator/prometheus} must export every series that the
 * shipped dashboard and rules name, and the new meters must mean what they say.
 */
// Spring Boot tests replace the Prometheus registry with a simple one unless asked for the real exporters
@AutoConfigureObservability
@SpringBootTest(classes = InventorySyncApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "inventory-sync.embedded.enabled=false", "inventory-sync.demo.enabled=false" })
class MetricsExportIT {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String SCHEMA = TestStack.freshSchema("metrics");
    static final String FRESH = "MET-" + RUN + "-FRESH";
    static final String LATE = "MET-" + RUN + "-LATE";
    static final String OVERSOLD = "MET-" + RUN + "-OVERSOLD";
    static final String UNMAPPED = "MET-" + RUN + "-UNMAPPED";
    static final TestConnectors CONNECTORS = TestConnectors.onSharedShopify("0", List.of(FRESH, LATE, OVERSOLD));

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        AppUnderTest.register(registry, SCHEMA, RUN, CONNECTORS.dir());
        registry.add("inventory-sync.dispatch.initial-backoff", () -> "200ms");
        registry.add("inventory-sync.metrics.consumer-lag-interval", () -> "500ms");
        registry.add("inventory-sync.reconciliation.settle", () -> "1s");
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    WebhookClient client;
    ShopifySandbox sandbox;

    @BeforeEach
    void setUp() {
        client = new WebhookClient(port);
        sandbox = TestStack.calmShopify();
    }

    @Test
    void everySeriesTheDashboardAndTheAlertRulesUseIsExportedAndTheNewMetersMeanWhatTheySay() throws Exception {
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
        assertThat(client.postSigned(array(List.of(
                delta("receiving", FRESH, "WH-1", 10, null, 1),
                delta("reserve", FRESH, "WH-1", -2, "ORDER-" + RUN, 2),
                // arrives now but happened two hours ago: the end-to-end latency counts from the event's timestamp
                deltaAt("receiving", LATE, "WH-1", 5, null, twoHoursAgo),
                delta("sale", OVERSOLD, "WH-1", -3, null, 3),
                delta("receiving", UNMAPPED, "WH-1", 1, null, 4)))).statusCode()).isEqualTo(202);
        assertThat(client.post("{}".getBytes(StandardCharsets.UTF_8), "sha256=00").statusCode()).isEqualTo(401);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(shown(sandbox, FRESH)).contains(8);
            assertThat(shown(sandbox, LATE)).contains(5);
            assertThat(shown(sandbox, OVERSOLD)).contains(0);
        });
        String channel = TestConnectors.CHANNEL;
        Map<String, String> levelReads = Map.of("channel", channel, "operation", "inventoryLevels", "outcome", "success");
        Scrape converged = await().atMost(Duration.ofSeconds(30)).until(this::scrape,
                s -> s.value("inventory_kafka_consumer_lag", Map.of("group", "it-ledger-" + RUN)).orElse(-1.0) == 0.0
                        && s.value("inventory_channel_backlog", Map.of("channel", channel)).orElse(-1.0) == 0.0);
        double readsBeforeReconciliation = converged.value("inventory_channel_api_calls_total", levelReads).orElse(0.0);
        reconcile();
        Scrape scrape = scrape();

        Set<String> used = new TreeSet<>(MonitoringExamples.seriesNames(MonitoringExamples.dashboardExpressions()));
        used.addAll(MonitoringExamples.seriesNames(MonitoringExamples.ruleExpressions()));
        assertThat(used).hasSizeGreaterThan(10);
        for (String series : used) {
            assertThat(scrape.family(series)).as("metric family of " + series + " in the scrape").isPresent();
            assertThat(scrape.samples).as(series + " exported").containsKey(series);
        }

        assertThat(scrape.value("inventory_events_received_total",
                Map.of("source", TestConnectors.SOURCE, "type", "inventory.receiving"))).contains(3.0);
        assertThat(scrape.value("inventory_events_processed_total",
                Map.of("source", TestConnectors.SOURCE, "type", "inventory.sale", "outcome", "applied"))).contains(1.0);
        assertThat(scrape.value("inventory_webhook_rejected_total", Map.of("status", "401"))).contains(1.0);
        assertThat(scrape.value("inventory_dead_letters_total", Map.of("stage", "mapping", "reason", "sku-unmapped")))
                .contains(1.0);
        assertThat(scrape.value("inventory_channel_pushes_total", Map.of("channel", channel, "status", "pushed")))
                .hasValueSatisfying(n -> assertThat(n).isGreaterThanOrEqualTo(3));
        assertThat(scrape.value("inventory_channel_api_calls_total",
                Map.of("channel", channel, "operation", "inventorySetQuantities", "outcome", "success")))
                .hasValueSatisfying(n -> assertThat(n).isPositive());
        assertThat(scrape.value("inventory_channel_api_calls_total", levelReads))
                .as("the reconciliation's read-back is counted too")
                .hasValueSatisfying(n -> assertThat(n).isGreaterThan(readsBeforeReconciliation));
        assertThat(scrape.value("inventory_channel_api_throttled_total", Map.of("channel", channel))).contains(0.0);
        assertThat(scrape.value("inventory_negative_positions", Map.of())).contains(1.0);
        assertThat(scrape.value("inventory_negative_salable_quantity_total", Map.of())).contains(1.0);
        assertThat(scrape.value("inventory_reservations_active", Map.of())).contains(1.0);
        assertThat(scrape.value("inventory_reconciliation_discrepancy_rate", Map.of("channel", channel))).contains(0.0);

        // three listings pushed, each with its event time; LATE's is two hours old, the ledger-to-shop part is not
        assertThat(scrape.value("inventory_sync_end_to_end_latency_seconds_count", Map.of("channel", channel)))
                .hasValueSatisfying(n -> assertThat(n).isGreaterThanOrEqualTo(3));
        assertThat(scrape.value("inventory_sync_end_to_end_latency_seconds_max", Map.of("channel", channel)))
                .hasValueSatisfying(s -> assertThat(s).isGreaterThanOrEqualTo(7200));
        assertThat(scrape.value("inventory_sync_end_to_end_latency_seconds_bucket", Map.of("channel", channel, "le", "3600.0")))
                .as("LATE is above the 1 h bucket, the fresh ones below it")
                .hasValueSatisfying(n -> assertThat(n).isLessThan(
                        scrape.value("inventory_sync_end_to_end_latency_seconds_count", Map.of("channel", channel)).orElseThrow()));
        assertThat(scrape.value("inventory_sync_latency_seconds_max", Map.of("channel", channel)))
                .hasValueSatisfying(s -> assertThat(s).isLessThan(600));
    }

    private void reconcile() {
        ReconciliationRuns runs = new ReconciliationRuns(client, TestConnectors.CHANNEL);
        assertThat(runs.awaitFinished(runs.start()).path("status").asText()).isEqualTo("done");
    }

    private Scrape scrape() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return Scrape.parse(response.body());
    }

    /** The Prometheus text exposition: metric families ({@code # TYPE}) and samples by series name. */
    record Scrape(Map<String, String> types, Map<String, List<Map.Entry<Map<String, String>, Double>>> samples) {

        static Scrape parse(String text) {
            Map<String, String> types = new HashMap<>();
            Map<String, List<Map.Entry<Map<String, String>, Double>>> samples = new HashMap<>();
            for (String line : text.split("\n")) {
                if (line.startsWith("# TYPE ")) {
                    String[] parts = line.split(" ");
                    types.put(parts[2], parts[3]);
                } else if (!line.isBlank() && !line.startsWith("#")) {
                    int brace = line.indexOf('{');
                    int space = line.lastIndexOf(' ');
                    String name = brace > 0 ? line.substring(0, brace) : line.substring(0, line.indexOf(' '));
                    Map<String, String> labels = new HashMap<>();
                    if (brace > 0) {
                        String body = line.substring(brace + 1, line.lastIndexOf('}'));
                        for (String pair : body.split(",(?=[a-zA-Z_]+=\")")) {
                            int eq = pair.indexOf('=');
                            if (eq > 0) {
                                labels.put(pair.substring(0, eq), pair.substring(eq + 2, pair.length() - 1));
                            }
                        }
                    }
                    samples.computeIfAbsent(name, n -> new ArrayList<>())
                            .add(Map.entry(labels, Double.parseDouble(line.substring(space + 1))));
                }
            }
            return new Scrape(types, samples);
        }

        /**
         * The family a PromQL series name belongs to: itself (a gauge, or a counter the format names with
         * {@code _total}), or the name without {@code _bucket}/{@code _count}/{@code _sum} (a histogram or summary)
         * or without {@code _total} (a counter, as OpenMetrics names it).
         */
        Optional<String> family(String series) {
            if (types.containsKey(series)) {
                return Optional.of(series);
            }
            for (String suffix : List.of("_bucket", "_count", "_sum")) {
                String base = stripped(series, suffix);
                if (base != null && Set.of("histogram", "summary").contains(types.get(base))) {
                    return Optional.of(base);
                }
            }
            String base = stripped(series, "_total");
            return base != null && "counter".equals(types.get(base)) ? Optional.of(base) : Optional.empty();
        }

        private static String stripped(String name, String suffix) {
            return name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : null;
        }

        /** The sum of the series' samples whose labels include {@code labels}, if there is any. */
        Optional<Double> value(String series, Map<String, String> labels) {
            List<Double> matching = samples.getOrDefault(series, List.of()).stream()
                    .filter(s -> s.getKey().entrySet().containsAll(labels.entrySet())).map(Map.Entry::getValue).toList();
            return matching.isEmpty() ? Optional.empty() : Optional.of(matching.stream().mapToDouble(Double::doubleValue).sum());
        }
    }
}
