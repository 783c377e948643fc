package io.inventorysync.ingest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the per-source webhook secrets from the one-line form a kamelet property or an environment variable can
 * carry: {@code erp-main=secret1,pos=secret2}.
 * <p>
 * Entries are separated by commas and split at their first {@code =}, so a secret may contain {@code =} (as
 * base64 does) but not a comma. Spaces around names and secrets are ignored, as are empty entries. Error
 * messages name the offending entry by position and source, never by secret, because they end up in logs.
 */
public final class WebhookSecrets {

    private WebhookSecrets() {
    }

    /**
     * @return secret per source name, in the order given; unmodifiable
     * @throws IllegalArgumentException on an entry without {@code =}, with an empty name or secret, on a source
     *                                  named twice, or when there is no entry at all
     */
    public static Map<String, String> parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException(
                    "no webhook secrets configured: expected source=secret pairs separated by commas");
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        String[] entries = spec.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            if (entry.isEmpty()) {
                continue;
            }
            int equals = entry.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("webhook secret entry " + (i + 1) + " has no '=': expected source=secret");
            }
            String source = entry.substring(0, equals).strip();
            String secret = entry.substring(equals + 1).strip();
            if (source.isEmpty()) {
                throw new IllegalArgumentException("webhook secret entry " + (i + 1) + " has no source name");
            }
            if (secret.isEmpty()) {
                throw new IllegalArgumentException("webhook secret for source '" + source + "' is empty");
            }
            if (secrets.putIfAbsent(source, secret) != null) {
                throw new IllegalArgumentException("webhook source '" + source + "' is configured twice");
            }
        }
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException(
                    "no webhook secrets configured: expected source=secret pairs separated by commas");
        }
        return Collections.unmodifiableMap(secrets);
    }
}
