package io.inventorysync.alert;

import java.util.Locale;

/** Why an attempt was made. */
public enum NotificationKind {
    /** A LATE monitor: chat only, no ladder. */
    WARNING,
    /** A ladder step of a DOWN incident. */
    ESCALATION,
    /** Re-notification of a medium already reached, while the incident stays open. */
    REMINDER,
    /** The incident resolved: every medium reached hears it. */
    RESOLVED,
    /** The protective action engaged on the incident's channel. */
    ENGAGE,
    /** The protective action lifted after the incident resolved. */
    LIFT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NotificationKind of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
