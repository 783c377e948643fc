package io.inventorysync.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The shipped Grafana dashboard and Prometheus rules ({@code examples/monitoring/}), and the PromQL they contain. */
final class MonitoringExamples {

    static final Path DIR = Path.of("examples", "monitoring");
    static final Path DASHBOARD = DIR.resolve("grafana-dashboard.json");
    static final Path RULES = DIR.resolve("prometheus-rules.yaml");

    /** A series name of ours in PromQL (label names never start with inventory_). */
    private static final Pattern SERIES = Pattern.compile("\\b(inventory_[a-z0-9_]+)\\b(?!\\s*\\()");

    private MonitoringExamples() {
    }

    static JsonNode dashboard() {
        return read(DASHBOARD, new ObjectMapper());
    }

    static JsonNode rules() {
        return read(RULES, new ObjectMapper(new YAMLFactory()));
    }

    private static JsonNode read(Path file, ObjectMapper mapper) {
        try {
            return mapper.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every PromQL expression of the dashboard: panel targets and query variables. */
    static List<String> dashboardExpressions() {
        JsonNode dashboard = dashboard();
        List<String> expressions = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(t -> expressions.add(t.path("expr").asText())));
        dashboard.path("templating").path("list").forEach(variable -> {
            if ("query".equals(variable.path("type").asText())) {
                JsonNode query = variable.path("query");
                expressions.add(query.isObject() ? query.path("query").asText() : query.asText());
            }
        });
        return expressions;
    }

    static List<String> ruleExpressions() {
        List<String> expressions = new ArrayList<>();
        rules().path("groups").forEach(g -> g.path("rules").forEach(r -> expressions.add(r.path("expr").asText())));
        return expressions;
    }

    /** The series names (as PromQL spells them, with _total, _bucket, ... suffixes) used in the expressions. */
    static Set<String> seriesNames(List<String> expressions) {
        Set<String> names = new TreeSet<>();
        for (String expression : expressions) {
            Matcher m = SERIES.matcher(expression);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
