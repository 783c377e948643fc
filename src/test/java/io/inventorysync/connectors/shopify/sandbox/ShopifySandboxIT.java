package io.inventorysync.connectors.shopify.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShopifySandboxIT {

    static final String SET = """
            mutation Set($input: InventorySetQuantitiesInput!) {
              inventorySetQuantities(input: $input) {
                inventoryAdjustmentGroup { id createdAt reason referenceDocumentUri changes { name delta quantityAfterChange item { id } location { id } } }
                userErrors { field message code }
              }
            }""";
    static final String LOCATION = "gid://shopify/Location/1";

    static ShopifySandbox sandbox;
    static SandboxHttp http;

    @BeforeAll
    static void start() {
        sandbox = ShopifySandbox.start(0);
        http = new SandboxHttp(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    static String item(int n) {
        return "gid://shopify/InventoryItem/" + n;
    }

    static Map<String, Object> quantity(String item, int quantity, Integer changeFrom) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("inventoryItemId", item);
        q.put("locationId", LOCATION);
        q.put("quantity", quantity);
        q.put("changeFromQuantity", changeFrom); // explicit null when changeFrom is null
        return q;
    }

    static Map<String, Object> input(List<Map<String, Object>> quantities) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", "available");
        input.put("reason", "correction");
        input.put("referenceDocumentUri", "gid://inventory-sync/Sync/test");
        input.put("quantities", quantities);
        return Map.of("input", input);
    }

    @Test
    void requestWithoutTheRightAccessTokenIsRefusedWith401() throws Exception {
        SandboxHttp.Answer wrong = http.graphQl("shpat_wrong", SET, input(List.of(quantity(item(1), 5, null))));
        SandboxHttp.Answer missing = http.graphQl(null, SET, input(List.of(quantity(item(1), 5, null))));

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(wrong.body().get("errors").asText())
                .isEqualTo("[API] Invalid API key or access token (unrecognized login or wrong password)");
        assertThat(sandbox.levels()).isEmpty();
        assertThat(sandbox.stats().unauthorized()).isEqualTo(2);
    }

    @Test
    void mutationStoresQuantitiesAndReportsChangesAndCost() throws Exception {
        SandboxHttp.Answer answer = http.graphQl(SET, input(List.of(quantity(item(1), 5, null), quantity(item(2), 7, null))));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode payload = answer.body().at("/data/inventorySetQuantities");
        assertThat(payload.get("userErrors")).isEmpty();
        JsonNode group = payload.get("inventoryAdjustmentGroup");
        assertThat(group.get("id").asText()).startsWith("gid://shopify/InventoryAdjustmentGroup/");
        assertThat(group.get("reason").asText()).isEqualTo("correction");
        assertThat(group.at("/changes/0/name").asText()).isEqualTo("available");
        assertThat(group.at("/changes/0/delta").asInt()).isEqualTo(5);
        assertThat(group.at("/changes/0/quantityAfterChange").asInt()).isEqualTo(5);
        assertThat(group.at("/changes/1/name").asText()).isEqualTo("on_hand");
        JsonNode cost = answer.body().at("/extensions/cost");
        assertThat(cost.get("requestedQueryCost").asInt()).isEqualTo(10);
        assertThat(cost.get("actualQueryCost").asInt()).isEqualTo(10);
        assertThat(cost.at("/throttleStatus/maximumAvailable").asDouble()).isEqualTo(1000.0);
        assertThat(cost.at("/throttleStatus/currentlyAvailable").asLong()).isBetween(990L, 1000L);
        assertThat(cost.at("/throttleStatus/restoreRate").asDouble()).isEqualTo(50.0);

        assertThat(sandbox.available(item(1), LOCATION)).contains(5);
        assertThat(sandbox.available(item(2), LOCATION)).contains(7);
        assertThat(sandbox.stats().mutationsApplied()).isEqualTo(1);
    }

    @Test
    void moreThan250QuantitiesIsATopLevelErrorAndNothingIsApplied() throws Exception {
        List<Map<String, Object>> quantities = new ArrayList<>();
        for (int i = 1; i <= 251; i++) {
            quantities.add(quantity(item(i), i, null));
        }
        SandboxHttp.Answer answer = http.graphQl(SET, input(quantities));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().has("data")).isFalse();
        assertThat(answer.body().at("/errors/0/extensions/code").asText()).isEqualTo("MAX_INPUT_SIZE_EXCEEDED");
        assertThat(answer.body().at("/errors/0/message").asText()).contains("251").contains("250");
        assertThat(sandbox.levels()).isEmpty();
        assertThat(sandbox.stats().maxQuantitiesInOneMutation()).isEqualTo(251);

        SandboxHttp.Answer exactly250 = http.graphQl(SET, input(quantities.subList(0, 250)));
        assertThat(exactly250.body().at("/data/inventorySetQuantities/userErrors")).isEmpty();
        assertThat(sandbox.levels()).hasSize(250);
    }

    @Test
    void staleChangeFromQuantityIsReportedOnItsFieldPathAndTheWholeMutationIsNotApplied() throws Exception {
        sandbox.setLevel(item(1), LOCATION, 10);
        sandbox.setLevel(item(2), LOCATION, 20);

        SandboxHttp.Answer answer = http.graphQl(SET, input(List.of(quantity(item(1), 11, 10), quantity(item(2), 21, 19))));

        JsonNode errors = answer.body().at("/data/inventorySetQuantities/userErrors");
        assertThat(errors).hasSize(1);
        assertThat(errors.at("/0/code").asText()).isEqualTo("CHANGE_FROM_QUANTITY_STALE");
        assertThat(SandboxHttp.JSON.convertValue(errors.at("/0/field"), List.class))
                .containsExactly("input", "quantities", "1", "changeFromQuantity");
        assertThat(answer.body().at("/data/inventorySetQuantities/inventoryAdjustmentGroup").isNull()).isTrue();
        assertThat(sandbox.available(item(1), LOCATION)).as("atomic: the valid item was not applied").contains(10);
        assertThat(sandbox.available(item(2), LOCATION)).contains(20);

        SandboxHttp.Answer fresh = http.graphQl(SET, input(List.of(quantity(item(1), 11, 10), quantity(item(2), 21, 20))));
        assertThat(fresh.body().at("/data/inventorySetQuantities/userErrors")).isEmpty();
        assertThat(sandbox.available(item(2), LOCATION)).contains(21);
    }

    @Test
    void changeFromQuantityMustBeSentButAnExplicitNullSkipsTheCheck() throws Exception {
        sandbox.setLevel(item(1), LOCATION, 10);
        Map<String, Object> withoutChangeFrom = new HashMap<>(quantity(item(1), 3, null));
        withoutChangeFrom.remove("changeFromQuantity");

        SandboxHttp.Answer missing = http.graphQl(SET, input(List.of(withoutChangeFrom)));
        SandboxHttp.Answer explicitNull = http.graphQl(SET, input(List.of(quantity(item(1), 4, null))));

        assertThat(missing.body().at("/data/inventorySetQuantities/userErrors/0/code").asText()).isEqualTo("COMPARE_QUANTITY_REQUIRED");
        assertThat(explicitNull.body().at("/data/inventorySetQuantities/userErrors")).isEmpty();
        assertThat(sandbox.available(item(1), LOCATION)).contains(4);
    }

    @Test
    void invalidNameReasonAndNegativeQuantityAreUserErrors() throws Exception {
        Map<String, Object> input = new LinkedHashMap<>(castInput(input(List.of(quantity(item(1), -1, null)))));
        input.put("name", "committed");
        input.put("reason", "because");

        SandboxHttp.Answer answer = http.graphQl(SET, Map.of("input", input));

        List<String> codes = new ArrayList<>();
        answer.body().at("/data/inventorySetQuantities/userErrors").forEach(e -> codes.add(e.get("code").asText()));
        assertThat(codes).contains("INVALID_NAME", "INVALID_REASON");
        input.put("name", "available");
        input.put("reason", "correction");
        SandboxHttp.Answer negative = http.graphQl(SET, Map.of("input", input));
        assertThat(negative.body().at("/data/inventorySetQuantities/userErrors/0/code").asText()).isEqualTo("INVALID_QUANTITY_NEGATIVE");
        assertThat(sandbox.levels()).isEmpty();
    }

    @Test
    void unknownInventoryItemIsAUserErrorWhenNotAutoCreated() throws Exception {
        sandbox.setAutoCreateItems(false);
        sandbox.setLevel(item(1), LOCATION, 1);

        SandboxHttp.Answer answer = http.graphQl(SET, input(List.of(quantity(item(1), 2, null), quantity(item(999), 2, null))));

        assertThat(answer.body().at("/data/inventorySetQuantities/userErrors/0/code").asText()).isEqualTo("INVALID_INVENTORY_ITEM");
        assertThat(answer.body().at("/data/inventorySetQuantities/userErrors/0/field/2").asText()).isEqualTo("1");
        assertThat(sandbox.available(item(1), LOCATION)).contains(1);
    }

    @Test
    void malformedInventoryItemIdIsNeverAutoCreated() throws Exception {
        SandboxHttp.Answer answer = http.graphQl(SET, input(List.of(quantity("gid://shopify/InventoryItem/nope", 2, null))));

        assertThat(answer.body().at("/data/inventorySetQuantities/userErrors/0/code").asText()).isEqualTo("INVALID_INVENTORY_ITEM");
    }

    @Test
    void aliasedReadsReturnAvailableAndCostOnePlusTwoPerItem() throws Exception {
        sandbox.setLevel(item(1), LOCATION, 8);
        String read = """
                query Read($i0: ID!, $i1: ID!, $l: ID!) {
                  r0: inventoryItem(id: $i0) { id inventoryLevel(locationId: $l) { id quantities(names: ["available"]) { name quantity } } }
                  r1: inventoryItem(id: $i1) { id inventoryLevel(locationId: $l) { id quantities(names: ["available"]) { name quantity } } }
                }""";

        SandboxHttp.Answer answer = http.graphQl(read, Map.of("i0", item(1), "i1", item(2), "l", LOCATION));

        assertThat(answer.body().at("/data/r0/inventoryLevel/quantities/0/name").asText()).isEqualTo("available");
        assertThat(answer.body().at("/data/r0/inventoryLevel/quantities/0/quantity").asInt()).isEqualTo(8);
        assertThat(answer.body().at("/data/r1").isNull()).as("never-seen item reads as null").isTrue();
        assertThat(answer.body().at("/extensions/cost/requestedQueryCost").asInt()).isEqualTo(5);
        assertThat(sandbox.stats().queries()).isEqualTo(1);
    }

    @Test
    void invalidQueriesComeBackAsGraphQlErrors() throws Exception {
        SandboxHttp.Answer unknownField = http.graphQl("{ shop { name } }", null);
        SandboxHttp.Answer removedArgument = http.graphQl("""
                mutation { inventorySetQuantities(input: {name: "available", reason: "correction", ignoreCompareQuantity: true,
                  quantities: [{inventoryItemId: "gid://shopify/InventoryItem/1", locationId: "gid://shopify/Location/1", quantity: 1}]}) { userErrors { code } } }""", null);
        SandboxHttp.Answer syntax = http.graphQl("{ inventoryItem(id: ", null);

        assertThat(unknownField.status()).isEqualTo(200);
        assertThat(unknownField.body().at("/errors/0/message").asText()).contains("shop");
        assertThat(unknownField.body().has("data")).isFalse();
        assertThat(removedArgument.body().at("/errors/0/message").asText()).contains("ignoreCompareQuantity");
        assertThat(syntax.body().at("/errors/0/extensions/code").asText()).isEqualTo("parseError");
        assertThat(sandbox.levels()).isEmpty();
    }

    @Test
    void bucketThatCannotCoverTheCostAnswersThrottledWithStatus200ByDefault() throws Exception {
        sandbox.configureBucket(25, 0.5);
        sandbox.refillBucket();

        SandboxHttp.Answer first = http.graphQl(SET, input(List.of(quantity(item(1), 1, null))));
        SandboxHttp.Answer second = http.graphQl(SET, input(List.of(quantity(item(1), 2, null))));
        SandboxHttp.Answer third = http.graphQl(SET, input(List.of(quantity(item(1), 3, null))));

        assertThat(first.body().at("/data/inventorySetQuantities/userErrors")).isEmpty();
        assertThat(second.body().at("/data/inventorySetQuantities/userErrors")).isEmpty();
        assertThat(third.status()).isEqualTo(200);
        assertThrottledBody(third.body());
        assertThat(third.body().at("/extensions/cost/throttleStatus/currentlyAvailable").asLong()).isLessThan(10);
        assertThat(sandbox.available(item(1), LOCATION)).contains(2);
        assertThat(sandbox.stats().throttled()).isEqualTo(1);
    }

    @Test
    void throttledAnswerCanUseStatus429WithRetryAfter() throws Exception {
        sandbox.injectFaults(new SandboxFaults(1, null, null, 429, null));

        SandboxHttp.Answer throttled = http.graphQl(SET, input(List.of(quantity(item(1), 1, null))));
        SandboxHttp.Answer next = http.graphQl(SET, input(List.of(quantity(item(1), 2, null))));

        assertThat(throttled.status()).isEqualTo(429);
        assertThrottledBody(throttled.body());
        assertThat(throttled.raw().headers().firstValue("Retry-After")).isPresent();
        assertThat(throttled.body().at("/extensions/cost/throttleStatus/currentlyAvailable").asLong())
                .as("an injected throttle drains the bucket").isLessThan(10);
        // the bucket restores 50/s, so the next call may itself be throttled until 10 points are back
        assertThat(next.status()).isIn(200, 429);
        assertThat(sandbox.levels()).allSatisfy(level -> assertThat(level.available()).isNotEqualTo(1));
    }

    @Test
    void faultsAreArmedOverHttpAndUsedUpOnePerCall() throws Exception {
        SandboxHttp.Answer armed = http.admin("POST", "/sandbox/faults",
                "{\"throttleNext\":0,\"http5xxNext\":2,\"latencyMs\":0,\"throttleStatusCode\":200}");
        assertThat(armed.body().get("http5xxNext").asInt()).isEqualTo(2);

        SandboxHttp.Answer first = http.graphQl(SET, input(List.of(quantity(item(1), 1, null))));
        SandboxHttp.Answer second = http.graphQl(SET, input(List.of(quantity(item(1), 2, null))));
        SandboxHttp.Answer third = http.graphQl(SET, input(List.of(quantity(item(1), 3, null))));

        assertThat(first.status()).isEqualTo(503);
        assertThat(second.status()).isEqualTo(503);
        assertThat(third.status()).isEqualTo(200);
        assertThat(sandbox.available(item(1), LOCATION)).contains(3);
        JsonNode stats = http.admin("GET", "/sandbox/requests", null).body();
        assertThat(stats.get("http5xx").asInt()).isEqualTo(2);
        assertThat(stats.get("mutationsApplied").asInt()).isEqualTo(1);
    }

    @Test
    void injectedRefusalAnswers401LikeARevokedTokenAndSlowAnswerIsUsedUpOnce() throws Exception {
        SandboxHttp.Answer armed = http.admin("POST", "/sandbox/faults", "{\"unauthorizedNext\":1,\"slowNext\":1,\"slowMs\":300}");
        assertThat(armed.body().get("unauthorizedNext").asInt()).isEqualTo(1);

        long start = System.nanoTime();
        SandboxHttp.Answer refused = http.graphQl(SET, input(List.of(quantity(item(1), 1, null))));
        long refusedMillis = (System.nanoTime() - start) / 1_000_000;
        SandboxHttp.Answer next = http.graphQl(SET, input(List.of(quantity(item(1), 2, null))));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.raw().body()).contains("Invalid API key or access token");
        assertThat(refusedMillis).as("the armed slow answer").isGreaterThanOrEqualTo(300);
        assertThat(next.status()).isEqualTo(200);
        assertThat(sandbox.available(item(1), LOCATION)).contains(2);
        assertThat(sandbox.stats().unauthorized()).isEqualTo(1);
        assertThat(sandbox.faults().slowNext()).isZero();
    }

    @Test
    void levelsAreReadAndEditedOverTheAdminApi() throws Exception {
        http.graphQl(SET, input(List.of(quantity(item(1), 5, null))));

        SandboxHttp.Answer edited = http.admin("POST", "/sandbox/levels",
                "{\"inventoryItemId\":\"" + item(2) + "\",\"locationId\":\"" + LOCATION + "\",\"available\":9}");
        SandboxHttp.Answer all = http.admin("GET", "/sandbox/levels", null);
        SandboxHttp.Answer one = http.admin("GET", "/sandbox/levels?inventoryItemId=" + item(2) + "&locationId=" + LOCATION, null);
        SandboxHttp.Answer none = http.admin("GET", "/sandbox/levels?inventoryItemId=" + item(3) + "&locationId=" + LOCATION, null);

        assertThat(edited.status()).isEqualTo(200);
        assertThat(all.body().get("levels")).hasSize(2);
        assertThat(one.body().get("available").asInt()).isEqualTo(9);
        assertThat(none.status()).isEqualTo(404);

        http.admin("POST", "/sandbox/reset", null);
        assertThat(sandbox.levels()).isEmpty();
        assertThat(sandbox.stats().mutationsApplied()).isZero();
    }

    @Test
    void idempotentKeyReplaysTheFirstResultWithoutApplyingAgain() throws Exception {
        String keyed = SET.replace("inventorySetQuantities(input: $input)", "inventorySetQuantities(input: $input) @idempotent(key: \"k-1\")");
        http.graphQl(keyed, input(List.of(quantity(item(1), 5, null))));
        sandbox.setLevel(item(1), LOCATION, 6); // a merchant edit in between

        SandboxHttp.Answer replay = http.graphQl(keyed, input(List.of(quantity(item(1), 5, null))));
        SandboxHttp.Answer mismatch = http.graphQl(keyed, input(List.of(quantity(item(1), 4, null))));

        assertThat(replay.body().at("/data/inventorySetQuantities/userErrors")).isEmpty();
        assertThat(sandbox.available(item(1), LOCATION)).as("replay did not apply again").contains(6);
        assertThat(mismatch.body().at("/data/inventorySetQuantities/userErrors/0/code").asText())
                .isEqualTo("IDEMPOTENCY_KEY_PARAMETER_MISMATCH");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-01", "2026-10", "unstable"})
    void anyApiVersionPathIsServed(String version) throws Exception {
        SandboxHttp.Answer answer = http.post(sandbox.graphqlUrl(version), sandbox.accessToken(),
                "{\"query\":\"{ inventoryItem(id: \\\"gid://shopify/InventoryItem/1\\\") { id } }\"}");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(http.post(sandbox.baseUrl() + "/admin/api/latest/graphql.json", sandbox.accessToken(), "{}").status())
                .isEqualTo(404);
    }

    private static void assertThrottledBody(JsonNode body) {
        assertThat(body.at("/errors/0/message").asText()).isEqualTo("Throttled");
        assertThat(body.at("/errors/0/extensions/code").asText()).isEqualTo("THROTTLED");
        assertThat(body.at("/errors/0/extensions/documentation").asText()).isEqualTo("https://shopify.dev/api/usage/rate-limits");
        assertThat(body.at("/extensions/cost/requestedQueryCost").asInt()).isEqualTo(10);
        assertThat(body.at("/extensions/cost/actualQueryCost").isNull()).isTrue();
        assertThat(body.at("/extensions/cost/throttleStatus").has("maximumAvailable")).isTrue();
        assertThat(body.at("/extensions/cost/throttleStatus").has("currentlyAvailable")).isTrue();
        assertThat(body.at("/extensions/cost/throttleStatus").has("restoreRate")).isTrue();
        assertThat(body.has("data")).isFalse();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castInput(Map<String, Object> wrapper) {
        return (Map<String, Object>) wrapper.get("input");
    }
}
