package io.inventorysync.connectors.shopify.sandbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import graphql.execution.directives.QueryAppliedDirective;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;

/**
 * {@code inventorySetQuantities} with the 2026-04+ semantics: every quantity must carry {@code changeFromQuantity}
 * (an integer to compare-and-set, or an explicit null to skip the check); any user error means nothing is applied.
 * Messages are written after Shopify's wording where it is known, otherwise plainly.
 */
final class SetQuantitiesMutation implements DataFetcher<Map<String, Object>> {

    static final Set<String> SETTABLE_NAMES = Set.of("available", "on_hand");
    /** The documented reasons (API-FACTS §1.5). */
    static final Set<String> REASONS = Set.of("correction", "cycle_count_available", "damaged", "movement_created",
            "movement_updated", "movement_received", "movement_canceled", "other", "promotion", "quality_control",
            "received", "reservation_created", "reservation_deleted", "reservation_updated", "restock", "safety_stock",
            "shrinkage");
    static final int MAX_QUANTITY = 1_000_000_000;

    private final InventoryStore store;
    private final IdempotencyCache idempotency;
    private final RequestCounters counters;
    private final Clock clock;
    private final AtomicLong adjustmentGroupIds = new AtomicLong(1);
    private final ObjectMapper canonicalJson = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    SetQuantitiesMutation(InventoryStore store, IdempotencyCache idempotency, RequestCounters counters, Clock clock) {
        this.store = store;
        this.idempotency = idempotency;
        this.counters = counters;
        this.clock = clock;
    }

    @Override
    public synchronized Map<String, Object> get(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        Optional<String> key = idempotencyKey(env);
        String fingerprint = fingerprint(input);
        if (key.isPresent()) {
            Optional<IdempotencyCache.Entry> previous = idempotency.find(key.get());
            if (previous.isPresent()) {
                if (previous.get().inputFingerprint().equals(fingerprint)) {
                    return previous.get().payload();
                }
                counters.mutationsWithUserErrors.incrementAndGet();
                return payload(null, List.of(new UserError(List.of("input"),
                        "The idempotency key was already used with different parameters.",
                        "IDEMPOTENCY_KEY_PARAMETER_MISMATCH")));
            }
        }
        Map<String, Object> payload = apply(input);
        if (key.isPresent() && payload.get("inventoryAdjustmentGroup") != null) {
            idempotency.remember(key.get(), fingerprint, payload);
        }
        return payload;
    }

    private Map<String, Object> apply(Map<String, Object> input) {
        String name = (String) input.get("name");
        String reason = (String) input.get("reason");
        String referenceDocumentUri = (String) input.get("referenceDocumentUri");
        List<UserError> errors = new ArrayList<>();
        if (!SETTABLE_NAMES.contains(name)) {
            errors.add(UserError.onInput("name", "INVALID_NAME",
                    "The quantity name must be either 'available' or 'on_hand'."));
        }
        if (!REASONS.contains(reason)) {
            errors.add(UserError.onInput("reason", "INVALID_REASON", "The specified reason is invalid. Valid values: "
                    + String.join(", ", REASONS.stream().sorted().toList()) + "."));
        }
        if (referenceDocumentUri != null && !isAbsoluteUri(referenceDocumentUri)) {
            errors.add(UserError.onInput("referenceDocumentUri", "INVALID_REFERENCE_DOCUMENT",
                    "The reference document URI is invalid."));
        }
        List<QuantityInput> quantities = quantities(input, errors);
        if (!errors.isEmpty() || !SETTABLE_NAMES.contains(name)) {
            counters.mutationsWithUserErrors.incrementAndGet();
            return payload(null, errors);
        }
        List<AppliedChange> changes = store.setQuantities(name, quantities, errors);
        if (!errors.isEmpty()) {
            counters.mutationsWithUserErrors.incrementAndGet();
            return payload(null, errors);
        }
        counters.mutationsApplied.incrementAndGet();
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("id", "gid://shopify/InventoryAdjustmentGroup/" + adjustmentGroupIds.getAndIncrement());
        group.put("createdAt", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        group.put("reason", reason);
        group.put("referenceDocumentUri", referenceDocumentUri);
        group.put("changes", changes.stream().map(AppliedChange::toGraphQl).toList());
        return payload(group, List.of());
    }

    @SuppressWarnings("unchecked")
    private static List<QuantityInput> quantities(Map<String, Object> input, List<UserError> errors) {
        List<Map<String, Object>> raw = (List<Map<String, Object>>) input.get("quantities");
        List<QuantityInput> result = new ArrayList<>(raw.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            Map<String, Object> q = raw.get(i);
            String item = String.valueOf(q.get("inventoryItemId"));
            String location = String.valueOf(q.get("locationId"));
            int quantity = (Integer) q.get("quantity");
            boolean changeFromGiven = q.containsKey("changeFromQuantity");
            Integer changeFrom = (Integer) q.get("changeFromQuantity");
            if (quantity < 0) {
                errors.add(UserError.onQuantity(i, "quantity", "INVALID_QUANTITY_NEGATIVE",
                        "The quantity can't be negative."));
            } else if (quantity > MAX_QUANTITY) {
                errors.add(UserError.onQuantity(i, "quantity", "INVALID_QUANTITY_TOO_HIGH",
                        "The quantity can't be higher than 1,000,000,000."));
            }
            if (!changeFromGiven) {
                errors.add(UserError.onQuantity(i, "changeFromQuantity", "COMPARE_QUANTITY_REQUIRED",
                        "The changeFromQuantity argument must be passed, either as the expected current quantity "
                                + "or as null to skip the check."));
            }
            if (!seen.add(item + "\n" + location)) {
                errors.add(new UserError(List.of("input", "quantities", String.valueOf(i)),
                        "The combination of inventoryItemId and locationId must be unique.",
                        "NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR"));
            }
            result.add(new QuantityInput(i, item, location, quantity, changeFromGiven, changeFrom));
        }
        return result;
    }

    private static Optional<String> idempotencyKey(DataFetchingEnvironment env) {
        List<QueryAppliedDirective> directives = env.getQueryDirectives().getImmediateAppliedDirective("idempotent");
        if (directives == null || directives.isEmpty()) {
            return Optional.empty();
        }
        Object key = directives.get(0).getArgument("key").getValue();
        return Optional.ofNullable(key).map(String::valueOf);
    }

    private String fingerprint(Map<String, Object> input) {
        try {
            return canonicalJson.writeValueAsString(input);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isAbsoluteUri(String value) {
        try {
            return new URI(value).getScheme() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Map<String, Object> payload(Map<String, Object> group, List<UserError> errors) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("inventoryAdjustmentGroup", group);
        payload.put("userErrors", errors.stream().map(UserError::toGraphQl).toList());
        return payload;
    }
}
