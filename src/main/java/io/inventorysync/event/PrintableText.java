package io.inventorysync.event;

/**
 * The text rule for identifiers that reach logs, Kafka headers and PostgreSQL (SKUs, locations, sources, admin
 * parameters): no control character and no unpaired UTF-16 surrogate. Such characters are never part of a real
 * identifier; they forge log lines, and PostgreSQL refuses a string that cannot be encoded as UTF-8.
 */
public final class PrintableText {

    private PrintableText() {
    }

    /** No control character (C0, DEL, C1) and no unpaired surrogate; null counts as printable. */
    public static boolean isPrintable(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
