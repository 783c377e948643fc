package io.inventorysync.connectors.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.Scalars;
import graphql.introspection.Introspection;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLDirective;
import graphql.schema.GraphQLNonNull;
import graphql.ParseAndValidate;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import io.inventorysync.channel.ChannelApiMeters;
import io.inventorysync.channel.ratelimit.CostRateLimiter;
import io.inventorysync.connectors.shopify.sandbox.ShopifyAdminSchema2025;
import org.junit.jupiter.api.Test;

/**
 * What the client sends is valid against Shopify's own Admin schema (2025-01 introspection): queries, mutation and
 * variables, apart from the 2026 additions it must use (changeFromQuantity, @idempotent).
 */
class ShopifyRequestShapesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final GraphQLSchema shopify = ShopifyAdminSchema2025.get();
    private final ShopifyClientSettings settings = ShopifyClientSettings.builder("https://demo.myshopify.com", "t").build();
    private final ShopifyGraphQlTransport unusedTransport =
            new ShopifyGraphQlTransport(null, settings, CostRateLimiter.create(1000, 50), JSON, ChannelApiMeters.NONE);

    @Test
    void levelReadQueryIsValidAgainstShopifysSchema() {
        assertThat(ParseAndValidate.validate(shopify, Parser.parse(InventoryLevelReader.query(3)))).isEmpty();
    }

    @Test
    void levelReadVariablesAreAcceptedByShopifysSchema() {
        InventoryLevelReader reader = new InventoryLevelReader(unusedTransport, settings, JSON);
        ObjectNode variables = reader.variables(List.of(new LevelKey("gid://shopify/InventoryItem/1", "gid://shopify/Location/1"),
                new LevelKey("gid://shopify/InventoryItem/2", "gid://shopify/Location/1")));

        assertThat(execute(InventoryLevelReader.query(2), variables)).isEmpty();
    }

    @Test
    void setQuantitiesMutationIsValidAgainstShopifysSchemaWithoutTheIdempotentDirective() {
        assertThat(ParseAndValidate.validate(shopify, Parser.parse(SetQuantitiesCall.mutation(false)))).isEmpty();
    }

    @Test
    void withTheIdempotentDirectiveDeclaredAsIn2026TheMutationIsValidToo() {
        GraphQLSchema with2026Directive = shopify.transform(schema -> schema.additionalDirective(
                GraphQLDirective.newDirective().name("idempotent").validLocation(Introspection.DirectiveLocation.FIELD)
                        .argument(GraphQLArgument.newArgument().name("key").type(GraphQLNonNull.nonNull(Scalars.GraphQLString)))
                        .build()));

        assertThat(ParseAndValidate.validate(shopify, Parser.parse(SetQuantitiesCall.mutation(true))))
                .as("2025-01 does not know it yet").isNotEmpty();
        assertThat(ParseAndValidate.validate(with2026Directive, Parser.parse(SetQuantitiesCall.mutation(true)))).isEmpty();
    }

    @Test
    void mutationVariablesMatchShopifysInputTypesApartFromChangeFromQuantity() {
        SetQuantitiesCall call = new SetQuantitiesCall(unusedTransport, settings, JSON);
        ObjectNode variables = call.variables(List.of(
                new SetQuantitiesCall.Quantity(new LevelKey("gid://shopify/InventoryItem/1", "gid://shopify/Location/1"), 5, 3),
                new SetQuantitiesCall.Quantity(new LevelKey("gid://shopify/InventoryItem/2", "gid://shopify/Location/1"), 6, null)),
                "gid://inventory-sync/Sync/abc");
        variables.remove("idempotencyKey");

        List<GraphQLError> with2026Field = execute(SetQuantitiesCall.mutation(false), variables);
        variables.get("input").get("quantities").forEach(q -> ((ObjectNode) q).remove("changeFromQuantity"));
        List<GraphQLError> without = execute(SetQuantitiesCall.mutation(false), variables);

        assertThat(with2026Field).isNotEmpty().allSatisfy(e -> assertThat(e.getMessage()).contains("changeFromQuantity"));
        assertThat(without).isEmpty();
    }

    @Test
    void unknownExpectationIsSentAsAnExplicitJsonNullNotDropped() {
        SetQuantitiesCall call = new SetQuantitiesCall(unusedTransport, settings, JSON);
        JsonNode quantity = call.variables(List.of(new SetQuantitiesCall.Quantity(
                new LevelKey("gid://shopify/InventoryItem/1", "gid://shopify/Location/1"), 5, null)), "gid://x/Y/1")
                .at("/input/quantities/0");

        assertThat(quantity.has("changeFromQuantity")).isTrue();
        assertThat(quantity.get("changeFromQuantity").isNull()).isTrue();
    }

    @SuppressWarnings("unchecked")
    private List<GraphQLError> execute(String document, ObjectNode variables) {
        ExecutionResult result = GraphQL.newGraphQL(shopify).build().execute(ExecutionInput.newExecutionInput()
                .query(document).variables(JSON.convertValue(variables, Map.class)).build());
        // Shopify's schema has no resolvers here; non-null fields resolving to null are not shape errors.
        return result.getErrors().stream().filter(e -> !e.getMessage().contains("non-null")
                && !String.valueOf(e.getErrorType()).equals("NullValueInNonNullableField")).toList();
    }
}
