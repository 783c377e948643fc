package io.inventorysync.channel.control;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The controls in force on one channel, as the admin API shows them.
 *
 * @param shadowSource  {@code admin} when an operator set the mode, else {@code file} (the channel file's setting)
 * @param limitedBelow  limited availability's threshold while engaged, else null
 * @param skus          the listings an operator paused or buffered
 * @param history       the latest control changes, newest first
 */
public record ChannelControlState(String channel, boolean paused, boolean shadow,
        @JsonProperty("shadow_source") String shadowSource,
        @JsonProperty("limited_availability_below") Integer limitedBelow,
        List<SkuControl> skus, List<ControlChange> history) {

    public static final String FROM_FILE = "file";
    public static final String FROM_ADMIN = "admin";

    public boolean limitedAvailability() {
        return limitedBelow != null;
    }
}
