package io.inventorysync.connectors.amazon.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How an {@link AmazonSandbox} starts; {@link AmazonSandbox#reset()} returns to these values.
 *
 * @param sellerId             the one selling partner the sandbox serves (feed headers and listings paths must name it)
 * @param marketplaceIds       marketplaces createFeed and getListingsItem accept (default: the NA ones)
 * @param lwaClientId          LWA client id accepted by {@code POST /auth/o2/token}
 * @param lwaClientSecret      its secret
 * @param lwaRefreshToken      the refresh token accepted for {@code grant_type=refresh_token}
 * @param accessTokenLifetime  {@code expires_in} of issued access tokens (Amazon: 3600 s); shorten it to prove refresh
 * @param rateLimits           usage plans enforced (default Amazon's; see {@link SandboxRateLimits#scaled})
 * @param queueDelay           how long a feed stays IN_QUEUE (counted from creation, or from the end of the feed
 *                             before it: feeds are processed one after the other, as Amazon's IN_QUEUE suggests)
 * @param processingDelay      how long a feed stays IN_PROGRESS before DONE
 * @param presignedUrlLifetime how long upload and download URLs work (Amazon: 5 minutes)
 * @param acceptUnknownSkus    a PATCH for a SKU the catalogue does not hold creates it (true, handy for demos), or is
 *                             an ERROR issue with code {@value ListingsFeedProcessor#UNKNOWN_SKU_CODE} (false)
 * @param gzipReports          processing reports are served gzipped, with {@code compressionAlgorithm: GZIP}
 * @param host                 address to bind
 */
public record AmazonSandboxSettings(String sellerId, List<String> marketplaceIds, String lwaClientId,
                                    String lwaClientSecret, String lwaRefreshToken, Duration accessTokenLifetime,
                                    SandboxRateLimits rateLimits, Duration queueDelay, Duration processingDelay,
                                    Duration presignedUrlLifetime, boolean acceptUnknownSkus, boolean gzipReports,
                                    String host) {

    public static final String DEFAULT_SELLER_ID = "A2SANDBOX0SELLER";
    public static final String US_MARKETPLACE = "ATVPDKIKX0DER";
    public static final List<String> NA_MARKETPLACES = List.of(US_MARKETPLACE, "A2EUQ1WTGCTBG2", "A1AM78C64UM0Y8");
    public static final String DEFAULT_CLIENT_ID = "amzn1.application-oa2-client.sandbox";
    public static final String DEFAULT_CLIENT_SECRET = "amzn1.oa2-cs.v1.sandbox-client-secret";
    public static final String DEFAULT_REFRESH_TOKEN = "Atzr|sandbox-refresh-token";

    public AmazonSandboxSettings {
        requireText(sellerId, "sellerId");
        requireText(lwaClientId, "lwaClientId");
        requireText(lwaClientSecret, "lwaClientSecret");
        requireText(lwaRefreshToken, "lwaRefreshToken");
        marketplaceIds = List.copyOf(marketplaceIds);
        if (marketplaceIds.isEmpty()) {
            throw new IllegalArgumentException("at least one marketplace id is required");
        }
        Objects.requireNonNull(rateLimits, "rateLimits");
        for (Duration d : List.of(accessTokenLifetime, queueDelay, processingDelay, presignedUrlLifetime)) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("durations must not be negative: " + d);
            }
        }
        if (accessTokenLifetime.isZero() || presignedUrlLifetime.isZero()) {
            throw new IllegalArgumentException("token and URL lifetimes must be positive");
        }
    }

    /** Amazon's limits and lifetimes; feeds take 1 s in the queue and 2 s in progress (Amazon: minutes). */
    public static AmazonSandboxSettings defaults() {
        return new AmazonSandboxSettings(DEFAULT_SELLER_ID, NA_MARKETPLACES, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET,
                DEFAULT_REFRESH_TOKEN, Duration.ofHours(1), SandboxRateLimits.amazonDefaults(), Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofMinutes(5), true, false, "127.0.0.1");
    }

    /**
     * Defaults overridden by system properties {@code amazon.sandbox.sellerId}, {@code .clientId},
     * {@code .clientSecret}, {@code .refreshToken}, {@code .accessTokenLifetimeSeconds}, {@code .timeScale} (rate
     * limits run that many times faster), {@code .queueDelayMs}, {@code .processingDelayMs},
     * {@code .acceptUnknownSkus}, {@code .gzipReports}, {@code .host}.
     */
    public static AmazonSandboxSettings fromSystemProperties() {
        AmazonSandboxSettings d = defaults();
        double timeScale = Double.parseDouble(System.getProperty("amazon.sandbox.timeScale", "1"));
        return new AmazonSandboxSettings(
                System.getProperty("amazon.sandbox.sellerId", d.sellerId()),
                d.marketplaceIds(),
                System.getProperty("amazon.sandbox.clientId", d.lwaClientId()),
                System.getProperty("amazon.sandbox.clientSecret", d.lwaClientSecret()),
                System.getProperty("amazon.sandbox.refreshToken", d.lwaRefreshToken()),
                Duration.ofSeconds(Long.parseLong(System.getProperty("amazon.sandbox.accessTokenLifetimeSeconds",
                        String.valueOf(d.accessTokenLifetime().toSeconds())))),
                d.rateLimits().scaled(timeScale),
                Duration.ofMillis(Long.parseLong(System.getProperty("amazon.sandbox.queueDelayMs",
                        String.valueOf(d.queueDelay().toMillis())))),
                Duration.ofMillis(Long.parseLong(System.getProperty("amazon.sandbox.processingDelayMs",
                        String.valueOf(d.processingDelay().toMillis())))),
                d.presignedUrlLifetime(),
                Boolean.parseBoolean(System.getProperty("amazon.sandbox.acceptUnknownSkus", String.valueOf(d.acceptUnknownSkus()))),
                Boolean.parseBoolean(System.getProperty("amazon.sandbox.gzipReports", String.valueOf(d.gzipReports()))),
                System.getProperty("amazon.sandbox.host", d.host()));
    }

    public AmazonSandboxSettings withSellerId(String value) {
        return new AmazonSandboxSettings(value, marketplaceIds, lwaClientId, lwaClientSecret, lwaRefreshToken,
                accessTokenLifetime, rateLimits, queueDelay, processingDelay, presignedUrlLifetime, acceptUnknownSkus,
                gzipReports, host);
    }

    public AmazonSandboxSettings withAccessTokenLifetime(Duration value) {
        return new AmazonSandboxSettings(sellerId, marketplaceIds, lwaClientId, lwaClientSecret, lwaRefreshToken,
                value, rateLimits, queueDelay, processingDelay, presignedUrlLifetime, acceptUnknownSkus, gzipReports, host);
    }

    public AmazonSandboxSettings withRateLimits(SandboxRateLimits value) {
        return new AmazonSandboxSettings(sellerId, marketplaceIds, lwaClientId, lwaClientSecret, lwaRefreshToken,
                accessTokenLifetime, value, queueDelay, processingDelay, presignedUrlLifetime, acceptUnknownSkus,
                gzipReports, host);
    }

    /** Shorthand for {@code withRateLimits(SandboxRateLimits.amazonDefaults().scaled(factor))}. */
    public AmazonSandboxSettings withTimeScale(double factor) {
        return withRateLimits(SandboxRateLimits.amazonDefaults().scaled(factor));
    }

    public AmazonSandboxSettings withDelays(Duration queue, Duration processing) {
        return new AmazonSandboxSettings(sellerId, marketplaceIds, lwaClientId, lwaClientSecret, lwaRefreshToken,
                accessTokenLifetime, rateLimits, queue, processing, presignedUrlLifetime, acceptUnknownSkus, gzipReports,
                host);
    }

    public AmazonSandboxSettings withPresignedUrlLifetime(Duration value) {
        return new AmazonSandboxSettings(sellerId, marketplaceIds, lwaClientId, lwaClientSecret, lwaRefreshToken,
                accessTokenLifetime, rateLimits, queueDelay, processingDelay, value, acceptUnknownSkus, gzipReports, host);
    }

    public AmazonSandboxSettings withAcceptUnknownSkus(boolean value) {
        return new AmazonSandboxSettings(sellerId, marketplaceIds, lwaClientId, lwaClientSecret, lwaRefreshToken,
                accessTokenLifetime, rateLimits, queueDelay, processingDelay, presignedUrlLifetime, value, gzipReports,
                host);
    }

    public AmazonSandboxSettings withGzipReports(boolean value) {
        return new AmazonSandboxSettings(sellerId, marketplaceIds, lwaClientId, lwaClientSecret, lwaRefreshToken,
                accessTokenLifetime, rateLimits, queueDelay, processingDelay, presignedUrlLifetime, acceptUnknownSkus,
                value, host);
    }

    public AmazonSandboxSettings withHost(String value) {
        return new AmazonSandboxSettings(sellerId, marketplaceIds, lwaClientId, lwaClientSecret, lwaRefreshToken,
                accessTokenLifetime, rateLimits, queueDelay, processingDelay, presignedUrlLifetime, acceptUnknownSkus,
                gzipReports, value);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
