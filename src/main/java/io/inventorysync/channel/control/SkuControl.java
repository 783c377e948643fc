package io.inventorysync.channel.control;

/** An operator's control on one listing: paused (not pushed) and/or an extra buffer of units held back. */
public record SkuControl(String sku, boolean paused, int buffer) {
}
