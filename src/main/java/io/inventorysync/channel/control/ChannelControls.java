package io.inventorysync.channel.control;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import io.inventorysync.channel.ListingStore;
import io.inventorysync.mapping.SkuMappings;

/**
 * The operator's controls over what reaches a channel: pause a channel or one SKU, hold back extra units of a SKU,
 * publish limited availability, run a channel in shadow mode (nothing pushed), and sync now. The ledger's desired
 * quantity is never touched: the controls apply when a dispatcher claims a listing
 * ({@link ListingStore#claim}), and each change requests a push of the listings it affects, so the channel
 * follows in both directions. Every change is logged and audited in the same transaction as the change itself.
 */
public class ChannelControls implements LimitedAvailability {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelControls.class);
    /** Who acts when the protective action (alert escalation) engages or lifts limited availability. */
    public static final String PROTECTIVE_ACTION = "protective-action";

    private final ChannelControlStore store;
    private final ListingStore listings;
    private final TransactionTemplate tx;
    private final Set<String> channels;
    private final SkuMappings mappings;
    private final int historyShown;

    public ChannelControls(ChannelControlStore store, ListingStore listings, TransactionTemplate tx, Set<String> channels,
            SkuMappings mappings, int historyShown) {
        this.store = store;
        this.listings = listings;
        this.tx = tx;
        this.channels = Set.copyOf(channels);
        this.mappings = mappings;
        this.historyShown = Math.max(0, historyShown);
    }

    /** Records the channel file's {@code settings.shadow}; a change of it is audited like any other control change. */
    public void applyFileSetting(String channel, boolean shadow) {
        inTransaction(() -> {
            boolean before = store.setShadowFromFile(channel, shadow);
            if (before != shadow) {
                store.audit(channel, null, shadow ? "shadow-on" : "shadow-off", "settings.shadow in the channel file",
                        "connector-file", null);
                LOG.info("Channel {}: shadow mode {} by its channel file", channel, shadow ? "ON" : "OFF");
                listings.notifyChanged(channel);
            }
            return null;
        });
    }

    public ChannelControlState state(String channel) {
        known(channel);
        Optional<Integer> below = store.limitedBelow(channel);
        return new ChannelControlState(channel, store.paused(channel), store.shadow(channel),
                store.shadowSetByAdmin(channel) ? ChannelControlState.FROM_ADMIN : ChannelControlState.FROM_FILE,
                below.orElse(null), store.skus(channel), store.history(channel, historyShown));
    }

    public List<String> channels() {
        return channels.stream().sorted().toList();
    }

    public boolean paused(String channel) {
        return store.paused(channel);
    }

    public boolean shadow(String channel) {
        return store.shadow(channel);
    }

    /** Stops the channel's dispatchers from claiming anything; its backlog stays and keeps growing visibly. */
    public void pause(String channel, String actor, String reason) {
        change(channel, null, "pause", null, actor, reason, () -> store.setPaused(channel, true));
    }

    /** The dispatchers take the backlog up again: the channel catches up to the latest quantities. */
    public void resume(String channel, String actor, String reason) {
        change(channel, null, "resume", null, actor, reason, () -> {
            store.setPaused(channel, false);
            listings.notifyChanged(channel);
        });
    }

    /** Shadow on: pushes disabled, reconciliation reports what would change. Off: the backlog is pushed. */
    public void shadow(String channel, boolean on, String actor, String reason) {
        change(channel, null, on ? "shadow-on" : "shadow-off", null, actor, reason, () -> {
            store.setShadowByAdmin(channel, on);
            listings.notifyChanged(channel);
        });
    }

    @Override
    public void engage(String channel, int belowQuantity, String reason) {
        engage(channel, belowQuantity, PROTECTIVE_ACTION, reason);
    }

    public void engage(String channel, int belowQuantity, String actor, String reason) {
        if (belowQuantity < 1) {
            throw new IllegalArgumentException("the limited availability threshold must be at least 1, was " + belowQuantity);
        }
        changeAndCount(channel, null, "limited-availability-engage", "below " + belowQuantity, actor, reason, () -> {
            store.setLimitedBelow(channel, belowQuantity);
            return listings.requestRepushWhereStale(channel, null);
        });
    }

    @Override
    public void lift(String channel, String reason) {
        lift(channel, PROTECTIVE_ACTION, reason);
    }

    public void lift(String channel, String actor, String reason) {
        known(channel);
        if (store.limitedBelow(channel).isEmpty()) {
            return;
        }
        changeAndCount(channel, null, "limited-availability-lift", null, actor, reason, () -> {
            store.setLimitedBelow(channel, null);
            return listings.requestRepushWhereStale(channel, null);
        });
    }

    @Override
    public Optional<Integer> engaged(String channel) {
        return store.limitedBelow(channel);
    }

    public void pauseSku(String channel, String sku, String actor, String reason) {
        mapped(channel, sku);
        change(channel, sku, "sku-pause", null, actor, reason, () -> store.setSkuPaused(channel, sku, true));
    }

    public void resumeSku(String channel, String sku, String actor, String reason) {
        mapped(channel, sku);
        changeAndCount(channel, sku, "sku-resume", null, actor, reason, () -> {
            store.setSkuPaused(channel, sku, false);
            return listings.requestRepushWhereStale(channel, sku);
        });
    }

    /** Holds {@code units} of the SKU back from the channel (0 removes the buffer). */
    public void bufferSku(String channel, String sku, int units, String actor, String reason) {
        if (units < 0) {
            throw new IllegalArgumentException("units must be 0 or more, was " + units);
        }
        mapped(channel, sku);
        changeAndCount(channel, sku, units == 0 ? "sku-buffer-remove" : "sku-buffer", units == 0 ? null : units + " units",
                actor, reason, () -> {
                    store.setSkuBuffer(channel, sku, units);
                    return listings.requestRepushWhereStale(channel, sku);
                });
    }

    /**
     * Wakes the channel's dispatchers at once (on every instance) and makes its listings waiting out a retry
     * back-off due now; {@code full} requests a push of every listing of the channel.
     *
     * @return listings made due
     */
    public int syncNow(String channel, boolean full, String actor, String reason) {
        return changeAndCount(channel, null, full ? "sync-full" : "sync", null, actor, reason,
                () -> full ? listings.requestRepushAll(channel) : listings.clearBackoff(channel));
    }

    private void change(String channel, String sku, String action, String detail, String actor, String reason,
            Runnable apply) {
        changeAndCount(channel, sku, action, detail, actor, reason, () -> {
            apply.run();
            return 0;
        });
    }

    /** Applies a change and its audit record in one transaction; {@code apply} answers the listings it requested. */
    private int changeAndCount(String channel, String sku, String action, String detail, String actor, String reason,
            Supplier<Integer> apply) {
        known(channel);
        int affected = inTransaction(() -> {
            int requested = apply.get();
            store.audit(channel, sku, action, detail, actor, reason);
            return requested;
        });
        LOG.info("Channel {}{}: {}{} by {}{}{}", channel, sku == null ? "" : " sku " + sku, action,
                detail == null ? "" : " (" + detail + ")", actor, reason == null ? "" : " because: " + reason,
                affected == 0 ? "" : "; " + affected + " listings to push");
        return affected;
    }

    private <T> T inTransaction(Supplier<T> work) {
        return tx.execute(status -> work.get());
    }

    private void known(String channel) {
        if (!channels.contains(channel)) {
            throw new UnknownChannelException(channel);
        }
    }

    private void mapped(String channel, String sku) {
        known(channel);
        if (sku == null || sku.isBlank() || mappings.listing(channel, sku).isEmpty()) {
            throw new UnmappedSkuException(channel, sku);
        }
    }
}
