package io.inventorysync.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.inventorysync.fuzz.FuzzHttp.Answer;
import io.inventorysync.support.AppUnderTest;

/**
 * The admin API as the OpenAPI document declares it: every operation that requires the admin bearer token refuses
 * a request without it, with a wrong one or with a malformed Authorization header (401, never a 5xx), and with the
 * right token its path and query parameters, fuzzed, never produce a 5xx.
 */
class AdminApiFuzzIT extends FuzzApp {

    static final int ROUNDS = Integer.getInteger("fuzz.admin.rounds", 12);

    record Operation(String method, String path, List<JsonNode> parameters, boolean hasBody) {
        String id() {
            return method.toUpperCase() + " " + path;
        }
    }

    static List<Operation> operations;

    @LocalServerPort
    int port;

    @BeforeAll
    static void readAdminOperations() throws IOException {
        JsonNode api;
        try (InputStream in = AdminApiFuzzIT.class.getClassLoader().getResourceAsStream("openapi/inventory-sync-api.yaml")) {
            api = new YAMLMapper().readTree(in);
        }
        operations = new ArrayList<>();
        api.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            boolean needsToken = false;
            for (JsonNode requirement : op.getValue().path("security")) {
                needsToken |= requirement.has("bearerAuth");
            }
            if (needsToken) {
                List<JsonNode> parameters = new ArrayList<>();
                for (JsonNode p : op.getValue().path("parameters")) {
                    parameters.add(p.has("$ref") ? api.at(p.path("$ref").asText().substring(1)) : p);
                }
                operations.add(new Operation(op.getKey(), path.getKey(), parameters, op.getValue().has("requestBody")));
            }
        }));
        assertThat(operations).as("operations that require the admin token").hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void everyAdminOperationRefusesMissingWrongAndMalformedCredentialsWith401() {
        Random random = FuzzSeed.random("admin-credentials");
        FuzzHttp http = new FuzzHttp(port);
        List<String> failures = new ArrayList<>();
        Map<String, Integer> byVariant = new TreeMap<>();
        int calls = 0;
        for (Operation operation : operations) {
            for (int round = 0; round < ROUNDS; round++) {
                String variant = random.nextInt(10) == 0 ? "none" : "malformed";
                String authorization = variant.equals("none") ? null : malformedAuthorization(random);
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("Content-Type", "application/json");
                if (authorization != null) {
                    headers.put("Authorization", authorization);
                    if (!authorization.contains(AppUnderTest.ADMIN_TOKEN) && authorization.length() >= 16) {
                        AUTHORIZATION_VALUES_SENT.add(authorization);
                    }
                }
                Answer answer = http.send(operation.method().toUpperCase(), concretePath(operation, "1"), headers,
                        operation.hasBody() ? "{\"ids\":[\"x\"]}".getBytes(StandardCharsets.UTF_8) : null, false);
                calls++;
                byVariant.merge(variant + "->" + answer.status(), 1, Integer::sum);
                if (answer.status() != 401 || !answer.hasReason()) {
                    failures.add(operation.id() + " with Authorization " + describe(authorization) + " -> "
                            + (answer.failure() != null ? answer.failure() : answer.status() + " " + answer.shortBody()));
                }
            }
        }
        assertThat(failures).as("admin operations not refused with 401 (seed " + FuzzSeed.value() + ")").isEmpty();
        System.out.println("admin credentials fuzz seed=" + FuzzSeed.value() + ": " + operations.size()
                + " operations requiring the token (from the OpenAPI document) x " + ROUNDS + " = " + calls
                + " calls without or with wrong/malformed credentials, " + calls + " x 401 with a reason, 0 x 5xx " + byVariant);
    }

    @Test
    void fuzzedPathAndQueryParametersWithTheRightTokenNeverGetA5xx() {
        Random random = FuzzSeed.random("admin-parameters");
        FuzzHttp http = new FuzzHttp(port);
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        int calls = 0;
        for (Operation operation : operations) {
            for (int round = 0; round < ROUNDS * 4; round++) {
                String pathValue = operation.path().contains("{") ? fuzzValue(random, "integer") : "1";
                StringBuilder query = new StringBuilder();
                for (JsonNode parameter : operation.parameters()) {
                    if (parameter.path("in").asText().equals("query") && random.nextInt(3) > 0) {
                        query.append(query.isEmpty() ? "?" : "&").append(parameter.path("name").asText()).append('=')
                                .append(encode(fuzzValue(random, parameter.path("schema").path("type").asText("string"))));
                    }
                }
                byte[] body = operation.hasBody() ? fuzzBody(random).getBytes(StandardCharsets.UTF_8) : null;
                Map<String, String> headers = Map.of("Content-Type", "application/json",
                        "Authorization", "Bearer " + AppUnderTest.ADMIN_TOKEN);
                String target = concretePath(operation, encode(pathValue)) + query;
                Answer answer = http.send(operation.method().toUpperCase(), target, headers, body, false);
                calls++;
                byStatus.merge(answer.status(), 1, Integer::sum);
                if (answer.status() < 200 || answer.is5xx()) {
                    failures.add(operation.id() + " as " + target + (body == null ? "" : " body " + new String(body,
                            StandardCharsets.UTF_8)) + " -> " + (answer.failure() != null ? answer.failure()
                            : answer.status() + " " + answer.shortBody()));
                }
            }
        }
        assertThat(failures).as("fuzzed admin parameters answered with a 5xx or not at all (seed " + FuzzSeed.value() + ")")
                .isEmpty();
        int fourXx = byStatus.entrySet().stream().filter(e -> e.getKey() >= 400 && e.getKey() < 500)
                .mapToInt(Map.Entry::getValue).sum();
        System.out.println("admin parameter fuzz seed=" + FuzzSeed.value() + ": " + calls + " calls with the right token "
                + "and fuzzed path/query parameters and bodies, " + fourXx + " x 4xx, 0 x 5xx " + byStatus);
    }

    private String malformedAuthorization(Random random) {
        String token = AppUnderTest.ADMIN_TOKEN;
        String marker = "fz" + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
        return switch (random.nextInt(12)) {
            case 0 -> "Bearer " + marker;
            case 1 -> "Bearer " + token + marker;
            case 2 -> "Bearer " + token.substring(0, token.length() - 1);
            case 3 -> "Basic " + Base64.getEncoder().encodeToString(("admin:" + token).getBytes(StandardCharsets.UTF_8));
            case 4 -> "Token " + token;
            case 5 -> token;
            case 6 -> "Bearer" + token;
            case 7 -> "Bearer " + token + ", Bearer " + marker;
            case 8 -> "Bearer " + marker.repeat(200);
            case 9 -> "Bearer " + new StringBuilder(token).reverse();
            case 10 -> "Digest username=\"admin\", response=\"" + marker + "\"";
            default -> "Bearer " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
        };
    }

    private static String fuzzValue(Random random, String type) {
        List<String> values = List.of("abc", "-1", "0", "99999999999999999999", "1.5", "1e3", "", " ", "true",
                "null", "\u0000", "a\u0000b", "%00", "../../etc", "' OR 1=1 --", "x".repeat(3000), "日本語", "\ud83d\ude00",
                "2147483648", "-2147483649", "NaN", "[1]", "{}", "<script>", "quarantined", "applied");
        String value = values.get(random.nextInt(values.size()));
        return type.equals("integer") && random.nextInt(5) == 0 ? String.valueOf(random.nextInt(2000) - 1000) : value;
    }

    private static String fuzzBody(Random random) {
        List<String> bodies = List.of("", "{", "[]", "null", "42", "\"ids\"", "{\"ids\":null}", "{\"ids\":[]}",
                "{\"ids\":[null]}", "{\"ids\":[1,2]}", "{\"ids\":\"x\"}", "{\"ids\":[\"\\u0000\"]}", "{\"stage\":\"\\u0000\"}",
                "{\"reason\":\"\"}", "{\"ids\":[\"" + "x".repeat(5000) + "\"]}", "{\"unknown\":1}", "{\"stage\":5}",
                "[".repeat(50_000));
        return bodies.get(random.nextInt(bodies.size()));
    }

    private static String concretePath(Operation operation, String value) {
        return operation.path().replaceAll("\\{[^}]+}", value);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String describe(String authorization) {
        if (authorization == null) {
            return "(none)";
        }
        // the test's report is a log too: say what kind of value it was, not the value
        return "'" + authorization.replace(AppUnderTest.ADMIN_TOKEN, "<admin token>").replaceAll("fz[0-9a-f]{16}", "<random>") + "'";
    }
}
