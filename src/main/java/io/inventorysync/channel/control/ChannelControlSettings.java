package io.inventorysync.channel.control;

/** {@code inventory-sync.channel-controls.*}. */
public class ChannelControlSettings {

    /** How many of a channel's latest control changes GET /api/v1/channels/{channel}/controls shows. */
    private int historyShown = 20;

    public int getHistoryShown() { return historyShown; }
    public void setHistoryShown(int historyShown) { this.historyShown = historyShown; }
}
