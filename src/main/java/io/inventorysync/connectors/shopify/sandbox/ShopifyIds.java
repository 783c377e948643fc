package io.inventorysync.connectors.shopify.sandbox;

import java.util.regex.Pattern;

/** Shopify global ids ({@code gid://shopify/<Type>/<number>}) of the types the sandbox stores. */
final class ShopifyIds {

    private static final Pattern INVENTORY_ITEM = Pattern.compile("gid://shopify/InventoryItem/\\d+");
    private static final Pattern LOCATION = Pattern.compile("gid://shopify/Location/\\d+");

    private ShopifyIds() {
    }

    static boolean isInventoryItem(String id) {
        return id != null && INVENTORY_ITEM.matcher(id).matches();
    }

    static boolean isLocation(String id) {
        return id != null && LOCATION.matcher(id).matches();
    }

    static String numericPart(String gid) {
        int slash = gid.lastIndexOf('/');
        return slash < 0 ? gid : gid.substring(slash + 1);
    }
}
