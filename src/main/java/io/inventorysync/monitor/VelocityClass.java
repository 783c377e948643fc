package io.inventorysync.monitor;

import java.util.Locale;

/**
 * How fast a connector's products sell, which sets how long its jobs may be late before the monitor goes down
 * (connector setting {@code velocityClass}). Defaults after the usual advice: fast movers (&gt; 10 a day) 20
 * minutes, regular products 1 hour, slow movers (&lt; 1 a week) 4 hours.
 */
public enum VelocityClass {
    FAST, REGULAR, SLOW;

    public static VelocityClass parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("velocityClass must be fast, regular or slow, not '" + value + "'");
        }
    }
}
