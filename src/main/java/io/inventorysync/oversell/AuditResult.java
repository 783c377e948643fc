package io.inventorysync.oversell;

import java.util.Collections;
import java.util.Map;

/** What happened on each channel during one simulated trace. */
public final class AuditResult {

    private final Map<String, ChannelTally> byChannel;

    AuditResult(Map<String, ChannelTally> byChannel) {
        this.byChannel = Collections.unmodifiableMap(byChannel);
    }

    public Map<String, ChannelTally> byChannel() {
        return byChannel;
    }

    public ChannelTally channel(String name) {
        return byChannel.get(name);
    }

    public long unitsOversold() {
        return byChannel.values().stream().mapToLong(ChannelTally::unitsOversold).sum();
    }

    public long rejected() {
        return byChannel.values().stream().mapToLong(ChannelTally::rejected).sum();
    }

    public long unitsSold() {
        return byChannel.values().stream().mapToLong(ChannelTally::unitsSold).sum();
    }

    /** Counts for one channel. */
    public static final class ChannelTally {
        long orders;
        long unitsOrdered;
        long accepted;
        long rejected;
        long unitsSold;
        long unitsOversold;
        long oversoldOrders;

        /** Orders in the trace for this channel. */
        public long orders() {
            return orders;
        }

        public long unitsOrdered() {
            return unitsOrdered;
        }

        /** Orders the channel took because it showed enough. */
        public long accepted() {
            return accepted;
        }

        /** Orders the channel refused because it showed too little. */
        public long rejected() {
            return rejected;
        }

        public long unitsSold() {
            return unitsSold;
        }

        /** Units sold beyond the true stock at the moment of the sale. */
        public long unitsOversold() {
            return unitsOversold;
        }

        /** Accepted orders with at least one oversold unit. */
        public long oversoldOrders() {
            return oversoldOrders;
        }
    }
}
