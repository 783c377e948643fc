package io.inventorysync.connectors.amazon.sandbox;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/** LWA access tokens the sandbox has issued, each with its expiry. */
final class AccessTokens {

    enum Check { VALID, EXPIRED, UNKNOWN }

    private final ConcurrentMap<String, Long> expiryNanos = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final LongSupplier nanoClock;
    private volatile Duration lifetime;

    AccessTokens(Duration lifetime, LongSupplier nanoClock) {
        this.lifetime = lifetime;
        this.nanoClock = nanoClock;
    }

    /** A fresh token, in LWA's {@code Atza|...} shape. */
    String issue() {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        String token = "Atza|" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        expiryNanos.put(token, nanoClock.getAsLong() + lifetime.toNanos());
        return token;
    }

    Check check(String token) {
        Long expiry = token == null ? null : expiryNanos.get(token);
        if (expiry == null) {
            return Check.UNKNOWN;
        }
        return nanoClock.getAsLong() < expiry ? Check.VALID : Check.EXPIRED;
    }

    Duration lifetime() {
        return lifetime;
    }

    void setLifetime(Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("token lifetime must be positive: " + value);
        }
        this.lifetime = value;
    }

    /** Every token issued so far expires now, as if an hour had passed. */
    void expireAll() {
        long now = nanoClock.getAsLong();
        expiryNanos.replaceAll((token, expiry) -> Math.min(expiry, now));
    }

    void clear() {
        expiryNanos.clear();
    }
}
