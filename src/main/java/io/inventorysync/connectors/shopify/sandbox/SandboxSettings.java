package io.inventorysync.connectors.shopify.sandbox;

/**
 * How a {@link ShopifySandbox} starts; {@link ShopifySandbox#reset()} returns to these values.
 *
 * @param accessToken        the only value of {@code X-Shopify-Access-Token} that is accepted
 * @param maximumAvailable   cost bucket size (Shopify's historic default: 1000 points)
 * @param restoreRate        cost points restored per second (historic Standard plan: 50)
 * @param throttleStatusCode HTTP status of a THROTTLED answer: 200 (commonly reported) or 429 (both readings exist)
 * @param autoCreateItems    a well-formed inventory item / location id that was never seen is created on first set,
 *                           so demos need no seeding; false = only catalogued items exist
 * @param host               address to bind
 */
public record SandboxSettings(String accessToken, long maximumAvailable, double restoreRate, int throttleStatusCode,
                              boolean autoCreateItems, String host) {

    public static final String DEFAULT_ACCESS_TOKEN = "shpat_sandbox_token";

    public SandboxSettings {
        if (accessToken == null || accessToken.isBlank()) {
            throw new IllegalArgumentException("accessToken is required");
        }
        if (maximumAvailable <= 0 || !(restoreRate > 0)) {
            throw new IllegalArgumentException("maximumAvailable and restoreRate must be positive");
        }
        ThrottleStatusCodes.require(throttleStatusCode);
    }

    public static SandboxSettings defaults() {
        return new SandboxSettings(DEFAULT_ACCESS_TOKEN, 1000, 50, 200, true, "127.0.0.1");
    }

    /**
     * Defaults overridden by system properties {@code shopify.sandbox.token}, {@code .maximumAvailable},
     * {@code .restoreRate}, {@code .throttleStatusCode}, {@code .autoCreateItems}, {@code .host}.
     */
    public static SandboxSettings fromSystemProperties() {
        SandboxSettings d = defaults();
        return new SandboxSettings(
                System.getProperty("shopify.sandbox.token", d.accessToken()),
                Long.parseLong(System.getProperty("shopify.sandbox.maximumAvailable", String.valueOf(d.maximumAvailable()))),
                Double.parseDouble(System.getProperty("shopify.sandbox.restoreRate", String.valueOf(d.restoreRate()))),
                Integer.parseInt(System.getProperty("shopify.sandbox.throttleStatusCode", String.valueOf(d.throttleStatusCode()))),
                Boolean.parseBoolean(System.getProperty("shopify.sandbox.autoCreateItems", String.valueOf(d.autoCreateItems()))),
                System.getProperty("shopify.sandbox.host", d.host()));
    }

    public SandboxSettings withAccessToken(String token) {
        return new SandboxSettings(token, maximumAvailable, restoreRate, throttleStatusCode, autoCreateItems, host);
    }

    public SandboxSettings withBucket(long maximum, double restorePerSecond) {
        return new SandboxSettings(accessToken, maximum, restorePerSecond, throttleStatusCode, autoCreateItems, host);
    }

    public SandboxSettings withThrottleStatusCode(int status) {
        return new SandboxSettings(accessToken, maximumAvailable, restoreRate, status, autoCreateItems, host);
    }

    public SandboxSettings withAutoCreateItems(boolean autoCreate) {
        return new SandboxSettings(accessToken, maximumAvailable, restoreRate, throttleStatusCode, autoCreate, host);
    }

    public SandboxSettings withHost(String bindHost) {
        return new SandboxSettings(accessToken, maximumAvailable, restoreRate, throttleStatusCode, autoCreateItems, bindHost);
    }
}
