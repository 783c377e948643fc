package io.inventorysync.connectors.shopify;

import org.apache.camel.spi.Metadata;

/** Headers the {@code shopify-inventory} producer sets on its answer. */
public final class ShopifyInventoryConstants {

    @Metadata(description = "How many items Shopify now shows with the requested quantity (status PUSHED).", javaType = "int")
    public static final String PUSHED_COUNT = "CamelShopifyInventoryPushedCount";

    @Metadata(description = "How many items are still failing transiently after all retries (status RETRY): send them again later.",
              javaType = "int")
    public static final String RETRY_COUNT = "CamelShopifyInventoryRetryCount";

    @Metadata(description = "How many items Shopify rejected for good (status REJECTED, e.g. INVALID_INVENTORY_ITEM, UNAUTHORIZED): dead letters.",
              javaType = "int")
    public static final String REJECTED_COUNT = "CamelShopifyInventoryRejectedCount";

    @Metadata(description = "How many batches (mutations before compare-and-set rounds) the body was split into.", javaType = "int")
    public static final String BATCH_COUNT = "CamelShopifyInventoryBatchCount";

    private ShopifyInventoryConstants() {
    }
}
