package io.inventorysync.connectors.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import org.junit.jupiter.api.Test;

/** The feed documents the client writes are valid against Amazon's listings-feed-schema-v2, and the schema bites. */
class ListingsFeedSchemaTest {

    private final ObjectMapper json = new ObjectMapper();
    private final JsonSchema schema = AmazonFeedSchemas.feed();
    private final ListingsFeedBuilder builder = new ListingsFeedBuilder(json, "A2EXAMPLE0SELLER", "en_US", "PRODUCT");

    private static List<FeedMessage> messages(int count) {
        List<FeedMessage> messages = new ArrayList<>();
        IntStream.rangeClosed(1, count).forEach(n -> messages.add(new FeedMessage(n, "SELLER-SKU-" + n, n % 7)));
        return messages;
    }

    @Test
    void aFeedOfOneMessageIsValidAgainstAmazonsSchema() {
        assertThat(AmazonFeedSchemas.violations(schema, builder.build(messages(1)))).isEmpty();
    }

    @Test
    void aFullFeedOf25000MessagesIsValidAgainstAmazonsSchema() throws Exception {
        byte[] document = builder.bytes(messages(AmazonClientSettings.MAX_BATCH_SIZE));

        assertThat(AmazonFeedSchemas.violations(schema, document)).isEmpty();
        assertThat(json.readTree(document).get("messages")).hasSize(25_000);
    }

    @Test
    void eachMessagePatchesTheMfnQuantityOfItsSellerSku() {
        JsonNode message = builder.build(List.of(new FeedMessage(3, "MY-SKU", 12))).at("/messages/0");

        assertThat(message.get("messageId").asInt()).isEqualTo(3);
        assertThat(message.get("sku").asText()).isEqualTo("MY-SKU");
        assertThat(message.get("operationType").asText()).isEqualTo("PATCH");
        assertThat(message.get("productType").asText()).isEqualTo("PRODUCT");
        assertThat(message.at("/patches/0/op").asText()).isEqualTo("replace");
        assertThat(message.at("/patches/0/path").asText()).isEqualTo("/attributes/fulfillment_availability");
        assertThat(message.at("/patches/0/value/0/fulfillment_channel_code").asText()).isEqualTo("DEFAULT");
        assertThat(message.at("/patches/0/value/0/quantity").asInt()).isEqualTo(12);
    }

    @Test
    void headerNamesTheSellerVersionTwoAndTheIssueLocale() {
        JsonNode header = builder.build(messages(2)).get("header");

        assertThat(header.get("sellerId").asText()).isEqualTo("A2EXAMPLE0SELLER");
        assertThat(header.get("version").asText()).isEqualTo("2.0");
        assertThat(header.get("issueLocale").asText()).isEqualTo("en_US");
    }

    @Test
    void theSchemaRefusesWhatAmazonWouldRefuseSoTheChecksAboveCanFail() {
        ObjectNode withoutProductType = builder.build(messages(1));
        ((ObjectNode) withoutProductType.at("/messages/0")).remove("productType");
        ObjectNode wrongVersion = builder.build(messages(1));
        ((ObjectNode) wrongVersion.get("header")).put("version", "1.0");
        ObjectNode patchWithAttributes = builder.build(messages(1));
        ((ObjectNode) patchWithAttributes.at("/messages/0")).putObject("attributes").put("x", 1);

        assertThat(AmazonFeedSchemas.violations(schema, withoutProductType)).isNotEmpty();
        assertThat(AmazonFeedSchemas.violations(schema, wrongVersion)).isNotEmpty();
        assertThat(AmazonFeedSchemas.violations(schema, patchWithAttributes)).isNotEmpty();
    }

    @Test
    void amazonsOwnExamplesAreValidSoTheValidatorReadsTheSchemasRight() {
        assertThat(AmazonFeedSchemas.violations(schema, AmazonFeedSchemas.example("listings-feed-schema-v2.example.json")))
                .isEmpty();
        assertThat(AmazonFeedSchemas.violations(AmazonFeedSchemas.processingReport(),
                AmazonFeedSchemas.example("listings-feed-processing-report-schema-v2.example.json"))).isEmpty();
    }
}
