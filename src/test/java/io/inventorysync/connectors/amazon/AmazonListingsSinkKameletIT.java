package io.inventorysync.connectors.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inventorysync.connectors.amazon.sandbox.AmazonSandbox;
import io.inventorysync.connectors.amazon.sandbox.AmazonSandboxSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sink kamelet as a user of an existing ESB would use it: a plain Camel context (no Spring, nothing of the
 * pack's application), the kamelet found on the classpath where the jar carries it, JSON in and JSON out. The
 * sandbox's credentials hold the characters real ones do ({@code |}, {@code +}, {@code /}, {@code =}), so they must
 * reach LWA unchanged through the kamelet's parameters.
 */
class AmazonListingsSinkKameletIT {

    static final String REFRESH_TOKEN = "Atzr|IwEBI+x/y=z-w_v";
    static final String CLIENT_SECRET = "amzn1.oa2-cs.v1.ab+cd/ef==";
    static AmazonSandbox amazon;
    final ObjectMapper json = new ObjectMapper();
    CamelContext camel;
    ProducerTemplate template;

    @BeforeAll
    static void startSandbox() {
        AmazonSandboxSettings d = AmazonSandboxSettings.defaults();
        amazon = AmazonSandbox.start(new AmazonSandboxSettings(d.sellerId(), d.marketplaceIds(), d.lwaClientId(),
                CLIENT_SECRET, REFRESH_TOKEN, d.accessTokenLifetime(), d.rateLimits().scaled(100),
                Duration.ofMillis(20), Duration.ofMillis(50), d.presignedUrlLifetime(), true, true, d.host()), 0);
    }

    @AfterAll
    static void stopSandbox() {
        amazon.close();
    }

    @BeforeEach
    void startCamel() throws Exception {
        amazon.reset();
        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:push").to("kamelet:amazon-listings-sink?sellerId=" + amazon.sellerId()
                        + "&marketplaceIds=" + amazon.marketplaceId()
                        + "&endpointUrl=" + amazon.baseUrl() + "&lwaTokenUrl=" + amazon.lwaTokenUrl()
                        + "&lwaClientId=" + amazon.lwaClientId() + "&lwaClientSecret=RAW(" + CLIENT_SECRET + ")"
                        + "&lwaRefreshToken=RAW(" + REFRESH_TOKEN + ")&feedPollInterval=20&rateLimitScale=100&batchSize=40");
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() {
        camel.stop();
    }

    private String body(int count) throws Exception {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            items.add(Map.of("sku", "ESB-" + n, "listing", Map.of("sellerSku", "AMZ-ESB-" + n), "quantity", 100 + n));
        }
        return json.writeValueAsString(items);
    }

    @Test
    void jsonListOf100IsSentAsFeedsOfTheBatchSizeAndAnsweredAsJsonOutcomes() throws Exception {
        String answer = template.requestBody("direct:push", body(100), String.class);

        JsonNode outcomes = json.readTree(answer);
        assertThat(outcomes.isArray()).as(answer).isTrue();
        assertThat(outcomes).hasSize(100);
        for (int n = 0; n < 100; n++) {
            JsonNode outcome = outcomes.get(n);
            assertThat(outcome.path("sku").asText()).isEqualTo("ESB-" + n);
            assertThat(outcome.path("status").asText()).as(outcome.toString()).isEqualTo("PUSHED");
            assertThat(outcome.path("quantity").asInt()).isEqualTo(100 + n);
        }
        IntStream.range(0, 100).forEach(n -> assertThat(amazon.quantity("AMZ-ESB-" + n)).contains(100 + n));
        assertThat(amazon.stats().feedsSubmitted()).isEqualTo(3);
        assertThat(amazon.stats().maxMessagesInOneFeed()).isEqualTo(40);
        assertThat(amazon.stats().tokenRequestsRejected()).as("credentials arrived unchanged").isZero();
        assertThat(amazon.stats().totalViolations()).isZero();
    }

    @Test
    void inboundCamelHttpHeadersNeitherRedirectThePushNorLeakPastTheSink() throws Exception {
        try (AmazonSandbox decoy = AmazonSandbox.start(0)) {
            Exchange answer = template.request("direct:push", exchange -> {
                exchange.getMessage().setBody(body(3));
                exchange.getMessage().setHeader(Exchange.HTTP_URI, decoy.baseUrl() + "/feeds/2021-06-30/documents");
                exchange.getMessage().setHeader(Exchange.HTTP_PATH, "/feeds/2021-06-30/documents");
                exchange.getMessage().setHeader("X-Correlation", "kept");
            });

            assertThat(answer.getException()).isNull();
            assertThat(decoy.stats().requests()).as("the decoy named in CamelHttpUri was never called").isZero();
            IntStream.range(0, 3).forEach(n -> assertThat(amazon.quantity("AMZ-ESB-" + n)).contains(100 + n));
            assertThat(answer.getMessage().getHeaders()).doesNotContainKeys(Exchange.HTTP_URI, Exchange.HTTP_PATH)
                    .containsEntry("X-Correlation", "kept");
        }
    }
}
