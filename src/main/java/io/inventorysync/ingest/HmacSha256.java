package io.inventorysync.ingest;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 of a body under a text secret (its UTF-8 bytes are the key). */
final class HmacSha256 {

    static final String ALGORITHM = "HmacSHA256";
    static final int LENGTH_BYTES = 32;

    private HmacSha256() {
    }

    static byte[] mac(String secret, byte[] body) {
        return mac(secret.getBytes(StandardCharsets.UTF_8), body);
    }

    static byte[] mac(byte[] key, byte[] body) {
        try {
            // A Mac is stateful and not thread-safe; one per call is cheap next to an HTTP request.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
