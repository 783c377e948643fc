package io.inventorysync.ingest;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * Decides whether a webhook body really comes from the source it names: the {@value WebhookHeaders#SIGNATURE}
 * header must be the HMAC-SHA256 of the raw body under the secret configured for the
 * {@value WebhookHeaders#SOURCE} header's source (see {@link WebhookSigner}).
 * <p>
 * MACs are compared in constant time ({@link MessageDigest#isEqual}), so response timing does not reveal how many
 * leading bytes of a forged signature were right. An unknown source is checked against a random decoy key, so its
 * timing does not reveal which source names exist either. Thread-safe.
 */
public final class WebhookSignatureVerifier {

    private final Map<String, String> secretsBySource;
    private final BiPredicate<byte[], byte[]> macsEqual;
    private final byte[] decoyKey;

    /**
     * @param secretsBySource shared secret per source name, e.g. from {@link WebhookSecrets#parse}
     */
    public WebhookSignatureVerifier(Map<String, String> secretsBySource) {
        this(secretsBySource, MessageDigest::isEqual);
    }

    /** For tests that observe the comparison; production code always compares with {@link MessageDigest#isEqual}. */
    WebhookSignatureVerifier(Map<String, String> secretsBySource, BiPredicate<byte[], byte[]> macsEqual) {
        this.secretsBySource = Map.copyOf(Objects.requireNonNull(secretsBySource, "secretsBySource"));
        this.macsEqual = macsEqual;
        this.decoyKey = new byte[HmacSha256.LENGTH_BYTES];
        new SecureRandom().nextBytes(decoyKey);
    }

    /** Whether {@code source} is configured at all (for diagnostics; never tell the caller). */
    public boolean knowsSource(String source) {
        return source != null && secretsBySource.containsKey(source);
    }

    /**
     * @param source          value of {@value WebhookHeaders#SOURCE}, may be null
     * @param signatureHeader value of {@value WebhookHeaders#SIGNATURE}: {@code sha256=<hex>} or plain hex, either
     *                        case; may be null
     * @param body            the raw request body, exactly as received
     * @return true only if the source is known and the signature is its secret's MAC of the body
     */
    public boolean isAuthentic(String source, String signatureHeader, byte[] body) {
        return isAuthentic(source, signatureHeader, null, body);
    }

    /**
     * @param timestampHeader value of {@value WebhookHeaders#TIMESTAMP} as received, or null; when present the
     *                        signature must cover {@code <timestampHeader>.<body>} (whether the time is acceptable is
     *                        {@link WebhookReplayWindow}'s decision)
     */
    public boolean isAuthentic(String source, String signatureHeader, String timestampHeader, byte[] body) {
        byte[] presented = decodeSignature(signatureHeader);
        if (presented == null) {
            return false;
        }
        byte[] signed = WebhookSigner.signedContent(timestampHeader, body == null ? new byte[0] : body);
        String secret = source == null ? null : secretsBySource.get(source);
        byte[] expected = secret != null ? HmacSha256.mac(secret, signed) : HmacSha256.mac(decoyKey, signed);
        boolean equal = macsEqual.test(expected, presented);
        return secret != null && equal;
    }

    /** The MAC bytes the header carries, or null when it carries none (absent, wrong scheme, not 64 hex digits). */
    private static byte[] decodeSignature(String header) {
        if (header == null) {
            return null;
        }
        String value = header.strip();
        if (value.regionMatches(true, 0, WebhookSigner.SCHEME_PREFIX, 0, WebhookSigner.SCHEME_PREFIX.length())) {
            value = value.substring(WebhookSigner.SCHEME_PREFIX.length());
        }
        if (value.length() != HmacSha256.LENGTH_BYTES * 2) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(value); // either case
        } catch (IllegalArgumentException notHex) {
            return null;
        }
    }
}
