package io.inventorysync.ingest;

import java.util.HexFormat;
import java.util.Objects;

/**
 * Computes the {@value WebhookHeaders#SIGNATURE} header a source sends with a webhook body: {@code sha256=}
 * followed by the lower-case hex HMAC-SHA256 of the exact body bytes under the source's secret. Sign the bytes
 * you send, not a re-serialisation of them.
 */
public final class WebhookSigner {

    /** Prefix of the header value, naming the algorithm. */
    public static final String SCHEME_PREFIX = "sha256=";

    private final String secret;

    public WebhookSigner(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("webhook secret must not be empty");
        }
        this.secret = secret;
    }

    /** The header value for {@code body}, e.g. {@code sha256=5d41...}. */
    public String signatureHeader(byte[] body) {
        return SCHEME_PREFIX + HexFormat.of().formatHex(HmacSha256.mac(secret, body));
    }
}
