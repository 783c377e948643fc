package io.inventorysync.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.inventorysync.ingest.WebhookHeaders;
import io.inventorysync.ingest.WebhookSigner;

/**
 * Makes bad webhook requests from a seeded generator. Garbage names SKUs {@code XX-*} at location {@code XX-LOC},
 * far (in bits) from the valid traffic's {@code FZ-*}, so that a mutation that happens to stay a valid event can
 * never touch the positions the test checks.
 */
final class WebhookGarbage {

    static final String PATH = "/api/v1/events";
    static final int MAX_BODY = 1024 * 1024;

    /**
     * @param kind     what was tried, for the summary
     * @param allowed  statuses that are right for it; 202 only for mutations that may still be a valid event
     * @param chunked  send without Content-Length
     */
    record Case(String kind, String method, Map<String, String> headers, byte[] body, boolean chunked, Set<Integer> allowed) {
    }

    private final Random random;
    private final WebhookSigner erp;
    private final WebhookSigner strict;
    private int serial;

    WebhookGarbage(Random random, String erpSecret, String strictSecret) {
        this.random = random;
        this.erp = new WebhookSigner(erpSecret);
        this.strict = new WebhookSigner(strictSecret);
    }

    Case next() {
        int roll = random.nextInt(100);
        if (roll < 14) {
            return signed("truncated-json", truncate(validBody()), Set.of(400));
        } else if (roll < 26) {
            return signed("bit-flip", flipBits(validBody()), Set.of(400, 202));
        } else if (roll < 34) {
            return signed("invalid-utf8", invalidUtf8(validBody()), Set.of(400));
        } else if (roll < 46) {
            return signed("wrong-type", wrongType(), Set.of(400));
        } else if (roll < 54) {
            return signed("missing-field", missingField(), Set.of(400));
        } else if (roll < 59) {
            return signed("unknown-event-type", eventWith("event_type", quote(pick(List.of("inventory.theft", "",
                    "INVENTORY.SALE", "inventory.sale ", "inventory", "sale", "inventory.sale\u0000")))), Set.of(400));
        } else if (roll < 61) {
            return huge();
        } else if (roll < 64) {
            return signed("deep-nesting", deepNesting(), Set.of(400));
        } else if (roll < 69) {
            return signed("huge-number", eventWith("quantity_change", pick(List.of("1e999999999", "-1e999999999",
                    "123456789012345678901234567890", "1.0000000000000000001", "9".repeat(5000), "1E400", "-0.0e-99999",
                    "4.9e-324", "2147483648", "-9223372036854775809"))), Set.of(400));
        } else if (roll < 77) {
            return badSignature();
        } else if (roll < 81) {
            return unknownSource();
        } else if (roll < 85) {
            return wrongContentType();
        } else if (roll < 88) {
            return signed("control-characters", eventWith(pick(List.of("sku", "location_id", "order_id", "event_id")),
                    quote("XX-" + pick(List.of("\u0000", "\u0007", "\u001b[31m", "\r\nX-Injected: 1", "\ud800", "\u0085"))
                            + next4())), Set.of(400));
        } else if (roll < 92) {
            return signed("bad-batch", badBatch(), Set.of(400));
        } else if (roll < 95) {
            return signed("bad-timestamp", eventWith("timestamp", quote(pick(List.of("2026-02-30T10:00:00Z",
                    "2026-06-30T23:59:60Z", "+999999999-12-31T23:59:59Z", "0000-00-00T00:00:00Z", "yesterday",
                    "2026-11-23T10:00:00", "2026-11-23 10:00:00Z", "1763892000")))), Set.of(400));
        } else if (roll < 97) {
            return new Case("wrong-method", pick(List.of("GET", "PUT", "DELETE", "PATCH")), signedHeaders(validBody(), erp),
                    validBody(), false, Set.of(405));
        }
        return badTimestampHeader();
    }

    /** A well-formed event in the garbage namespace, as compact JSON. */
    byte[] validBody() {
        return event(Map.of()).getBytes(StandardCharsets.UTF_8);
    }

    private String event(Map<String, String> overrides) {
        Map<String, String> fields = new LinkedHashMap<>();
        int n = ++serial;
        fields.put("event_id", quote("xx-" + n + "-" + random.nextInt(1_000_000)));
        fields.put("event_type", quote("inventory.receiving"));
        fields.put("sku", quote("XX-" + (n % 50)));
        fields.put("location_id", quote("XX-LOC"));
        fields.put("quantity_change", String.valueOf(1 + random.nextInt(9)));
        fields.put("timestamp", quote(Instant.now().minusSeconds(random.nextInt(3600)).toString()));
        fields.putAll(overrides);
        StringBuilder json = new StringBuilder("{");
        fields.forEach((k, v) -> {
            if (v != null) {
                json.append(json.length() > 1 ? "," : "").append(quote(k)).append(':').append(v);
            }
        });
        return json.append('}').toString();
    }

    private byte[] eventWith(String field, String rawValue) {
        Map<String, String> override = new LinkedHashMap<>();
        override.put(field, rawValue);
        return event(override).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] wrongType() {
        String field = pick(List.of("event_type", "sku", "location_id", "quantity_change", "timestamp", "event_id"));
        List<String> notText = List.of("5", "true", "null", "[]", "{}", "1.5", "[\"XX-1\"]", "{\"value\":1}", "-0");
        List<String> value = field.equals("quantity_change")
                ? List.of("\"5\"", "\"1e3\"", "true", "null", "[]", "{}", "1.5", "[5]", "-0", "\"\"")
                : field.equals("event_type") || field.equals("timestamp") ? notText
                : new java.util.ArrayList<>(notText) {{ add("\"\""); add("\" \""); add("\" XX-1\""); }};
        return eventWith(field, pick(value));
    }

    private byte[] missingField() {
        Map<String, String> override = new LinkedHashMap<>();
        for (String field : List.of("event_type", "sku", "location_id", "quantity_change", "timestamp")) {
            if (random.nextInt(3) == 0 || override.isEmpty() && field.equals("timestamp")) {
                override.put(field, null);
            }
        }
        return event(override).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] badBatch() {
        String one = event(Map.of());
        return switch (random.nextInt(6)) {
            case 0 -> "[]".getBytes(StandardCharsets.UTF_8);
            case 1 -> ("[" + String.join(",", java.util.Collections.nCopies(1001, one)) + "]").getBytes(StandardCharsets.UTF_8);
            case 2 -> "[1,2,3]".getBytes(StandardCharsets.UTF_8);
            case 3 -> ("[" + one + ",\"x\"]").getBytes(StandardCharsets.UTF_8);
            case 4 -> one.replace("{\"event_id\"", "{\"sku\":\"XX-dup\",\"event_id\"").getBytes(StandardCharsets.UTF_8);
            default -> pick(List.of("\"just a string\"", "42", "null", "true", "", "   ")).getBytes(StandardCharsets.UTF_8);
        };
    }

    private Case huge() {
        int size = MAX_BODY + 1 + random.nextInt(MAX_BODY / 2);
        byte[] body = new byte[size];
        byte[] event = validBody();
        for (int i = 0; i < size; i++) {
            body[i] = event[i % event.length];
        }
        boolean chunked = random.nextBoolean();
        Map<String, String> headers = signedHeaders(body, erp);
        return new Case(chunked ? "huge-body-chunked" : "huge-body", "POST", headers, body, chunked, Set.of(413));
    }

    private byte[] deepNesting() {
        int depth = pick(List.of(100_000, 20_000, 2_000));
        String open = pick(List.of("[", "{\"a\":"));
        String prefix = random.nextBoolean() ? "" : "{\"event_type\":\"inventory.receiving\",\"x-extra\":";
        return (prefix + open.repeat(depth)).getBytes(StandardCharsets.UTF_8);
    }

    private Case badSignature() {
        byte[] body = validBody();
        Map<String, String> headers = baseHeaders(WebhookHeaders.SOURCE, FuzzApp.ERP);
        String good = erp.signatureHeader(body);
        String signature = switch (random.nextInt(10)) {
            case 0 -> null;
            case 1 -> "";
            case 2 -> good.substring(0, good.length() - 1);
            case 3 -> good.substring(0, good.length() - 1) + (good.endsWith("0") ? "1" : "0");
            case 4 -> "sha512=" + good.substring(7);
            case 5 -> "sha256=" + "z".repeat(64);
            case 6 -> strict.signatureHeader(body);
            case 7 -> erp.signatureHeader(validBody());
            case 8 -> good + good;
            default -> "sha256=" + "a".repeat(4000);
        };
        if (signature != null) {
            headers.put(WebhookHeaders.SIGNATURE, signature);
        }
        return new Case("bad-signature", "POST", headers, body, false, Set.of(401));
    }

    private Case unknownSource() {
        byte[] body = validBody();
        String source = pick(List.of("erp-main", "FZ-ERP", "fz-erp-", " fz-erpx", "x".repeat(5000), "fz-erp,fz-strict",
                "' OR 1=1 --", "../../etc/passwd", "unknown-" + random.nextInt(1000)));
        Map<String, String> headers = baseHeaders(WebhookHeaders.SOURCE, source);
        headers.put(WebhookHeaders.SIGNATURE, erp.signatureHeader(body));
        if (random.nextInt(4) == 0) {
            headers.remove(WebhookHeaders.SOURCE);
        }
        return new Case("unknown-source", "POST", headers, body, false, Set.of(401));
    }

    private Case wrongContentType() {
        byte[] body = validBody();
        Map<String, String> headers = signedHeaders(body, erp);
        String type = pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/octet-stream", "image/png", "none"));
        if (type.equals("none")) {
            headers.remove("Content-Type");
        } else {
            headers.put("Content-Type", type);
        }
        return new Case("wrong-content-type", "POST", headers, body, false, Set.of(415));
    }

    /** A signed timestamp header that is not Unix seconds, or far outside the window, from either source. */
    private Case badTimestampHeader() {
        byte[] body = validBody();
        long now = Instant.now().getEpochSecond();
        String timestamp = pick(List.of(String.valueOf(now - 301 - random.nextInt(1_000_000)),
                String.valueOf(now + 301 + random.nextInt(1_000_000)), "0", "abc", "-" + now, now + ".5",
                "9".repeat(30)));
        boolean toStrict = random.nextBoolean();
        WebhookSigner signer = toStrict ? strict : erp;
        Map<String, String> headers = baseHeaders(WebhookHeaders.SOURCE, toStrict ? FuzzApp.STRICT : FuzzApp.ERP);
        headers.put(WebhookHeaders.TIMESTAMP, timestamp);
        headers.put(WebhookHeaders.SIGNATURE, "sha256=" + java.util.HexFormat.of().formatHex(
                hmac(toStrict ? FuzzApp.STRICT_SECRET : FuzzApp.ERP_SECRET, (timestamp + ".").getBytes(StandardCharsets.UTF_8), body)));
        return new Case("timestamp-outside-window", "POST", headers, body, false, Set.of(401));
    }

    private Case signed(String kind, byte[] body, Set<Integer> allowed) {
        boolean withTimestamp = random.nextBoolean();
        if (withTimestamp) {
            long now = Instant.now().getEpochSecond();
            Map<String, String> headers = baseHeaders(WebhookHeaders.SOURCE, FuzzApp.ERP);
            headers.put(WebhookHeaders.TIMESTAMP, Long.toString(now));
            headers.put(WebhookHeaders.SIGNATURE, erp.signatureHeader(now, body));
            return new Case(kind, "POST", headers, body, false, allowed);
        }
        return new Case(kind, "POST", signedHeaders(body, erp), body, false, allowed);
    }

    private Map<String, String> signedHeaders(byte[] body, WebhookSigner signer) {
        Map<String, String> headers = baseHeaders(WebhookHeaders.SOURCE, FuzzApp.ERP);
        headers.put(WebhookHeaders.SIGNATURE, signer.signatureHeader(body));
        return headers;
    }

    private static Map<String, String> baseHeaders(String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put(name, value);
        return headers;
    }

    private byte[] truncate(byte[] body) {
        return java.util.Arrays.copyOf(body, random.nextInt(body.length - 1));
    }

    private byte[] flipBits(byte[] body) {
        byte[] copy = body.clone();
        int flips = 1 + random.nextInt(3);
        for (int i = 0; i < flips; i++) {
            int at = random.nextInt(copy.length);
            copy[at] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
    }

    private byte[] invalidUtf8(byte[] body) {
        byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                {(byte) 0xE2, (byte) 0x82}};
        String text = new String(body, StandardCharsets.UTF_8);
        // inside the SKU's string, where only the decoder can notice
        int at = text.indexOf("XX-") + 3;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body, 0, at);
        out.writeBytes(bad[random.nextInt(bad.length)]);
        out.write(body, at, body.length - at);
        return out.toByteArray();
    }

    private String next4() {
        return String.valueOf(1000 + random.nextInt(9000));
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    static byte[] hmac(String secret, byte[] prefix, byte[] body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
