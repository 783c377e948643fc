package io.inventorysync.channel.control;

import java.util.Optional;

/**
 * The protective action of alert escalation ("publish limited availability"): while engaged on a channel, every
 * listing of that channel whose quantity is below the threshold is published as 0, so a channel whose sync is broken
 * cannot oversell its scarce SKUs. Engaging and lifting are logged and recorded; lifting re-publishes the true
 * quantities. Idempotent: engaging an engaged channel updates its reason, lifting a free one does nothing.
 */
public interface LimitedAvailability {

    /** @param belowQuantity listings showing fewer units than this are published as 0 */
    void engage(String channel, int belowQuantity, String reason);

    void lift(String channel, String reason);

    /** The threshold in force on the channel, if engaged. */
    Optional<Integer> engaged(String channel);
}
