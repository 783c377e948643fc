package io.inventorysync.channel.control;

import java.time.Instant;

/** One audited control change: who did what to which channel (and SKU), when and why. */
public record ControlChange(long id, String channel, String sku, String action, String detail, String actor,
        String reason, Instant at) {
}
