package io.inventorysync.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The shipped Prometheus rules and Grafana dashboard are well-formed and alert at the agreed thresholds. */
class MonitoringExamplesTest {

    static final Set<String> RULE_KEYS = Set.of("alert", "expr", "for", "keep_firing_for", "labels", "annotations");
    static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");

    @Test
    void rulesFileHasPrometheusRuleGroupStructure() {
        JsonNode root = MonitoringExamples.rules();
        assertThat(fieldNames(root)).containsExactly("groups");
        JsonNode groups = root.path("groups");
        assertThat(groups.isArray() && !groups.isEmpty()).isTrue();
        Set<String> groupNames = new HashSet<>();
        Set<String> alerts = new HashSet<>();
        for (JsonNode group : groups) {
            assertThat(group.path("name").asText()).isNotBlank();
            assertThat(groupNames.add(group.path("name").asText())).as("group names are unique").isTrue();
            assertThat(group.path("rules").isArray() && !group.path("rules").isEmpty()).as(group.toString()).isTrue();
            for (JsonNode rule : group.path("rules")) {
                String alert = rule.path("alert").asText();
                assertThat(RULE_KEYS).as(alert).containsAll(fieldNames(rule));
                assertThat(alert).matches("[A-Z][A-Za-z0-9]+");
                assertThat(alerts.add(alert)).as("alert names are unique: " + alert).isTrue();
                assertThat(rule.path("expr").isTextual()).as(alert).isTrue();
                assertBalanced(alert, rule.path("expr").asText());
                assertThat(rule.path("for").asText()).as(alert).matches("(\\d+(ms|s|m|h|d|w|y))+");
                assertThat(rule.path("labels").path("severity").asText()).as(alert).isIn(SEVERITIES);
                assertThat(rule.path("annotations").path("summary").asText()).as(alert).isNotBlank();
                assertThat(rule.path("annotations").path("description").asText()).as(alert).isNotBlank();
                assertThat(MonitoringExamples.seriesNames(List.of(rule.path("expr").asText()))).as(alert).isNotEmpty();
            }
        }
    }

    @Test
    void rulesAlertAtTheSeedThresholds() {
        Map<String, JsonNode> rules = rulesByAlert();
        assertThat(expr(rules, "InventorySyncFailureRateHigh"))
                .contains("inventory_channel_pushes_total{status!=\"pushed\"}").contains("> 0.02");
        assertThat(expr(rules, "InventoryDiscrepancyRateHigh"))
                .contains("inventory_reconciliation_discrepancy_rate").contains("> 0.005");
        JsonNode negative = rules.get("InventoryNegativeSalableQuantity");
        assertThat(negative.path("expr").asText()).contains("inventory_negative_positions) > 0");
        assertThat(negative.path("labels").path("severity").asText()).isEqualTo("critical");
        assertThat(negative.path("for").asText()).isEqualTo("0m");
        JsonNode backlog = rules.get("InventoryChannelBacklogGrowing");
        assertThat(backlog.path("expr").asText()).contains("deriv(inventory_channel_backlog[15m])) > 0")
                .contains("inventory_channel_backlog) > 0");
        assertThat(backlog.path("for").asText()).isEqualTo("15m");
        assertThat(expr(rules, "InventoryLedgerConsumerLagGrowing")).contains("deriv(inventory_kafka_consumer_lag[15m])");
    }

    @Test
    void dashboardIsAnImportableGrafanaDashboardWithAChannelVariable() {
        JsonNode dashboard = MonitoringExamples.dashboard();
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        assertThat(dashboard.path("title").asText()).isNotBlank();
        assertThat(dashboard.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
        assertThat(dashboard.has("id")).as("an exported dashboard carries no database id").isFalse();

        List<JsonNode> variables = list(dashboard.path("templating").path("list"));
        assertThat(variables).anySatisfy(v -> {
            assertThat(v.path("name").asText()).isEqualTo("datasource");
            assertThat(v.path("type").asText()).isEqualTo("datasource");
            assertThat(v.path("query").asText()).isEqualTo("prometheus");
        });
        assertThat(variables).anySatisfy(v -> {
            assertThat(v.path("name").asText()).isEqualTo("channel");
            assertThat(v.path("type").asText()).isEqualTo("query");
            assertThat(v.path("multi").asBoolean()).isTrue();
            assertThat(v.path("includeAll").asBoolean()).isTrue();
        });

        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(ids.add(panel.path("id").asInt())).as("panel ids are unique").isTrue();
            for (String g : List.of("h", "w", "x", "y")) {
                assertThat(panel.path("gridPos").path(g).isInt()).as(panel.path("title") + " gridPos." + g).isTrue();
            }
            if ("row".equals(panel.path("type").asText())) {
                continue;
            }
            assertThat(panel.path("type").asText()).isIn("timeseries", "stat", "state-timeline");
            assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
            assertThat(panel.path("targets").isEmpty()).as(panel.path("title").asText()).isFalse();
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText();
                assertBalanced(panel.path("title").asText(), expr);
                if (expr.matches(".*inventory_(channel|sync|reconciliation)_.*")) {
                    assertThat(expr).as("per-channel panels follow the channel variable").contains("channel=~\"$channel\"");
                }
            }
        }
    }

    @Test
    void dashboardShowsEveryAgreedView() {
        String all = String.join("\n", MonitoringExamples.dashboardExpressions());
        assertThat(all)
                .contains("inventory_channel_oldest_pending_seconds")
                .contains("inventory_channel_backlog")
                .contains("rate(inventory_channel_pushes_total")
                .contains("status!=\"pushed\"")
                .contains("histogram_quantile(0.5, sum by (channel, le) (rate(inventory_sync_end_to_end_latency_seconds_bucket")
                .contains("histogram_quantile(0.95, sum by (channel, le) (rate(inventory_sync_end_to_end_latency_seconds_bucket")
                .contains("histogram_quantile(0.99, sum by (channel, le) (rate(inventory_sync_end_to_end_latency_seconds_bucket")
                .contains("inventory_channel_api_calls_total")
                .contains("inventory_channel_api_throttled_total")
                .contains("inventory_kafka_consumer_lag")
                .contains("sum by (stage, reason) (increase(inventory_dead_letters_total")
                .contains("inventory_reconciliation_discrepancy_rate")
                .contains("inventory_negative_positions")
                .contains("inventory_reservations_active");
    }

    private static Map<String, JsonNode> rulesByAlert() {
        Map<String, JsonNode> byAlert = new java.util.HashMap<>();
        MonitoringExamples.rules().path("groups").forEach(g -> g.path("rules").forEach(r -> byAlert.put(r.path("alert").asText(), r)));
        return byAlert;
    }

    private static String expr(Map<String, JsonNode> rules, String alert) {
        assertThat(rules).containsKey(alert);
        return rules.get(alert).path("expr").asText();
    }

    /** A cheap syntax check: (), [] and {} nest properly outside string literals. */
    private static void assertBalanced(String what, String expr) {
        assertThat(expr).as(what).isNotBlank();
        StringBuilder open = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (c == '"' && (i == 0 || expr.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && "([{".indexOf(c) >= 0) {
                open.append(c);
            } else if (!quoted && ")]}".indexOf(c) >= 0) {
                assertThat(open.length()).as(what + ": unmatched " + c + " in " + expr).isPositive();
                char expected = "([{".charAt(")]}".indexOf(c));
                assertThat(open.charAt(open.length() - 1)).as(what + ": " + expr).isEqualTo(expected);
                open.setLength(open.length() - 1);
            }
        }
        assertThat(quoted).as(what + ": unterminated string in " + expr).isFalse();
        assertThat(open.toString()).as(what + ": unclosed in " + expr).isEmpty();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
