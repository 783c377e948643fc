package io.inventorysync.alert;

/** Keeps secrets (webhook URLs carry their tokens) out of recorded and logged error texts. */
final class SecretText {

    private SecretText() {
    }

    static String describe(Throwable error, String... secrets) {
        return redact(error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage()),
                secrets);
    }

    static String redact(String text, String... secrets) {
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                text = text.replace(secret, "<secret>");
            }
        }
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
