package io.inventorysync.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inventorysync.event.EventCodec;
import io.inventorysync.event.EventType;
import io.inventorysync.event.EventValidator;
import io.inventorysync.event.InventoryEvent;

/**
 * The fast path may only ever accept what the schema accepts, and must read it exactly as the schema path reads it;
 * it may decline anything (the schema path then decides). Checked on hand-picked events and on random ones built
 * from valid and borderline field values.
 */
class PlainEventReaderTest {

    private final PlainEventReader reader = new PlainEventReader();
    private final EventValidator validator = new EventValidator();
    private final EventCodec codec = new EventCodec();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void plainEventsOfEveryKindTakeTheFastPathAndReadAsTheSchemaPathReadsThem() {
        List<String> plain = List.of(
                event("\"event_id\":\"E-1\",\"event_type\":\"inventory.sale\",\"quantity_change\":-2,\"order_id\":\"O-1\""),
                event("\"event_type\":\"inventory.sale\",\"quantity_change\":-1"),
                event("\"event_type\":\"inventory.return\",\"quantity_change\":1,\"new_available\":7"),
                event("\"event_type\":\"inventory.receiving\",\"quantity_change\":1000000000"),
                event("\"event_type\":\"inventory.reserve\",\"quantity_change\":-3,\"order_id\":\"O-2\""),
                event("\"event_type\":\"inventory.release\",\"quantity_change\":3,\"order_id\":\"O-2\""),
                event("\"event_type\":\"inventory.transfer\",\"quantity_change\":-4,\"destination_location_id\":\"STORE-1\""),
                event("\"event_type\":\"inventory.adjustment\",\"new_available\":0"),
                event("\"event_type\":\"inventory.adjustment\",\"quantity_change\":-1000000000"),
                "{\"event_type\":\"inventory.sale\",\"sku\":\"a\",\"location_id\":\"b c\",\"quantity_change\":-1,"
                        + "\"timestamp\":\"2024-02-29T23:59:59.123456789Z\",\"source\":\"s\u00e9s\"}",
                "{\"source\":\"erp\",\"timestamp\":\"1000-01-01T00:00:00Z\",\"location_id\":\"WH-1\",\"sku\":\"S\","
                        + "\"quantity_change\":5,\"event_type\":\"inventory.receiving\"}");
        for (String payload : plain) {
            InventoryEvent fast = reader.read(payload);
            assertThat(fast).as(payload).isNotNull();
            assertSchemaAgrees(payload, fast);
        }
    }

    @Test
    void eventsOnlyTheSchemaCanJudgeAreDeclined() {
        List<String> declined = List.of(
                "not json", "[]", "{}", "{\"event_type\":\"inventory.sale\"} trailing",
                event("\"event_type\":\"inventory.sale\",\"quantity_change\":-1,\"x-erp-batch\":\"B-7\""), // valid, but an extension
                event("\"event_type\":\"inventory.sale\",\"quantity_change\":-1,\"unknown\":1"),
                event("\"event_type\":\"inventory.sale\",\"quantity_change\":1"),
                event("\"event_type\":\"inventory.sale\",\"quantity_change\":-1.0"),
                event("\"event_type\":\"inventory.sale\",\"quantity_change\":\"-1\""),
                event("\"event_type\":\"inventory.sale\",\"quantity_change\":-1000000001"),
                event("\"event_type\":\"inventory.sale\",\"quantity_change\":-1,\"quantity_change\":-2"),
                event("\"event_type\":\"inventory.sale\",\"quantity_change\":-1,\"order_id\":null"),
                event("\"event_type\":\"inventory.sale\",\"quantity_change\":-1,\"order_id\":\" O-1\""),
                event("\"event_type\":\"inventory.sale\",\"quantity_change\":-1,\"order_id\":\"O-1\\u00a0\""),
                event("\"event_type\":\"inventory.sale\",\"quantity_change\":-1,\"destination_location_id\":\"X\""),
                event("\"event_type\":\"inventory.reserve\",\"quantity_change\":-1"),
                event("\"event_type\":\"inventory.release\",\"quantity_change\":1"),
                event("\"event_type\":\"inventory.transfer\",\"quantity_change\":-1"),
                event("\"event_type\":\"inventory.transfer\",\"quantity_change\":-1,\"destination_location_id\":\"WH-1\""),
                event("\"event_type\":\"inventory.adjustment\",\"quantity_change\":0"),
                event("\"event_type\":\"inventory.adjustment\""),
                event("\"event_type\":\"inventory.adjustment\",\"new_available\":3,\"quantity_change\":1"),
                event("\"event_type\":\"inventory.adjustment\",\"new_available\":-1"),
                event("\"event_type\":\"inventory.count\",\"quantity_change\":1"),
                event("\"event_type\":\"inventory.sale\",\"quantity_change\":-1,\"event_id\":\"" + "e".repeat(201) + "\""),
                "{\"event_type\":\"inventory.sale\",\"sku\":\"" + "s".repeat(129) + "\",\"location_id\":\"WH-1\","
                        + "\"quantity_change\":-1,\"timestamp\":\"2026-03-15T14:22:03Z\",\"source\":\"erp\"}",
                withTimestamp("2026-03-15T14:22:03.412+01:00"), // valid, but an offset
                withTimestamp("2026-03-15t14:22:03.412z"), // valid, but lower case
                withTimestamp("2026-02-29T00:00:00Z"),
                withTimestamp("2016-12-31T23:59:60Z"),
                withTimestamp("2026-03-15T14:22:03.1234567891Z"),
                withTimestamp("2026-03-15T14:22:03.Z"),
                withTimestamp("2026-03-15 14:22:03Z"),
                withTimestamp("0999-03-15T14:22:03Z"));
        for (String payload : declined) {
            assertThat(reader.read(payload)).as(payload).isNull();
        }
    }

    @Test
    void whateverTheFastPathAcceptsTheSchemaAcceptsAndReadsAlike() {
        SplittableRandom random = new SplittableRandom(7);
        int accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            String payload = randomEvent(random);
            InventoryEvent fast = reader.read(payload);
            if (fast != null) {
                accepted++;
                assertSchemaAgrees(payload, fast);
            }
        }
        // the generator must exercise the fast path, not only its refusals
        assertThat(accepted).isGreaterThan(2_000);
    }

    private void assertSchemaAgrees(String payload, InventoryEvent fast) {
        JsonNode tree;
        try {
            tree = json.readTree(payload);
        } catch (Exception e) {
            throw new AssertionError("fast path accepted what is not JSON: " + payload, e);
        }
        assertThat(validator.validate(tree)).as(payload).isEmpty();
        assertThat(fast).as(payload).isEqualTo(codec.fromTree(tree));
    }

    private static String event(String fields) {
        return "{\"sku\":\"SKU-1\",\"location_id\":\"WH-1\",\"timestamp\":\"2026-03-15T14:22:03.412Z\",\"source\":\"erp\","
                + fields + "}";
    }

    private static String withTimestamp(String timestamp) {
        return "{\"event_type\":\"inventory.sale\",\"sku\":\"SKU-1\",\"location_id\":\"WH-1\",\"quantity_change\":-1,"
                + "\"timestamp\":\"" + timestamp + "\",\"source\":\"erp\"}";
    }

    // Raw JSON values: mostly valid, with the borderline cases of each keyword mixed in.
    private static final List<String> IDENTIFIERS = List.of("\"SKU-1\"", "\"WH-1\"", "\"STORE-1\"", "\"a\"",
            "\"" + "x".repeat(128) + "\"", "\"" + "x".repeat(129) + "\"", "\" SKU\"", "\"SKU \"", "\"SKU\\n\"",
            "\"\\u00a0SKU\"", "\"SKU\\u2003\"", "\"S\\u00dcK\"", "\"\\u00dc\"", "\"\"", "\"x y\"", "\"\\u0020x\"", "null",
            "5", "[\"SKU-1\"]", "\"\\ud83d\\ude00\"", "\"a\\ud83d\\ude00b\"");
    private static final List<String> EVENT_IDS = List.of("\"E-1\"", "\"sha256:abc\"", "\"" + "e".repeat(200) + "\"",
            "\"" + "e".repeat(201) + "\"", "\" E\"", "\"E\\t\"", "\"\"", "null", "1");
    private static final List<String> QUANTITIES = List.of("0", "1", "-1", "5", "-5", "1000000000", "-1000000000",
            "1000000001", "-1000000001", "2147483648", "-2147483649", "1.0", "-1.5", "\"1\"", "null", "1e2", "-0", "true");
    private static final List<String> TIMESTAMPS = List.of("\"2026-03-15T14:22:03.412Z\"", "\"2026-03-15T14:22:03Z\"",
            "\"2026-03-15T14:22:03.123456789Z\"", "\"2026-03-15T14:22:03.1234567890Z\"", "\"2026-03-15T14:22:03.412z\"",
            "\"2026-03-15t14:22:03.412Z\"", "\"2026-03-15T14:22:03.412+01:00\"", "\"2026-02-29T00:00:00Z\"",
            "\"2024-02-29T00:00:00Z\"", "\"2026-13-01T00:00:00Z\"", "\"2026-04-31T00:00:00Z\"", "\"2016-12-31T23:59:60Z\"",
            "\"2026-03-15T24:00:00Z\"", "\"0999-01-01T00:00:00Z\"", "\"1000-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59.999999999Z\"",
            "\"2026-03-15 14:22:03Z\"", "\"2026-03-15T14:22:03.Z\"", "\"2026-03-15T14:22Z\"", "\"\"", "5", "null");

    private static String randomEvent(SplittableRandom random) {
        EventType type = EventType.values()[random.nextInt(EventType.values().length)];
        List<String> fields = new ArrayList<>();
        boolean valid = random.nextInt(3) > 0; // two in three start from a valid event, then may be spoilt below
        String typeValue = random.nextInt(20) == 0 ? pick(random, List.of("\"inventory.SALE\"", "\"sale\"", "null", "1"))
                : "\"" + type.wireName() + "\"";
        add(fields, random, "event_type", typeValue, 0.97);
        add(fields, random, "sku", valid ? "\"SKU-1\"" : pick(random, IDENTIFIERS), 0.97);
        add(fields, random, "location_id", valid ? "\"WH-1\"" : pick(random, IDENTIFIERS), 0.97);
        add(fields, random, "source", valid ? "\"erp\"" : pick(random, IDENTIFIERS), 0.97);
        add(fields, random, "timestamp", valid ? "\"2026-03-15T14:22:03.412Z\"" : pick(random, TIMESTAMPS), 0.97);
        add(fields, random, "event_id", pick(random, EVENT_IDS), 0.5);
        String quantity = valid ? validQuantity(type, random) : pick(random, QUANTITIES);
        if (quantity != null) {
            add(fields, random, "quantity_change", quantity, valid ? 1.0 : 0.8);
        }
        boolean needsOrder = type == EventType.RESERVE || type == EventType.RELEASE;
        add(fields, random, "order_id", valid ? "\"O-1\"" : pick(random, IDENTIFIERS), needsOrder && valid ? 1.0 : 0.3);
        boolean transfer = type == EventType.TRANSFER;
        add(fields, random, "destination_location_id", valid ? "\"STORE-1\"" : pick(random, IDENTIFIERS),
                transfer && valid ? 1.0 : 0.1);
        if (type == EventType.ADJUSTMENT && quantity == null || random.nextInt(10) == 0) {
            add(fields, random, "new_available", pick(random, List.of("0", "7", "1000000000", "1000000001", "-1", "2.5", "\"3\"")), 1.0);
        }
        if (random.nextInt(15) == 0) {
            fields.add(pick(random, List.of("\"x-erp\":1", "\"other\":1", "\"sku\":\"SKU-2\"", "\"quantity_change\":-1")));
        }
        java.util.Collections.shuffle(fields, new java.util.Random(random.nextLong()));
        String body = "{" + String.join(",", fields) + "}";
        return switch (random.nextInt(40)) {
            case 0 -> body + " {}";
            case 1 -> "[" + body + "]";
            default -> body;
        };
    }

    private static String validQuantity(EventType type, SplittableRandom random) {
        int n = 1 + random.nextInt(1_000_000_000);
        return switch (type) {
            case SALE, RESERVE, TRANSFER -> String.valueOf(-n);
            case RETURN, RECEIVING, RELEASE -> String.valueOf(n);
            case ADJUSTMENT -> random.nextBoolean() ? null : String.valueOf(random.nextBoolean() ? n : -n);
        };
    }

    private static void add(List<String> fields, SplittableRandom random, String name, String value, double probability) {
        if (random.nextDouble() < probability) {
            fields.add("\"" + name + "\":" + value);
        }
    }

    private static String pick(SplittableRandom random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
