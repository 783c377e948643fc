package io.inventorysync.connectors.shopify;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.inventorysync.channel.ChannelApiMeters;
import io.inventorysync.channel.ChannelClient;
import io.inventorysync.channel.ListingQuantity;
import io.inventorysync.channel.PushOutcome;
import io.inventorysync.channel.RetryableChannelException;
import io.inventorysync.channel.ratelimit.CostRateLimiter;
import io.inventorysync.channel.ratelimit.RateLimiterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets inventory quantities on one Shopify shop with {@code inventorySetQuantities}, one mutation for a whole
 * batch (up to 250 items), as a compare-and-set.
 *
 * <p>A push: items whose expected quantity is unknown are read first (one aliased query per batch) so every
 * quantity carries a real {@code changeFromQuantity}; then the mutation is sent. Shopify applies a mutation
 * entirely or not at all, so on userErrors: stale items ({@code CHANGE_FROM_QUANTITY_STALE},
 * {@code COMPARE_QUANTITY_STALE}, {@code COMPARE_QUANTITY_REQUIRED}) are re-read and re-sent, up to
 * {@code maxCompareRounds} times; items with any other code are REJECTED with Shopify's code; the rest go again in a
 * new mutation. So one push can make more than one call (contrary to the plain {@link ChannelClient} contract):
 * reads, and one mutation per round.
 *
 * <p>Every call first waits in the shop's {@link CostRateLimiter} for its cost, and re-aligns it to Shopify's
 * reported bucket afterwards. A whole-call transient failure (THROTTLED as HTTP 200 or 429, 5xx, timeout, I/O) is
 * thrown as {@link RetryableChannelException} if nothing was decided yet, otherwise the undecided items come back as
 * RETRY with that code. A call Shopify refuses as a whole for a reason retrying cannot fix (401 bad token, 403
 * missing scope, an invalid query) rejects every undecided item with that code ({@code UNAUTHORIZED},
 * {@code FORBIDDEN}, ...): retrying would only spend the budget and delay the other items; the dead letters are
 * replayable once the token is fixed.
 *
 * <p>Outcomes are returned one per input item, in input order. Thread-safe.
 */
public final class ShopifyInventoryClient implements ChannelClient {

    private static final Logger LOG = LoggerFactory.getLogger(ShopifyInventoryClient.class);
    private static final Set<String> STALE_CODES =
            Set.of("CHANGE_FROM_QUANTITY_STALE", "COMPARE_QUANTITY_STALE", "COMPARE_QUANTITY_REQUIRED");
    /** Shopify's historic default bucket; replaced by the real figures after the first answer. */
    public static final long INITIAL_BUCKET_SIZE = 1000;
    public static final double INITIAL_RESTORE_RATE = 50;

    private final ShopifyClientSettings settings;
    private final InventoryLevelReader reader;
    private final SetQuantitiesCall mutation;

    public ShopifyInventoryClient(ShopifyClientSettings settings, CostRateLimiter limiter) {
        this(settings, limiter, HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build());
    }

    /** Counting its API calls in {@code meters}. */
    public ShopifyInventoryClient(ShopifyClientSettings settings, CostRateLimiter limiter, ChannelApiMeters meters) {
        this(settings, limiter, HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build(), meters);
    }

    public ShopifyInventoryClient(ShopifyClientSettings settings, CostRateLimiter limiter, HttpClient httpClient) {
        this(settings, limiter, httpClient, ChannelApiMeters.NONE);
    }

    public ShopifyInventoryClient(ShopifyClientSettings settings, CostRateLimiter limiter, HttpClient httpClient,
            ChannelApiMeters meters) {
        this.settings = settings;
        ObjectMapper json = new ObjectMapper();
        ShopifyGraphQlTransport transport = new ShopifyGraphQlTransport(httpClient, settings, limiter, json, meters);
        this.reader = new InventoryLevelReader(transport, settings, json);
        this.mutation = new SetQuantitiesCall(transport, settings, json);
    }

    /** A client whose limiter is the shop's shared one in {@code registry} (key {@code shopify:<shop>:graphql}). */
    public static ShopifyInventoryClient create(ShopifyClientSettings settings, RateLimiterRegistry registry, String shop) {
        return create(settings, registry, shop, ChannelApiMeters.NONE);
    }

    /** {@link #create(ShopifyClientSettings, RateLimiterRegistry, String)}, counting its API calls in {@code meters}. */
    public static ShopifyInventoryClient create(ShopifyClientSettings settings, RateLimiterRegistry registry, String shop,
            ChannelApiMeters meters) {
        return new ShopifyInventoryClient(settings, registry.limiter(RateLimiterRegistry.shopifyGraphqlKey(shop),
                INITIAL_BUCKET_SIZE, INITIAL_RESTORE_RATE), meters);
    }

    @Override
    public int maxBatchSize() {
        return settings.batchSize();
    }

    @Override
    public List<PushOutcome> push(List<ListingQuantity> batch) throws RetryableChannelException {
        if (batch.size() > maxBatchSize()) {
            throw new IllegalArgumentException("batch of " + batch.size() + " exceeds " + maxBatchSize());
        }
        Push push = new Push(batch);
        push.run();
        return push.outcomes();
    }

    /**
     * What the shop shows now for each item, by SKU (one aliased query per chunk, no mutation). Items without listing
     * ids, or whose level does not exist, are absent. A read Shopify refuses as a whole (bad token, missing scope)
     * is thrown as {@link IllegalStateException} with Shopify's code.
     */
    public Map<String, Integer> readQuantities(List<ListingQuantity> items) throws RetryableChannelException {
        Map<String, LevelKey> keys = new LinkedHashMap<>();
        items.forEach(item -> LevelKey.of(item).ifPresent(key -> keys.put(item.sku(), key)));
        Map<LevelKey, Integer> current;
        try {
            current = reader.read(List.copyOf(keys.values()));
        } catch (ShopifyCallRejectedException e) {
            throw new IllegalStateException("Shopify refused the read: " + e.code() + " " + e.getMessage(), e);
        }
        Map<String, Integer> shown = new HashMap<>();
        keys.forEach((sku, key) -> {
            Integer quantity = current.get(key);
            if (quantity != null) {
                shown.put(sku, quantity);
            }
        });
        return shown;
    }

    /** The state of one push: what is still undecided, and the outcome of each input item. */
    private final class Push {
        private final List<ListingQuantity> batch;
        private final PushOutcome[] outcomes;
        private final Map<Integer, Integer> supersededBy = new HashMap<>();
        private final List<Pending> pending = new ArrayList<>();
        private final String referenceDocumentUri = settings.referenceDocumentUriPrefix() + UUID.randomUUID();

        Push(List<ListingQuantity> batch) {
            this.batch = batch;
            this.outcomes = new PushOutcome[batch.size()];
        }

        void run() throws RetryableChannelException {
            collectPending();
            try {
                prepareCompareValues();
                sendRounds();
            } catch (RetryableChannelException e) {
                if (Arrays.stream(outcomes).allMatch(Objects::isNull)) {
                    throw e; // nothing decided yet: the whole call failed, the caller retries the batch
                }
                pending.forEach(p -> decide(p, PushOutcome.retry(p.item, e.code(), e.getMessage(), e.retryAfterMs())));
                pending.clear();
            } catch (ShopifyCallRejectedException e) {
                LOG.error("Shopify refused a call for {} item(s) on {}: {} {}", pending.size(), settings.shopUrl(),
                        e.code(), e.getMessage());
                pending.forEach(p -> decide(p, PushOutcome.rejected(p.item, e.code(), e.getMessage())));
                pending.clear();
            }
        }

        /** Items without listing ids are rejected here; of two items for one level the last one wins. */
        private void collectPending() {
            Map<LevelKey, Integer> lastIndex = new LinkedHashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                Optional<LevelKey> key = LevelKey.of(batch.get(i));
                if (key.isEmpty()) {
                    outcomes[i] = PushOutcome.rejected(batch.get(i), "MISSING_LISTING_ID",
                            "listing needs inventoryItemId and locationId for Shopify");
                    continue;
                }
                Integer previous = lastIndex.put(key.get(), i);
                if (previous != null) {
                    supersededBy.put(previous, i);
                }
            }
            lastIndex.forEach((key, index) -> pending.add(new Pending(index, batch.get(index), key)));
        }

        private void prepareCompareValues() throws RetryableChannelException, ShopifyCallRejectedException {
            List<LevelKey> unknown = new ArrayList<>();
            for (Pending p : pending) {
                p.changeFrom = p.item.expectedQuantity();
                if (p.changeFrom == null && settings.readBeforeSet()) {
                    unknown.add(p.key);
                }
            }
            if (!unknown.isEmpty()) {
                Map<LevelKey, Integer> current = reader.read(unknown);
                for (Pending p : pending) {
                    if (p.changeFrom == null) {
                        p.changeFrom = current.get(p.key); // null: the level does not exist; Shopify will say why
                    }
                }
            }
        }

        private void sendRounds() throws RetryableChannelException, ShopifyCallRejectedException {
            int compareRounds = 0;
            while (!pending.isEmpty()) {
                List<SetQuantitiesCall.Quantity> quantities = pending.stream()
                        .map(p -> new SetQuantitiesCall.Quantity(p.key, p.item.quantity(), p.changeFrom)).toList();
                List<SetQuantitiesCall.UserError> errors = mutation.send(quantities, referenceDocumentUri);
                if (errors.isEmpty()) {
                    pending.forEach(p -> decide(p, pushedOutcome(p)));
                    pending.clear();
                    return;
                }
                Optional<SetQuantitiesCall.UserError> general = errors.stream().filter(e -> e.quantityIndex() < 0).findFirst();
                if (general.isPresent()) {
                    // e.g. INVALID_REASON / INVALID_NAME: a configuration problem that concerns every item
                    pending.forEach(p -> decide(p, PushOutcome.rejected(p.item, general.get().code(), general.get().message())));
                    pending.clear();
                    return;
                }
                List<Pending> stale = new ArrayList<>();
                List<Pending> settled = new ArrayList<>();
                for (SetQuantitiesCall.UserError error : errors) {
                    Pending p = pending.get(error.quantityIndex());
                    if (settled.contains(p) || stale.contains(p)) {
                        continue;
                    }
                    if (STALE_CODES.contains(error.code())) {
                        p.lastStaleCode = error.code();
                        p.lastStaleMessage = error.message();
                        stale.add(p);
                    } else {
                        decide(p, PushOutcome.rejected(p.item, error.code(), error.message()));
                        settled.add(p);
                    }
                }
                pending.removeAll(settled);
                stale.removeIf(settled::contains);
                if (!stale.isEmpty()) {
                    if (compareRounds >= settings.maxCompareRounds()) {
                        int rounds = compareRounds;
                        stale.forEach(p -> decide(p, PushOutcome.retry(p.item, p.lastStaleCode,
                                "still stale after " + rounds + " re-reads: " + p.lastStaleMessage, null)));
                        pending.removeAll(stale);
                    } else {
                        compareRounds++;
                        Map<LevelKey, Integer> current = reader.read(stale.stream().map(p -> p.key).toList());
                        for (Pending p : stale) {
                            p.channelShowedBeforeUs = current.get(p.key);
                            p.changeFrom = current.get(p.key);
                        }
                    }
                }
            }
        }

        private PushOutcome pushedOutcome(Pending p) {
            if (p.lastStaleCode == null) {
                return PushOutcome.pushed(p.item);
            }
            return new PushOutcome(p.item.sku(), PushOutcome.Status.PUSHED, p.item.quantity(), null,
                    "the channel had changed concurrently (it showed " + p.channelShowedBeforeUs
                            + "); set after re-reading", null);
        }

        private void decide(Pending p, PushOutcome outcome) {
            outcomes[p.index] = outcome;
        }

        List<PushOutcome> outcomes() {
            supersededBy.forEach((earlier, later) -> {
                int winner = later;
                while (supersededBy.containsKey(winner)) {
                    winner = supersededBy.get(winner);
                }
                PushOutcome final_ = outcomes[winner];
                outcomes[earlier] = new PushOutcome(batch.get(earlier).sku(), final_.status(), final_.quantity(),
                        final_.code(), "superseded by a later item for the same level in this batch", final_.retryAfterMs());
            });
            return List.of(outcomes);
        }
    }

    private static final class Pending {
        final int index;
        final ListingQuantity item;
        final LevelKey key;
        Integer changeFrom;
        Integer channelShowedBeforeUs;
        String lastStaleCode;
        String lastStaleMessage;

        Pending(int index, ListingQuantity item, LevelKey key) {
            this.index = index;
            this.item = item;
            this.key = key;
        }
    }
}
