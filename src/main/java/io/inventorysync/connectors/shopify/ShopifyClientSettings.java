package io.inventorysync.connectors.shopify;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything a {@link ShopifyInventoryClient} needs to know about one shop. Build with
 * {@link #builder(String, String)}; every other value has a default.
 *
 * @param shopUrl                    the shop's base URL ({@code https://<shop>.myshopify.com}, or a sandbox's URL)
 * @param accessToken                Admin API access token (scopes {@code write_inventory}, {@code read_inventory})
 * @param apiVersion                 Admin API version, {@code 2026-01} or later (changeFromQuantity and @idempotent
 *                                   exist from 2026-01), or {@code unstable}
 * @param batchSize                  items per mutation, 1..250 (Shopify's input array cap)
 * @param quantityName               the quantity set: {@code available} or {@code on_hand}
 * @param reason                     the inventory change reason shown in the merchant's history
 * @param referenceDocumentUriPrefix each push is recorded as {@code <prefix><uuid>}
 * @param readBeforeSet              when an item's expected quantity is unknown, read the current level first so the
 *                                   set is a true compare-and-set; false = send an explicit null (no check)
 * @param maxCompareRounds           how many times stale compare-and-set items are re-read and re-sent in one push
 * @param maxQueryCost               Shopify's single-query cost limit; level reads are chunked to stay under it
 * @param readCostPerItem            estimated cost of reading one item's level (chunks adapt if Shopify disagrees)
 * @param idempotencyKeys            send {@code @idempotent(key:)} on every mutation
 * @param connectTimeout             HTTP connect timeout
 * @param requestTimeout             HTTP timeout per call
 */
public record ShopifyClientSettings(URI shopUrl, String accessToken, String apiVersion, int batchSize,
                                    String quantityName, String reason, String referenceDocumentUriPrefix,
                                    boolean readBeforeSet, int maxCompareRounds, int maxQueryCost,
                                    int readCostPerItem, boolean idempotencyKeys, Duration connectTimeout,
                                    Duration requestTimeout) {

    public static final int MAX_BATCH_SIZE = 250;
    public static final String DEFAULT_API_VERSION = "2026-10";
    private static final Pattern VERSION = Pattern.compile("(\\d{4})-(\\d{2})|unstable");

    public ShopifyClientSettings {
        Objects.requireNonNull(shopUrl, "shopUrl");
        if (accessToken == null || accessToken.isBlank()) {
            throw new IllegalArgumentException("accessToken is required");
        }
        var version = VERSION.matcher(String.valueOf(apiVersion));
        if (!version.matches() || (!"unstable".equals(apiVersion) && apiVersion.compareTo("2026-01") < 0)) {
            throw new IllegalArgumentException("apiVersion must be 2026-01 or later (changeFromQuantity), or unstable: "
                    + apiVersion);
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("batchSize must be 1.." + MAX_BATCH_SIZE + ": " + batchSize);
        }
        if (!"available".equals(quantityName) && !"on_hand".equals(quantityName)) {
            throw new IllegalArgumentException("quantityName must be available or on_hand: " + quantityName);
        }
        if (maxCompareRounds < 0 || maxQueryCost < 3 || readCostPerItem < 1) {
            throw new IllegalArgumentException("maxCompareRounds >= 0, maxQueryCost >= 3, readCostPerItem >= 1");
        }
    }

    /** {@code shopUrl} may omit the scheme ({@code my-shop.myshopify.com} means https). */
    public static Builder builder(String shopUrl, String accessToken) {
        return new Builder(shopUrl, accessToken);
    }

    /** The GraphQL endpoint, {@code <shopUrl>/admin/api/<version>/graphql.json}. */
    public URI graphqlEndpoint() {
        String base = shopUrl.toString().replaceAll("/+$", "");
        return URI.create(base + "/admin/api/" + apiVersion + "/graphql.json");
    }

    public static final class Builder {
        private final String shopUrl;
        private final String accessToken;
        private String apiVersion = DEFAULT_API_VERSION;
        private int batchSize = MAX_BATCH_SIZE;
        private String quantityName = "available";
        private String reason = "correction";
        private String referenceDocumentUriPrefix = "gid://inventory-sync/Sync/";
        private boolean readBeforeSet = true;
        private int maxCompareRounds = 3;
        private int maxQueryCost = 1000;
        private int readCostPerItem = 2;
        private boolean idempotencyKeys = true;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);

        private Builder(String shopUrl, String accessToken) {
            this.shopUrl = shopUrl;
            this.accessToken = accessToken;
        }

        public Builder apiVersion(String value) { this.apiVersion = value; return this; }
        public Builder batchSize(int value) { this.batchSize = value; return this; }
        public Builder quantityName(String value) { this.quantityName = value; return this; }
        public Builder reason(String value) { this.reason = value; return this; }
        public Builder referenceDocumentUriPrefix(String value) { this.referenceDocumentUriPrefix = value; return this; }
        public Builder readBeforeSet(boolean value) { this.readBeforeSet = value; return this; }
        public Builder maxCompareRounds(int value) { this.maxCompareRounds = value; return this; }
        public Builder maxQueryCost(int value) { this.maxQueryCost = value; return this; }
        public Builder readCostPerItem(int value) { this.readCostPerItem = value; return this; }
        public Builder idempotencyKeys(boolean value) { this.idempotencyKeys = value; return this; }
        public Builder connectTimeout(Duration value) { this.connectTimeout = value; return this; }
        public Builder requestTimeout(Duration value) { this.requestTimeout = value; return this; }

        public ShopifyClientSettings build() {
            Objects.requireNonNull(shopUrl, "shopUrl");
            String url = shopUrl.contains("://") ? shopUrl : "https://" + shopUrl;
            return new ShopifyClientSettings(URI.create(url), accessToken, apiVersion, batchSize, quantityName, reason,
                    referenceDocumentUriPrefix, readBeforeSet, maxCompareRounds, maxQueryCost, readCostPerItem,
                    idempotencyKeys, connectTimeout, requestTimeout);
        }
    }
}
