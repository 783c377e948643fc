package io.inventorysync.connectors.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inventorysync.connectors.shopify.sandbox.ShopifySandbox;
import io.inventorysync.support.TestStack;

/**
 * The sink kamelet as a user of an existing ESB would use it: a plain Camel context (no Spring, nothing of the
 * pack's application), the kamelet found on the classpath where the jar carries it, JSON in and JSON out.
 */
class ShopifyInventorySinkKameletIT {

    static final String LOCATION = "gid://shopify/Location/4242";
    final ObjectMapper json = new ObjectMapper();

    ShopifySandbox shop;
    CamelContext camel;
    ProducerTemplate template;

    @BeforeEach
    void startCamel() throws Exception {
        shop = TestStack.shopify();
        shop.reset();
        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:push").to("kamelet:shopify-inventory-sink?shopName=esb-shop&shopUrl=" + shop.baseUrl()
                        + "&accessToken=" + shop.accessToken());
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() {
        camel.stop();
    }

    private static String item(String run, int n) {
        return "gid://shopify/InventoryItem/" + Math.abs((run + n).hashCode());
    }

    private String body(String run, int count) throws Exception {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            items.add(Map.of("sku", "ESB-" + n, "listing", Map.of("inventoryItemId", item(run, n), "locationId", LOCATION),
                    "quantity", 100 + n));
        }
        return json.writeValueAsString(items);
    }

    @Test
    void jsonListOf300IsSetInMutationsOfAtMost250AndAnsweredAsJsonOutcomes() throws Exception {
        String run = UUID.randomUUID().toString();

        String answer = template.requestBody("direct:push", body(run, 300), String.class);

        JsonNode outcomes = json.readTree(answer);
        assertThat(outcomes.isArray()).as(answer).isTrue();
        assertThat(outcomes).hasSize(300);
        for (int n = 0; n < 300; n++) {
            JsonNode outcome = outcomes.get(n);
            assertThat(outcome.path("sku").asText()).isEqualTo("ESB-" + n);
            assertThat(outcome.path("status").asText()).as(outcome.toString()).isEqualTo("PUSHED");
            assertThat(outcome.path("quantity").asInt()).isEqualTo(100 + n);
        }
        IntStream.range(0, 300).forEach(n -> assertThat(shop.available(item(run, n), LOCATION)).contains(100 + n));
        assertThat(shop.stats().mutationsApplied()).isGreaterThanOrEqualTo(2);
        assertThat(shop.stats().maxQuantitiesInOneMutation()).isLessThanOrEqualTo(250);
    }

    @Test
    void inboundCamelHttpHeadersNeitherRedirectThePushNorLeakPastTheSink() throws Exception {
        String run = UUID.randomUUID().toString();
        try (ShopifySandbox decoy = ShopifySandbox.start(0)) {
            Exchange answer = template.request("direct:push", exchange -> {
                exchange.getMessage().setBody(body(run, 3));
                exchange.getMessage().setHeader(Exchange.HTTP_URI, decoy.graphqlUrl("2026-10"));
                exchange.getMessage().setHeader(Exchange.HTTP_PATH, "/admin/api/2026-10/graphql.json");
                exchange.getMessage().setHeader("X-Correlation", "kept");
            });

            assertThat(answer.getException()).isNull();
            assertThat(decoy.stats().requests()).as("the decoy named in CamelHttpUri was never called").isZero();
            IntStream.range(0, 3).forEach(n -> assertThat(shop.available(item(run, n), LOCATION)).contains(100 + n));
            assertThat(answer.getMessage().getHeaders()).doesNotContainKeys(Exchange.HTTP_URI, Exchange.HTTP_PATH)
                    .containsEntry("X-Correlation", "kept");
        }
    }
}
