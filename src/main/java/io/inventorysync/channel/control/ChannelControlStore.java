package io.inventorysync.channel.control;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code channel_control}, {@code channel_sku_control} and {@code channel_control_audit} tables. Controls live in
 * PostgreSQL, not in memory, so every instance sharing a channel applies the same ones.
 */
public class ChannelControlStore {

    private final JdbcTemplate jdbc;

    public ChannelControlStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The channel file's shadow setting; returns the value it replaced (false when the channel had no row). */
    public boolean setShadowFromFile(String channel, boolean shadow) {
        List<Boolean> before = jdbc.queryForList("SELECT shadow_file FROM channel_control WHERE channel = ? FOR UPDATE",
                Boolean.class, channel);
        jdbc.update("""
                INSERT INTO channel_control (channel, shadow_file) VALUES (?, ?)
                ON CONFLICT (channel) DO UPDATE SET shadow_file = EXCLUDED.shadow_file""", channel, shadow);
        return !before.isEmpty() && before.get(0);
    }

    public void setPaused(String channel, boolean paused) {
        jdbc.update("""
                INSERT INTO channel_control (channel, paused) VALUES (?, ?)
                ON CONFLICT (channel) DO UPDATE SET paused = EXCLUDED.paused, updated_at = now()""", channel, paused);
    }

    public void setShadowByAdmin(String channel, boolean shadow) {
        jdbc.update("""
                INSERT INTO channel_control (channel, shadow_admin) VALUES (?, ?)
                ON CONFLICT (channel) DO UPDATE SET shadow_admin = EXCLUDED.shadow_admin, updated_at = now()""",
                channel, shadow);
    }

    /** @param below the threshold, or null to lift limited availability */
    public void setLimitedBelow(String channel, Integer below) {
        jdbc.update("""
                INSERT INTO channel_control (channel, limited_below) VALUES (?, ?)
                ON CONFLICT (channel) DO UPDATE SET limited_below = EXCLUDED.limited_below, updated_at = now()""",
                channel, below);
    }

    public Optional<Integer> limitedBelow(String channel) {
        return jdbc.queryForList("SELECT limited_below FROM channel_control WHERE channel = ? AND limited_below IS NOT NULL",
                Integer.class, channel).stream().findFirst();
    }

    public boolean paused(String channel) {
        return jdbc.queryForList("SELECT paused FROM channel_control WHERE channel = ?", Boolean.class, channel)
                .stream().findFirst().orElse(false);
    }

    public boolean shadow(String channel) {
        return jdbc.queryForList("SELECT COALESCE(shadow_admin, shadow_file) FROM channel_control WHERE channel = ?",
                Boolean.class, channel).stream().findFirst().orElse(false);
    }

    public boolean shadowSetByAdmin(String channel) {
        return !jdbc.queryForList("SELECT 1 FROM channel_control WHERE channel = ? AND shadow_admin IS NOT NULL",
                Integer.class, channel).isEmpty();
    }

    public void setSkuPaused(String channel, String sku, boolean paused) {
        jdbc.update("""
                INSERT INTO channel_sku_control (channel, sku, paused) VALUES (?, ?, ?)
                ON CONFLICT (channel, sku) DO UPDATE SET paused = EXCLUDED.paused, updated_at = now()""",
                channel, sku, paused);
        dropIfNeutral(channel, sku);
    }

    public void setSkuBuffer(String channel, String sku, int units) {
        jdbc.update("""
                INSERT INTO channel_sku_control (channel, sku, buffer) VALUES (?, ?, ?)
                ON CONFLICT (channel, sku) DO UPDATE SET buffer = EXCLUDED.buffer, updated_at = now()""",
                channel, sku, units);
        dropIfNeutral(channel, sku);
    }

    public Optional<SkuControl> sku(String channel, String sku) {
        return jdbc.query("SELECT sku, paused, buffer FROM channel_sku_control WHERE channel = ? AND sku = ?",
                (rs, i) -> new SkuControl(rs.getString(1), rs.getBoolean(2), rs.getInt(3)), channel, sku).stream().findFirst();
    }

    public List<SkuControl> skus(String channel) {
        return jdbc.query("SELECT sku, paused, buffer FROM channel_sku_control WHERE channel = ? ORDER BY sku",
                (rs, i) -> new SkuControl(rs.getString(1), rs.getBoolean(2), rs.getInt(3)), channel);
    }

    public void audit(String channel, String sku, String action, String detail, String actor, String reason) {
        jdbc.update("INSERT INTO channel_control_audit (channel, sku, action, detail, actor, reason) VALUES (?, ?, ?, ?, ?, ?)",
                channel, sku, action, detail, actor, reason);
    }

    public List<ControlChange> history(String channel, int limit) {
        return jdbc.query("""
                SELECT id, channel, sku, action, detail, actor, reason, at FROM channel_control_audit
                WHERE channel = ? ORDER BY id DESC LIMIT ?""",
                (rs, i) -> new ControlChange(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()),
                channel, limit);
    }

    private void dropIfNeutral(String channel, String sku) {
        jdbc.update("DELETE FROM channel_sku_control WHERE channel = ? AND sku = ? AND NOT paused AND buffer = 0",
                channel, sku);
    }
}
