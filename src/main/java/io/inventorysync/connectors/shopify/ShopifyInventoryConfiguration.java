package io.inventorysync.connectors.shopify;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** The options of a {@code shopify-inventory} endpoint. Each is documented where it is declared. */
@UriParams
public class ShopifyInventoryConfiguration implements Cloneable {

    @UriParam(label = "common", description = "The shop's base URL, e.g. https://my-shop.myshopify.com or a sandbox's "
            + "http://127.0.0.1:8089. Default: https://<shopName>.myshopify.com.")
    private String shopUrl;

    @UriParam(label = "security", secret = true, description = "Admin API access token (X-Shopify-Access-Token) with "
            + "the write_inventory and read_inventory scopes.")
    @Metadata(required = true)
    private String accessToken;

    @UriParam(label = "common", defaultValue = ShopifyClientSettings.DEFAULT_API_VERSION, description = "Admin API "
            + "version; 2026-01 or later (changeFromQuantity compare-and-set, @idempotent), or unstable.")
    private String apiVersion = ShopifyClientSettings.DEFAULT_API_VERSION;

    @UriParam(label = "producer", defaultValue = "250", description = "Items per inventorySetQuantities mutation, "
            + "1 to 250 (Shopify's cap on input arrays). The body is split into batches of this size.")
    private int batchSize = ShopifyClientSettings.MAX_BATCH_SIZE;

    @UriParam(label = "producer", defaultValue = "available", enums = "available,on_hand", description = "Which "
            + "quantity to set: available (sellable) or on_hand.")
    private String quantityName = "available";

    @UriParam(label = "producer", defaultValue = "correction", description = "The inventory change reason recorded "
            + "in the merchant's inventory history (one of Shopify's documented reasons).")
    private String reason = "correction";

    @UriParam(label = "producer", defaultValue = "gid://inventory-sync/Sync/", description = "Each push is recorded "
            + "with referenceDocumentUri <prefix><uuid>, visible in the merchant's inventory history.")
    private String referenceDocumentUriPrefix = "gid://inventory-sync/Sync/";

    @UriParam(label = "producer", defaultValue = "true", description = "When an item has no expectedQuantity, read the "
            + "current level first so the set is a real compare-and-set (costs about 1 + 2 per item). false sends "
            + "changeFromQuantity: null (no check).")
    private boolean readBeforeSet = true;

    @UriParam(label = "producer", defaultValue = "3", description = "How often items whose compare-and-set was stale "
            + "are re-read and re-sent within one push before they are answered RETRY.")
    private int maxCompareRounds = 3;

    @UriParam(label = "producer", defaultValue = "5", description = "In-process retries of transiently failing items "
            + "(THROTTLED, 5xx, timeout, I/O) before they are answered RETRY with the last code.")
    private int maxRetries = 5;

    @UriParam(label = "producer", defaultValue = "500", description = "First retry wait in milliseconds; grows "
            + "exponentially (randomised) and never undercuts Shopify's own wait hint (Retry-After, throttle restore time).")
    private long initialBackoff = 500;

    @UriParam(label = "producer,advanced", defaultValue = "2.0", description = "Growth factor of the retry wait.")
    private double backoffMultiplier = 2.0;

    @UriParam(label = "producer", defaultValue = "30000", description = "Longest retry wait in milliseconds computed by "
            + "the backoff (Shopify's own wait hint is honoured even if longer).")
    private long maxBackoff = 30_000;

    @UriParam(label = "producer,advanced", defaultValue = "true", description = "Send @idempotent(key:) on every mutation.")
    private boolean idempotencyKeys = true;

    @UriParam(label = "producer,advanced", defaultValue = "10000", description = "HTTP connect timeout in milliseconds.")
    private long connectTimeout = 10_000;

    @UriParam(label = "producer,advanced", defaultValue = "30000", description = "HTTP timeout of one call in milliseconds.")
    private long requestTimeout = 30_000;

    @UriParam(label = "producer,advanced", defaultValue = "1000", description = "Assumed cost bucket size until Shopify "
            + "reports the real one (every answer carries it). Only seeds the shop's shared limiter.")
    private long initialBucketSize = ShopifyInventoryClient.INITIAL_BUCKET_SIZE;

    @UriParam(label = "producer,advanced", defaultValue = "50", description = "Assumed restore rate (points per second) "
            + "until Shopify reports the real one. Only seeds the shop's shared limiter.")
    private double initialRestoreRate = ShopifyInventoryClient.INITIAL_RESTORE_RATE;

    @UriParam(label = "producer,advanced", defaultValue = "1000", description = "Shopify's single-query cost limit; "
            + "level reads are chunked below it.")
    private int maxQueryCost = 1000;

    @UriParam(label = "producer,advanced", defaultValue = "2", description = "Estimated cost of reading one level; "
            + "chunks are split further if Shopify prices a read above maxQueryCost.")
    private int readCostPerItem = 2;

    /** The client settings for {@code shopName}. */
    public ShopifyClientSettings toClientSettings(String shopName) {
        String url = shopUrl != null && !shopUrl.isBlank() ? shopUrl : "https://" + shopName + ".myshopify.com";
        return ShopifyClientSettings.builder(url, accessToken)
                .apiVersion(apiVersion)
                .batchSize(batchSize)
                .quantityName(quantityName)
                .reason(reason)
                .referenceDocumentUriPrefix(referenceDocumentUriPrefix)
                .readBeforeSet(readBeforeSet)
                .maxCompareRounds(maxCompareRounds)
                .maxQueryCost(maxQueryCost)
                .readCostPerItem(readCostPerItem)
                .idempotencyKeys(idempotencyKeys)
                .connectTimeout(java.time.Duration.ofMillis(connectTimeout))
                .requestTimeout(java.time.Duration.ofMillis(requestTimeout))
                .build();
    }

    public ShopifyInventoryConfiguration copy() {
        try {
            return (ShopifyInventoryConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getShopUrl() { return shopUrl; }
    public void setShopUrl(String shopUrl) { this.shopUrl = shopUrl; }
    public String getAccessToken() { return accessToken; }
    public void setAccessToken(String accessToken) { this.accessToken = accessToken; }
    public String getApiVersion() { return apiVersion; }
    public void setApiVersion(String apiVersion) { this.apiVersion = apiVersion; }
    public int getBatchSize() { return batchSize; }
    public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
    public String getQuantityName() { return quantityName; }
    public void setQuantityName(String quantityName) { this.quantityName = quantityName; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getReferenceDocumentUriPrefix() { return referenceDocumentUriPrefix; }
    public void setReferenceDocumentUriPrefix(String prefix) { this.referenceDocumentUriPrefix = prefix; }
    public boolean isReadBeforeSet() { return readBeforeSet; }
    public void setReadBeforeSet(boolean readBeforeSet) { this.readBeforeSet = readBeforeSet; }
    public int getMaxCompareRounds() { return maxCompareRounds; }
    public void setMaxCompareRounds(int maxCompareRounds) { this.maxCompareRounds = maxCompareRounds; }
    public int getMaxRetries() { return maxRetries; }
    public void setMaxRetries(int maxRetries) { this.maxRetries = maxRetries; }
    public long getInitialBackoff() { return initialBackoff; }
    public void setInitialBackoff(long initialBackoff) { this.initialBackoff = initialBackoff; }
    public double getBackoffMultiplier() { return backoffMultiplier; }
    public void setBackoffMultiplier(double backoffMultiplier) { this.backoffMultiplier = backoffMultiplier; }
    public long getMaxBackoff() { return maxBackoff; }
    public void setMaxBackoff(long maxBackoff) { this.maxBackoff = maxBackoff; }
    public boolean isIdempotencyKeys() { return idempotencyKeys; }
    public void setIdempotencyKeys(boolean idempotencyKeys) { this.idempotencyKeys = idempotencyKeys; }
    public long getConnectTimeout() { return connectTimeout; }
    public void setConnectTimeout(long connectTimeout) { this.connectTimeout = connectTimeout; }
    public long getRequestTimeout() { return requestTimeout; }
    public void setRequestTimeout(long requestTimeout) { this.requestTimeout = requestTimeout; }
    public long getInitialBucketSize() { return initialBucketSize; }
    public void setInitialBucketSize(long initialBucketSize) { this.initialBucketSize = initialBucketSize; }
    public double getInitialRestoreRate() { return initialRestoreRate; }
    public void setInitialRestoreRate(double initialRestoreRate) { this.initialRestoreRate = initialRestoreRate; }
    public int getMaxQueryCost() { return maxQueryCost; }
    public void setMaxQueryCost(int maxQueryCost) { this.maxQueryCost = maxQueryCost; }
    public int getReadCostPerItem() { return readCostPerItem; }
    public void setReadCostPerItem(int readCostPerItem) { this.readCostPerItem = readCostPerItem; }
}
