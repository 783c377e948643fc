package io.inventorysync.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.inventorysync.event.EventValidator;
import io.inventorysync.fuzz.FuzzHttp.Answer;
import io.inventorysync.fuzz.WebhookGarbage.Case;
import io.inventorysync.ingest.WebhookHeaders;
import io.inventorysync.ingest.WebhookSigner;

/**
 * Bad input on the webhook of the whole running pack (real Kafka and PostgreSQL): thousands of broken, mistyped,
 * oversized, deeply nested, unsigned, wrongly signed, stale or mis-typed requests, with valid signed traffic
 * interleaved. Every bad request gets a 4xx with a reason, nothing gets a 5xx or hangs, the pack stays healthy, and
 * every valid event is applied exactly once.
 */
class WebhookFuzzIT extends FuzzApp {

    static final int INPUTS = Integer.getInteger("fuzz.webhook.inputs", 3000);
    /** One valid request after this many bad ones on average. */
    static final int GARBAGE_PER_VALID = 15;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    final ObjectMapper json = new ObjectMapper();
    final ObjectMapper strictJson = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    final EventValidator validator = new EventValidator();

    @Test
    void everyBadRequestGetsA4xxWithAReasonAndValidTrafficInterleavedIsAppliedExactlyOnce() throws Exception {
        Random random = FuzzSeed.random("webhook");
        FuzzHttp http = new FuzzHttp(port);
        WebhookGarbage garbage = new WebhookGarbage(random, ERP_SECRET, STRICT_SECRET);
        WebhookSigner erp = new WebhookSigner(ERP_SECRET);
        WebhookSigner strict = new WebhookSigner(STRICT_SECRET);

        Map<Integer, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> byKind = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int stillValidMutants = 0;
        Map<String, Long> expectedOnHand = new HashMap<>();
        List<String> validIds = new ArrayList<>();
        int validSent = 0;
        int validAccepted = 0;
        int resent = 0;

        for (int i = 0; i < INPUTS; i++) {
            Case input = garbage.next();
            Answer answer = http.send(input.method(), WebhookGarbage.PATH, input.headers(), input.body(), input.chunked());
            byKind.merge(input.kind(), 1, Integer::sum);
            byStatus.merge(answer.status(), 1, Integer::sum);
            if (answer.status() == 202 && input.allowed().contains(202)) {
                // a mutation that is still an event: the pack may take it, as long as it really is one
                if (isValidEvent(input.body())) {
                    stillValidMutants++;
                } else {
                    failures.add(input.kind() + ": took a body that is not a valid event: " + preview(input.body()));
                }
            } else if (!input.allowed().contains(answer.status()) || !answer.hasReason()) {
                failures.add(input.kind() + " " + input.method() + " " + input.headers().keySet() + " body "
                        + preview(input.body()) + " -> " + (answer.failure() != null ? answer.failure()
                        : answer.status() + " " + answer.shortBody()) + " (expected " + input.allowed() + " with a reason)");
            }

            if (random.nextInt(GARBAGE_PER_VALID) == 0) {
                int n = validSent++;
                String sku = SKUS.get(random.nextInt(SKUS.size()));
                int quantity = 1 + random.nextInt(9);
                String id = "fz-valid-" + RUN + "-" + n;
                int route = random.nextInt(3);
                String source = route == 2 ? STRICT : ERP;
                byte[] body = ("{\"event_id\":\"" + id + "\",\"event_type\":\"inventory.receiving\",\"sku\":\"" + sku
                        + "\",\"location_id\":\"" + WAREHOUSE + "\",\"quantity_change\":" + quantity + ",\"timestamp\":\""
                        + Instant.now() + "\"}").getBytes(StandardCharsets.UTF_8);
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("Content-Type", "application/json");
                headers.put(WebhookHeaders.SOURCE, source);
                if (route == 0) {
                    headers.put(WebhookHeaders.SIGNATURE, erp.signatureHeader(body));
                } else {
                    long now = Instant.now().getEpochSecond();
                    headers.put(WebhookHeaders.TIMESTAMP, Long.toString(now));
                    headers.put(WebhookHeaders.SIGNATURE, (route == 1 ? erp : strict).signatureHeader(now, body));
                }
                int copies = random.nextInt(4) == 0 ? 2 : 1; // a replay of the very same request, within the window
                for (int c = 0; c < copies; c++) {
                    Answer accepted = http.send("POST", WebhookGarbage.PATH, headers, body, false);
                    if (accepted.status() == 202) {
                        validAccepted++;
                    } else {
                        failures.add("valid request " + id + " -> " + accepted.status() + " " + accepted.shortBody()
                                + (accepted.failure() == null ? "" : accepted.failure()));
                    }
                }
                resent += copies - 1;
                validIds.add(source + "/" + id);
                expectedOnHand.merge(sku, (long) quantity, Long::sum);
            }
        }

        int sent = INPUTS;
        int fiveXx = byStatus.entrySet().stream().filter(e -> e.getKey() >= 500 || e.getKey() < 0)
                .mapToInt(Map.Entry::getValue).sum();
        int fourXx = byStatus.entrySet().stream().filter(e -> e.getKey() >= 400 && e.getKey() < 500)
                .mapToInt(Map.Entry::getValue).sum();
        assertThat(failures).as("bad requests not answered with a 4xx and a reason (seed " + FuzzSeed.value() + ")")
                .isEmpty();

        await().atMost(patience()).untilAsserted(() -> assertThat(appliedCount(validIds)).isEqualTo(validIds.size()));
        for (Map.Entry<String, Long> position : expectedOnHand.entrySet()) {
            assertThat(onHand(position.getKey(), WAREHOUSE)).as(position.getKey()).isEqualTo(position.getValue());
        }
        Answer health = http.send("GET", "/actuator/health", Map.of(), null, false);
        assertThat(health.status()).isEqualTo(200);
        assertThat(json.readTree(health.body()).path("status").asText()).isEqualTo("UP");

        Map<Integer, Integer> fourXxByStatus = new TreeMap<>(byStatus);
        fourXxByStatus.keySet().removeIf(s -> s < 400 || s >= 500);
        System.out.println("webhook fuzz seed=" + FuzzSeed.value() + ": " + sent + " inputs " + byKind + ", " + fourXx
                + " x 4xx " + fourXxByStatus + ", " + stillValidMutants + " mutations still valid (202), " + fiveXx
                + " x 5xx or no answer; valid " + validAccepted + "/" + (validSent + resent) + " accepted ("
                + resent + " replayed within the window), " + validIds.size() + "/" + validIds.size()
                + " applied once, positions of " + expectedOnHand.size() + " SKUs exact; health UP");
    }

    @Test
    void replayOutsideTheWindowIs401AndInsideTheWindowIsAppliedOnce() throws Exception {
        FuzzHttp http = new FuzzHttp(port);
        WebhookSigner strict = new WebhookSigner(STRICT_SECRET);
        String sku = SKUS.get(0);
        String location = "FZ-REPLAY";
        long before = onHand(sku, location);
        String id = "fz-replay-" + RUN;
        byte[] body = ("{\"event_id\":\"" + id + "\",\"event_type\":\"inventory.receiving\",\"sku\":\"" + sku
                + "\",\"location_id\":\"" + location + "\",\"quantity_change\":7,\"timestamp\":\"" + Instant.now() + "\"}")
                .getBytes(StandardCharsets.UTF_8);

        long now = Instant.now().getEpochSecond();
        Map<String, String> fresh = headers(STRICT, Long.toString(now), strict.signatureHeader(now, body));
        List<Integer> inside = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            inside.add(http.send("POST", WebhookGarbage.PATH, fresh, body, false).status());
        }
        long old = now - 6 * 60;
        Answer captured = http.send("POST", WebhookGarbage.PATH,
                headers(STRICT, Long.toString(old), strict.signatureHeader(old, body)), body, false);
        long future = now + 6 * 60;
        Answer early = http.send("POST", WebhookGarbage.PATH,
                headers(STRICT, Long.toString(future), strict.signatureHeader(future, body)), body, false);
        Answer stripped = http.send("POST", WebhookGarbage.PATH, headers(STRICT, null, strict.signatureHeader(body)), body, false);

        assertThat(inside).containsOnly(202);
        assertThat(captured.status()).isEqualTo(401);
        assertThat(json.readTree(captured.body()).path("error").asText()).isEqualTo("timestamp-outside-window");
        assertThat(early.status()).isEqualTo(401);
        assertThat(stripped.status()).isEqualTo(401);
        assertThat(json.readTree(stripped.body()).path("error").asText()).isEqualTo("timestamp-required");
        await().atMost(patience()).untilAsserted(() -> assertThat(appliedCount(List.of(STRICT + "/" + id))).isEqualTo(1));
        await().atMost(patience()).untilAsserted(() -> assertThat(onHand(sku, location)).isEqualTo(before + 7));
        System.out.println("webhook replay window seed=" + FuzzSeed.value() + ": same signed request 3 x within the window "
                + inside + ", applied once (+7); 6 min old -> " + captured.status() + ", 6 min ahead -> " + early.status()
                + ", timestamp stripped -> " + stripped.status());
    }

    private Map<String, String> headers(String source, String timestamp, String signature) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put(WebhookHeaders.SOURCE, source);
        if (timestamp != null) {
            headers.put(WebhookHeaders.TIMESTAMP, timestamp);
        }
        headers.put(WebhookHeaders.SIGNATURE, signature);
        return headers;
    }

    private boolean isValidEvent(byte[] body) {
        try {
            JsonNode tree = strictJson.readTree(body);
            List<JsonNode> events = new ArrayList<>();
            if (tree.isArray()) {
                tree.forEach(events::add);
            } else {
                events.add(tree);
            }
            // the edge fills in the authenticated source of an event that names none
            events.stream().filter(e -> e.isObject() && !e.has("source"))
                    .forEach(e -> ((com.fasterxml.jackson.databind.node.ObjectNode) e).put("source", ERP));
            return !events.isEmpty() && events.stream().allMatch(e -> validator.validate(e).isEmpty());
        } catch (Exception e) {
            return false;
        }
    }

    private long appliedCount(List<String> ids) {
        Long count = 0L;
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            count += jdbc.queryForObject("SELECT count(*) FROM applied_event WHERE event_id = ANY (?)", Long.class,
                    (Object) chunk.toArray(String[]::new));
        }
        return count;
    }

    private long onHand(String sku, String location) {
        return jdbc.query("SELECT on_hand FROM stock_position WHERE sku = ? AND location_id = ?", (rs, i) -> rs.getLong(1),
                sku, location).stream().findFirst().orElse(0L);
    }

    private static String preview(byte[] body) {
        if (body == null) {
            return "(none)";
        }
        String text = new String(body, 0, Math.min(body.length, 160), StandardCharsets.ISO_8859_1);
        return "[" + body.length + " bytes] " + text.replaceAll("\\p{Cntrl}", "?");
    }
}
