package io.inventorysync.alert;

import java.util.Locale;

/** What came of an attempt. {@link #SKIPPED} (medium not configured, no channel, no protective action) is final. */
public enum Outcome {
    SENT,
    FAILED,
    SKIPPED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Outcome of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
