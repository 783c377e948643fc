package io.inventorysync.connectors.shopify.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import org.junit.jupiter.api.Test;

/** The sandbox's schema is a faithful subset of Shopify's: same names, same types, only the known 2026 additions. */
class SandboxSchemaConformanceTest {

    /** Added after 2025-01 (API-FACTS §1.2): allowed to be missing from the 2025-01 introspection. */
    private static final Set<String> ADDED_IN_2026 = Set.of(
            "InventoryQuantityInput.changeFromQuantity",
            "InventorySetQuantitiesUserErrorCode.CHANGE_FROM_QUANTITY_STALE",
            "InventorySetQuantitiesUserErrorCode.IDEMPOTENCY_CONCURRENT_REQUEST",
            "InventorySetQuantitiesUserErrorCode.IDEMPOTENCY_KEY_PARAMETER_MISMATCH",
            "InventorySetQuantitiesUserErrorCode.IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED");
    /** Removed in 2026-04: allowed to be missing from the sandbox although Shopify 2025-01 has them. */
    private static final Set<String> REMOVED_IN_2026 = Set.of(
            "InventorySetQuantitiesInput.ignoreCompareQuantity", "InventoryQuantityInput.compareQuantity");

    private final GraphQLSchema shopify = ShopifyAdminSchema2025.get();
    private final GraphQLSchema sandbox = sandboxSchema();

    @Test
    void everySandboxTypeFieldAndArgumentExistsInShopifysSchemaWithTheSameType() {
        List<String> differences = new ArrayList<>();
        for (GraphQLNamedType type : sandbox.getAllTypesAsList()) {
            if (type.getName().startsWith("__") || Set.of("String", "Int", "Boolean", "ID", "Float").contains(type.getName())) {
                continue;
            }
            GraphQLNamedType official = (GraphQLNamedType) shopify.getType(type.getName());
            if (official == null) {
                differences.add("type " + type.getName() + " is not in Shopify's schema");
                continue;
            }
            assertThat(official.getClass()).as(type.getName()).isEqualTo(type.getClass());
            if (type instanceof GraphQLObjectType object) {
                compareObject(object, (GraphQLObjectType) official, differences);
            } else if (type instanceof GraphQLInputObjectType input) {
                compareInput(input, (GraphQLInputObjectType) official, differences);
            } else if (type instanceof GraphQLEnumType enumType) {
                for (GraphQLEnumValueDefinition value : enumType.getValues()) {
                    if (((GraphQLEnumType) official).getValue(value.getName()) == null
                            && !ADDED_IN_2026.contains(type.getName() + "." + value.getName())) {
                        differences.add("enum value " + type.getName() + "." + value.getName() + " is not Shopify's");
                    }
                }
            }
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void rootFieldsAreShopifysRootFields() {
        assertThat(sandbox.getQueryType().getName()).isEqualTo(shopify.getQueryType().getName());
        assertThat(sandbox.getMutationType().getName()).isEqualTo(shopify.getMutationType().getName());
        List<String> differences = new ArrayList<>();
        compareObject(sandbox.getQueryType(), shopify.getQueryType(), differences);
        compareObject(sandbox.getMutationType(), shopify.getMutationType(), differences);
        assertThat(differences).isEmpty();
    }

    @Test
    void theSandboxDoesNotSilentlyAddFieldsOrValuesThatShopifyLacks() {
        // Proves the comparison above can fail: an invented field is reported.
        GraphQLObjectType invented = GraphQLObjectType.newObject(sandbox.getObjectType("InventoryItem"))
                .field(GraphQLFieldDefinition.newFieldDefinition().name("stockMood").type(graphql.Scalars.GraphQLString))
                .build();
        List<String> differences = new ArrayList<>();
        compareObject(invented, shopify.getObjectType("InventoryItem"), differences);
        assertThat(differences).containsExactly("field InventoryItem.stockMood is not Shopify's");
    }

    private static void compareObject(GraphQLObjectType sandbox, GraphQLObjectType official, List<String> differences) {
        for (GraphQLFieldDefinition field : sandbox.getFieldDefinitions()) {
            GraphQLFieldDefinition theirs = official.getFieldDefinition(field.getName());
            String where = sandbox.getName() + "." + field.getName();
            if (theirs == null) {
                differences.add("field " + where + " is not Shopify's");
                continue;
            }
            sameType(where, field.getType(), theirs.getType(), differences);
            field.getArguments().forEach(argument -> {
                var theirArgument = theirs.getArgument(argument.getName());
                if (theirArgument == null) {
                    differences.add("argument " + where + "(" + argument.getName() + ") is not Shopify's");
                } else {
                    sameType(where + "(" + argument.getName() + ")", argument.getType(), theirArgument.getType(), differences);
                }
            });
        }
    }

    private static void compareInput(GraphQLInputObjectType sandbox, GraphQLInputObjectType official, List<String> differences) {
        for (GraphQLInputObjectField field : sandbox.getFieldDefinitions()) {
            String where = sandbox.getName() + "." + field.getName();
            GraphQLInputObjectField theirs = official.getFieldDefinition(field.getName());
            if (theirs == null) {
                if (!ADDED_IN_2026.contains(where)) {
                    differences.add("input field " + where + " is not Shopify's");
                }
            } else {
                sameType(where, field.getType(), theirs.getType(), differences);
            }
        }
        for (GraphQLInputObjectField theirs : official.getFieldDefinitions()) {
            String where = official.getName() + "." + theirs.getName();
            if (sandbox.getFieldDefinition(theirs.getName()) == null && !REMOVED_IN_2026.contains(where)) {
                differences.add("input field " + where + " of Shopify's is missing from the sandbox"
                        + (theirs.getType() instanceof GraphQLNonNull ? " (and it is required)" : ""));
            }
        }
    }

    private static void sameType(String where, graphql.schema.GraphQLType ours, graphql.schema.GraphQLType theirs,
                                 List<String> differences) {
        String a = GraphQLTypeUtil.simplePrint(ours);
        String b = GraphQLTypeUtil.simplePrint(theirs);
        if (!a.equals(b)) {
            differences.add(where + " is " + a + " here but " + b + " in Shopify's schema");
        }
    }

    private static GraphQLSchema sandboxSchema() {
        InventoryStore store = new InventoryStore(true, Clock.systemUTC());
        return SandboxSchema.build(
                new SetQuantitiesMutation(store, new IdempotencyCache(), new RequestCounters(), Clock.systemUTC()),
                new InventoryReadFetchers(store));
    }
}
