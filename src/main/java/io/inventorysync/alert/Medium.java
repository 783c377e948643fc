package io.inventorysync.alert;

import java.util.Locale;

/** Where an escalation step goes: a message medium, or {@link #PROTECT}, the protective action (not a message). */
public enum Medium {
    CHAT,
    MAIL,
    SMS,
    PROTECT;

    /** As stored and tagged: lowercase. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isMessage() {
        return this != PROTECT;
    }

    public static Medium of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
