package io.inventorysync.resilience;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inventorysync.support.TestConnectors;

/**
 * What must hold once a resilience test's stream is through, whatever crashed or failed on the way, checked against
 * the test's own {@link ExpectedLedger}:
 * <ul>
 * <li>every event the source got a 202 for is in the ledger's applied ids, once, with the outcome the event semantics
 * give it (so nothing lost and nothing applied twice);</li>
 * <li>positions and standing holds equal the expected ones;</li>
 * <li>each channel's desired quantity equals the expected sellable quantity, nothing is left unpushed, and each
 * sandbox shows exactly the desired quantity (except listings the platform refuses for good, given as exclusions);</li>
 * <li>the events topic holds every event, and per SKU in the order the source sent them (the premise of the
 * expected ledger).</li>
 * </ul>
 */
final class ConvergenceProof {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ResilienceRig rig;
    private final EventScript script;
    private final ExpectedLedger expected;
    private final Map<String, Set<String>> refusedByChannel;

    /** @param refusedByChannel per channel, SKUs the platform refuses for good (they stay off the sandbox) */
    ConvergenceProof(ResilienceRig rig, EventScript script, Map<String, Set<String>> refusedByChannel) {
        this.rig = rig;
        this.script = script;
        this.expected = script.expected();
        this.refusedByChannel = refusedByChannel;
    }

    ConvergenceProof(ResilienceRig rig, EventScript script) {
        this(rig, script, Map.of());
    }

    /** Cheap enough to poll: everything applied, nothing pending, every sandbox showing what it should. */
    boolean converged() {
        return mismatches().isEmpty();
    }

    /** What the proof found once the state converged: every problem left, and the events topic's redeliveries. */
    record Verdict(List<String> problems, int logRedeliveries) {
    }

    /** Waits (up to 3 minutes) until the state has converged, then checks the events topic as well. */
    Verdict awaitVerdict(String bootstrapServers) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(this::converged);
        List<String> problems = new ArrayList<>(mismatches());
        int logRedeliveries = checkEventLog(bootstrapServers, problems);
        return new Verdict(problems, logRedeliveries);
    }

    /** For an Awaitility wait on {@link #converged}: on timeout, prints what still differs. */
    static org.awaitility.core.ConditionEvaluationListener<Object> reportOnTimeout(ConvergenceProof proof) {
        return new org.awaitility.core.ConditionEvaluationListener<>() {
            @Override
            public void conditionEvaluated(org.awaitility.core.EvaluatedCondition<Object> condition) {
            }

            @Override
            public void onTimeout(org.awaitility.core.TimeoutEvent timeout) {
                System.out.println("RESILIENCE not converged after " + timeout.getElapsedTimeInMS() + " ms: "
                        + proof.mismatches());
            }
        };
    }

    /** Every difference from the expected state, described; empty when all holds. */
    List<String> mismatches() {
        List<String> problems = new ArrayList<>();
        Map<String, String> outcomes = new HashMap<>();
        rig.jdbc.query("SELECT event_id, outcome FROM applied_event",
                rs -> { outcomes.put(rs.getString(1), rs.getString(2)); });
        expected.outcomes().forEach((id, outcome) -> {
            String recorded = outcomes.remove(TestConnectors.SOURCE + "/" + id);
            if (recorded == null) {
                problems.add("event " + id + " not applied");
            } else if (!recorded.equals(outcome)) {
                problems.add("event " + id + " recorded " + recorded + ", expected " + outcome);
            }
        });
        outcomes.keySet().forEach(id -> problems.add("unexpected applied event " + id));

        Map<List<String>, long[]> positions = new HashMap<>();
        rig.jdbc.query("SELECT sku, location_id, on_hand, reserved FROM stock_position", rs -> {
            positions.put(List.of(rs.getString(1), rs.getString(2)), new long[] {rs.getLong(3), rs.getLong(4)});
        });
        expected.positions().forEach((key, p) -> {
            long[] actual = Optional.ofNullable(positions.remove(key)).orElse(new long[] {0, 0});
            if (actual[0] != p.onHand || actual[1] != p.reserved) {
                problems.add("position " + key + " is on_hand=" + actual[0] + " reserved=" + actual[1]
                        + ", expected on_hand=" + p.onHand + " reserved=" + p.reserved);
            }
        });
        positions.forEach((key, actual) -> {
            if (actual[0] != 0 || actual[1] != 0) {
                problems.add("unexpected position " + key);
            }
        });

        Map<List<String>, Long> holds = new TreeMap<>(ConvergenceProof::compareKeys);
        rig.jdbc.query("SELECT sku, location_id, order_id, quantity FROM reservation WHERE quantity > 0", rs -> {
            holds.put(List.of(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getLong(4));
        });
        if (!holds.equals(expected.holds())) {
            problems.add("holds " + holds + ", expected " + expected.holds());
        }

        for (String channel : List.of(ResilienceRig.SHOPIFY, ResilienceRig.AMAZON)) {
            Map<String, int[]> listings = new HashMap<>();
            rig.jdbc.query("SELECT sku, desired_quantity, desired_version, pushed_version FROM channel_listing WHERE channel = ?",
                    rs -> {
                        listings.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3) > rs.getInt(4) ? 1 : 0});
                    }, channel);
            Set<String> refused = refusedByChannel.getOrDefault(channel, Set.of());
            for (String sku : script.skus()) {
                int want = expected.sellable(sku, EventScript.LOCATIONS);
                int[] listing = listings.get(sku);
                if (listing == null) {
                    problems.add(channel + " has no listing for " + sku);
                    continue;
                }
                if (listing[0] != want) {
                    problems.add(channel + " desires " + listing[0] + " of " + sku + ", expected " + want);
                }
                if (listing[1] == 1) {
                    problems.add(channel + " has not pushed " + sku + " yet");
                }
                if (refused.contains(sku)) {
                    continue;
                }
                Optional<Integer> shown = channel.equals(ResilienceRig.SHOPIFY)
                        ? rig.shopify.available(TestConnectors.itemGid(sku), TestConnectors.LOCATION_GID)
                        : rig.amazon.quantity(sku);
                if (!shown.equals(Optional.of(want))) {
                    problems.add(channel + " sandbox shows " + shown.map(String::valueOf).orElse("nothing") + " of " + sku
                            + ", expected " + want);
                }
            }
        }
        return problems;
    }

    /**
     * Reads the whole events topic and checks it holds every produced event, per SKU first copies in the order the
     * source sent them; returns how many records the log holds beyond one per event (the redeliveries).
     */
    int checkEventLog(String bootstrapServers, List<String> problems) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "res-log-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        Map<String, Set<String>> logged = new TreeMap<>();
        int records = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(rig.eventsTopic(), Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    problems.add("could not read the events topic to its end");
                    break;
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    JsonNode event = parse(record.value());
                    logged.computeIfAbsent(event.path("sku").asText(), k -> new LinkedHashSet<>())
                            .add(event.path("event_id").asText());
                }
            }
        }
        Map<String, List<String>> sent = new TreeMap<>();
        Set<String> seen = new java.util.HashSet<>();
        script.batches().forEach(batch -> batch.forEach(e -> {
            if (seen.add(e.id())) {
                sent.computeIfAbsent(e.sku(), k -> new ArrayList<>()).add(e.id());
            }
        }));
        sent.forEach((sku, ids) -> {
            List<String> inLog = new ArrayList<>(logged.getOrDefault(sku, Set.of()));
            if (!inLog.equals(ids)) {
                problems.add("events topic holds " + sku + " as " + inLog + ", the source sent " + ids);
            }
        });
        return records - seen.size();
    }

    static String describe(List<String> problems) {
        return problems.stream().limit(40).collect(Collectors.joining("\n  ", "\n  ", problems.size() > 40
                ? "\n  ... and " + (problems.size() - 40) + " more" : ""));
    }

    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON on the events topic: " + value, e);
        }
    }

    private static int compareKeys(List<String> a, List<String> b) {
        return String.join("\u0000", a).compareTo(String.join("\u0000", b));
    }

    /** For the summary line: counts of what the ledger recorded, by outcome. */
    Map<String, Long> outcomeCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        rig.jdbc.query("SELECT outcome, count(*) FROM applied_event GROUP BY outcome ORDER BY outcome",
                rs -> { counts.put(rs.getString(1), rs.getLong(2)); });
        return counts;
    }
}
