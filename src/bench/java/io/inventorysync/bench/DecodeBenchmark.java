package io.inventorysync.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inventorysync.event.EventCodec;
import io.inventorysync.event.EventValidator;
import io.inventorysync.ledger.SchemaEventDecoder;

/**
 * Where the ledger's decode phase spends its time, per event, single-threaded and without Kafka or PostgreSQL:
 * JSON parse, schema validation, binding, and the whole {@link SchemaEventDecoder} (fast path and schema path). CPU figures, so they hold
 * better than wall-clock ones on a shared machine. Run:
 * {@code mvn -o -q -Pbench test-compile exec:java -Dbench.main=io.inventorysync.bench.DecodeBenchmark}.
 */
public final class DecodeBenchmark {

    private DecodeBenchmark() {
    }

    public static void main(String[] args) {
        int n = Integer.getInteger("bench.events", 100_000);
        EventStreamGenerator generator = new EventStreamGenerator(1_000, 1.0, n, "decode", 42L);
        List<String> payloads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            payloads.add(generator.next().json());
        }
        ObjectMapper json = new ObjectMapper();
        EventValidator validator = new EventValidator();
        EventCodec codec = new EventCodec();
        SchemaEventDecoder decoder = new SchemaEventDecoder();
        List<JsonNode> trees = payloads.stream().map(p -> parse(json, p)).toList();
        for (int round = 1; round <= 3; round++) {
            System.out.printf("round %d%n", round);
            time("parse (readTree)", payloads, p -> parse(json, p));
            time("validate (schema)", trees, validator::validate);
            time("bind (fromTree)", trees, codec::fromTree);
            time("decoder (all)", payloads, decoder::decode);
            time("schema path alone", payloads, p -> {
                JsonNode tree = parse(json, p);
                validator.validate(tree);
                codec.fromTree(tree);
            });
        }
        System.exit(0);
    }

    private static JsonNode parse(ObjectMapper json, String payload) {
        try {
            return json.readTree(payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> void time(String what, List<T> items, Consumer<T> step) {
        long start = System.nanoTime();
        items.forEach(step);
        double micros = (System.nanoTime() - start) / 1e3 / items.size();
        System.out.printf("  %-20s %6.2f µs/event%n", what, micros);
    }
}
