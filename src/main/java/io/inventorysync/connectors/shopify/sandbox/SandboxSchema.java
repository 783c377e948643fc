package io.inventorysync.connectors.shopify.sandbox;

import java.util.Locale;

import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;

/**
 * The subset of the Shopify Admin GraphQL schema (2026-xx) that inventory sync uses. Type and field names,
 * argument and field types follow Shopify's schema (checked against the 2025-01 introspection in a test); the
 * 2026 additions are {@code changeFromQuantity}, the new error codes and the {@code @idempotent} directive;
 * {@code compareQuantity}/{@code ignoreCompareQuantity} were removed in 2026-04 and are absent.
 */
final class SandboxSchema {

    static final String SDL = """
            schema {
              query: QueryRoot
              mutation: Mutation
            }

            "Makes a mutation safe to retry: a repeat with the same key and input returns the first result."
            directive @idempotent(key: String!) on FIELD

            scalar DateTime

            type QueryRoot {
              inventoryItem(id: ID!): InventoryItem
            }

            type Mutation {
              inventorySetQuantities(input: InventorySetQuantitiesInput!): InventorySetQuantitiesPayload
            }

            input InventorySetQuantitiesInput {
              reason: String!
              name: String!
              referenceDocumentUri: String
              quantities: [InventoryQuantityInput!]!
            }

            input InventoryQuantityInput {
              inventoryItemId: ID!
              locationId: ID!
              quantity: Int!
              changeFromQuantity: Int
            }

            type InventorySetQuantitiesPayload {
              inventoryAdjustmentGroup: InventoryAdjustmentGroup
              userErrors: [InventorySetQuantitiesUserError!]!
            }

            type InventorySetQuantitiesUserError {
              code: InventorySetQuantitiesUserErrorCode
              field: [String!]
              message: String!
            }

            enum InventorySetQuantitiesUserErrorCode {
              INVALID_INVENTORY_ITEM
              INVALID_LOCATION
              INVALID_QUANTITY_NEGATIVE
              INVALID_REASON
              INVALID_REFERENCE_DOCUMENT
              ITEM_NOT_STOCKED_AT_LOCATION
              INVALID_QUANTITY_TOO_HIGH
              INVALID_QUANTITY_TOO_LOW
              COMPARE_QUANTITY_REQUIRED
              COMPARE_QUANTITY_STALE
              CHANGE_FROM_QUANTITY_STALE
              INVALID_NAME
              NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR
              NON_MUTABLE_INVENTORY_ITEM
              IDEMPOTENCY_CONCURRENT_REQUEST
              IDEMPOTENCY_KEY_PARAMETER_MISMATCH
              IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED
            }

            type InventoryAdjustmentGroup {
              changes(inventoryItemIds: [ID!], locationIds: [ID!], quantityNames: [String!]): [InventoryChange!]!
              createdAt: DateTime!
              id: ID!
              reason: String!
              referenceDocumentUri: String
            }

            type InventoryChange {
              delta: Int!
              item: InventoryItem
              ledgerDocumentUri: String
              location: Location
              name: String!
              quantityAfterChange: Int
            }

            type InventoryItem {
              id: ID!
              inventoryLevel(locationId: ID!): InventoryLevel
              sku: String
              tracked: Boolean!
            }

            type InventoryLevel {
              id: ID!
              item: InventoryItem!
              location: Location!
              quantities(names: [String!]!): [InventoryQuantity!]!
              updatedAt: DateTime!
            }

            type InventoryQuantity {
              id: ID!
              name: String!
              quantity: Int!
              updatedAt: DateTime
            }

            type Location {
              id: ID!
              name: String!
            }
            """;

    private SandboxSchema() {
    }

    static GraphQLSchema build(SetQuantitiesMutation mutation, InventoryReadFetchers reads) {
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(dateTime())
                .type("Mutation", type -> type.dataFetcher("inventorySetQuantities", mutation))
                .type("QueryRoot", type -> type.dataFetcher("inventoryItem", reads.inventoryItem()))
                .type("InventoryItem", type -> type.dataFetcher("inventoryLevel", reads.inventoryLevel()))
                .type("InventoryLevel", type -> type.dataFetcher("quantities", reads.quantities()))
                .build();
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
    }

    static GraphQL graphQl(GraphQLSchema schema) {
        return GraphQL.newGraphQL(schema).build();
    }

    /** ISO-8601 strings in and out, like Shopify's DateTime. */
    private static GraphQLScalarType dateTime() {
        return GraphQLScalarType.newScalar().name("DateTime").description("An ISO-8601 date and time")
                .coercing(new Coercing<Object, String>() {
                    @Override
                    public String serialize(Object value, GraphQLContext context, Locale locale) {
                        return String.valueOf(value);
                    }

                    @Override
                    public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                        if (input instanceof String s) {
                            return s;
                        }
                        throw new CoercingParseValueException("DateTime must be a string");
                    }

                    @Override
                    public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                               Locale locale) {
                        if (input instanceof StringValue s) {
                            return s.getValue();
                        }
                        throw new CoercingParseLiteralException("DateTime must be a string");
                    }
                }).build();
    }
}
