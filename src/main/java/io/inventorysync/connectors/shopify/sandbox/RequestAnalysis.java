package io.inventorysync.connectors.shopify.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import graphql.language.ArrayValue;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;

/**
 * What Shopify works out about a request before running it: its requested cost (checked against the single-query
 * maximum and the bucket) and the largest array among its input arguments (checked against the 250 cap).
 *
 * <p>The cost model is a simplification of Shopify's (object 1, connection 2 + first, mutation 10): each mutation
 * field costs 10; a query costs 1 plus 2 per {@code inventoryItem} read (item + its level).
 */
record RequestAnalysis(boolean mutation, int requestedCost, List<Field> topLevelFields, LargestList largestInputList) {

    static final int MUTATION_COST = 10;
    static final int QUERY_BASE_COST = 1;
    static final int INVENTORY_ITEM_READ_COST = 2;

    /** The largest list among the input arguments, and where it is (field, argument, input keys). */
    record LargestList(int size, List<String> path) {
    }

    static Optional<RequestAnalysis> of(Document document, String operationName, Map<String, Object> variables) {
        Optional<OperationDefinition> operation = operation(document, operationName);
        if (operation.isEmpty()) {
            return Optional.empty();
        }
        boolean mutation = operation.get().getOperation() == OperationDefinition.Operation.MUTATION;
        List<Field> fields = new ArrayList<>();
        collectFields(operation.get().getSelectionSet(), document, fields);
        int cost = mutation ? 0 : QUERY_BASE_COST;
        LargestList largest = new LargestList(0, List.of());
        for (Field field : fields) {
            if (field.getName().startsWith("__")) {
                continue;
            }
            cost += mutation ? MUTATION_COST : field.getName().equals("inventoryItem") ? INVENTORY_ITEM_READ_COST : 1;
            for (var argument : field.getArguments()) {
                List<String> path = new ArrayList<>(List.of(field.getName(), argument.getName()));
                largest = larger(largest, largestIn(argument.getValue(), variables, path));
            }
        }
        return Optional.of(new RequestAnalysis(mutation, cost, fields, largest));
    }

    private static Optional<OperationDefinition> operation(Document document, String operationName) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (operationName == null || operationName.isBlank()) {
            return operations.size() == 1 ? Optional.of(operations.get(0)) : Optional.empty();
        }
        return operations.stream().filter(op -> operationName.equals(op.getName())).findFirst();
    }

    private static void collectFields(SelectionSet selectionSet, Document document, List<Field> into) {
        if (selectionSet == null) {
            return;
        }
        for (Selection<?> selection : selectionSet.getSelections()) {
            if (selection instanceof Field field) {
                into.add(field);
            } else if (selection instanceof InlineFragment fragment) {
                collectFields(fragment.getSelectionSet(), document, into);
            } else if (selection instanceof FragmentSpread spread) {
                document.getDefinitionsOfType(FragmentDefinition.class).stream()
                        .filter(definition -> definition.getName().equals(spread.getName()))
                        .findFirst()
                        .ifPresent(definition -> collectFields(definition.getSelectionSet(), document, into));
            }
        }
    }

    private static LargestList largestIn(Value<?> value, Map<String, Object> variables, List<String> path) {
        if (value instanceof VariableReference reference) {
            return largestIn(variables == null ? null : variables.get(reference.getName()), path);
        }
        LargestList largest = new LargestList(0, List.of());
        if (value instanceof ArrayValue array) {
            largest = new LargestList(array.getValues().size(), List.copyOf(path));
            for (Value<?> element : array.getValues()) {
                largest = larger(largest, largestIn(element, variables, path));
            }
        } else if (value instanceof ObjectValue object) {
            for (ObjectField field : object.getObjectFields()) {
                largest = larger(largest, largestIn(field.getValue(), variables, append(path, field.getName())));
            }
        }
        return largest;
    }

    private static LargestList largestIn(Object value, List<String> path) {
        LargestList largest = new LargestList(0, List.of());
        if (value instanceof List<?> list) {
            largest = new LargestList(list.size(), List.copyOf(path));
            for (Object element : list) {
                largest = larger(largest, largestIn(element, path));
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                largest = larger(largest, largestIn(entry.getValue(), append(path, String.valueOf(entry.getKey()))));
            }
        }
        return largest;
    }

    private static List<String> append(List<String> path, String key) {
        List<String> longer = new ArrayList<>(path);
        longer.add(key);
        return longer;
    }

    private static LargestList larger(LargestList a, LargestList b) {
        return b.size() > a.size() ? b : a;
    }
}
