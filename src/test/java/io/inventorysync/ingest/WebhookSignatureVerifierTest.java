package io.inventorysync.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;

import org.junit.jupiter.api.Test;

class WebhookSignatureVerifierTest {

    private static final byte[] BODY = "{\"sku\":\"A\"}".getBytes(StandardCharsets.UTF_8);
    private static final Map<String, String> SECRETS = Map.of("erp-main", "erp-secret", "pos", "pos-secret");

    private final WebhookSignatureVerifier verifier = new WebhookSignatureVerifier(SECRETS);
    private final String erpSignature = new WebhookSigner("erp-secret").signatureHeader(BODY);

    @Test
    void signerProducesTheWellKnownHmacSha256TestVector() {
        // HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog"), a widely published test vector.
        String header = new WebhookSigner("key")
                .signatureHeader("The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8));

        assertThat(header).isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void bodySignedWithTheSourcesSecretIsAuthentic() {
        assertThat(verifier.isAuthentic("erp-main", erpSignature, BODY)).isTrue();
    }

    @Test
    void plainHexAndUpperCaseHexAndSurroundingSpacesAreAccepted() {
        String hex = erpSignature.substring("sha256=".length());

        assertThat(verifier.isAuthentic("erp-main", hex, BODY)).isTrue();
        assertThat(verifier.isAuthentic("erp-main", hex.toUpperCase(Locale.ROOT), BODY)).isTrue();
        assertThat(verifier.isAuthentic("erp-main", " " + erpSignature + " ", BODY)).isTrue();
    }

    @Test
    void anotherSourcesSecretIsNotAuthentic() {
        assertThat(verifier.isAuthentic("pos", erpSignature, BODY)).isFalse();
    }

    @Test
    void bodyChangedAfterSigningIsNotAuthentic() {
        byte[] tampered = "{\"sku\":\"B\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(verifier.isAuthentic("erp-main", erpSignature, tampered)).isFalse();
    }

    @Test
    void missingOrMalformedSignatureOrUnknownSourceIsNotAuthentic() {
        assertThat(verifier.isAuthentic("erp-main", null, BODY)).isFalse();
        assertThat(verifier.isAuthentic("erp-main", "", BODY)).isFalse();
        assertThat(verifier.isAuthentic("erp-main", "sha1=" + erpSignature.substring(7), BODY)).isFalse();
        assertThat(verifier.isAuthentic("erp-main", erpSignature.substring(0, 70), BODY)).isFalse();
        assertThat(verifier.isAuthentic("erp-main", "sha256=" + "zz".repeat(32), BODY)).isFalse();
        assertThat(verifier.isAuthentic(null, erpSignature, BODY)).isFalse();
        assertThat(verifier.isAuthentic("shopify", erpSignature, BODY)).isFalse();
        assertThat(verifier.isAuthentic("ERP-MAIN", erpSignature, BODY)).isFalse();
    }

    @Test
    void macsAreComparedWholeByTheConstantTimeComparisonEvenForUnknownSources() {
        List<byte[][]> comparisons = new ArrayList<>();
        BiPredicate<byte[], byte[]> recording = (expected, presented) -> {
            comparisons.add(new byte[][] {expected, presented});
            return MessageDigest.isEqual(expected, presented);
        };
        WebhookSignatureVerifier observed = new WebhookSignatureVerifier(SECRETS, recording);
        // Wrong in the first byte only: an early-exit comparison would stop at once.
        char first = erpSignature.charAt(7) == '0' ? '1' : '0';
        String wrongFirstByte = "sha256=" + first + erpSignature.substring(8);

        assertThat(observed.isAuthentic("erp-main", erpSignature, BODY)).isTrue();
        assertThat(observed.isAuthentic("erp-main", wrongFirstByte, BODY)).isFalse();
        assertThat(observed.isAuthentic("no-such-source", erpSignature, BODY)).isFalse();

        assertThat(comparisons).hasSize(3).allSatisfy(pair -> {
            assertThat(pair[0]).hasSize(32);
            assertThat(pair[1]).hasSize(32);
        });
    }
}
