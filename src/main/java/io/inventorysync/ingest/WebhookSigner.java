package io.inventorysync.ingest;

import java.util.HexFormat;
import java.util.Objects;

/**
 * Computes the {@value WebhookHeaders#SIGNATURE} header a source sends with a webhook body: {@code sha256=}
 * followed by the lower-case hex HMAC-SHA256 under the source's secret of the exact body bytes or, with a
 * {@value WebhookHeaders#TIMESTAMP} header (recommended: it bounds replays), of the timestamp's digits, a dot and
 * the body bytes. Sign the bytes you send, not a re-serialisation of them.
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

    /** The header value for {@code body} sent without a timestamp, e.g. {@code sha256=5d41...}. */
    public String signatureHeader(byte[] body) {
        return SCHEME_PREFIX + HexFormat.of().formatHex(HmacSha256.mac(secret, body));
    }

    /**
     * The header value for {@code body} sent with {@value WebhookHeaders#TIMESTAMP}{@code : <epochSeconds>}: the MAC
     * of {@code <epochSeconds>.<body>}.
     */
    public String signatureHeader(long epochSeconds, byte[] body) {
        return SCHEME_PREFIX + HexFormat.of().formatHex(HmacSha256.mac(secret, signedContent(Long.toString(epochSeconds), body)));
    }

    /** What a signature covers: the body alone, or the timestamp header's value, a dot and the body. */
    static byte[] signedContent(String timestampHeader, byte[] body) {
        if (timestampHeader == null) {
            return body;
        }
        byte[] prefix = (timestampHeader + ".").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] content = java.util.Arrays.copyOf(prefix, prefix.length + body.length);
        System.arraycopy(body, 0, content, prefix.length, body.length);
        return content;
    }
}
