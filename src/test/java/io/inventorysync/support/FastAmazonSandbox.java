package io.inventorysync.support;

import java.time.Duration;

import io.inventorysync.connectors.amazon.sandbox.AmazonSandbox;
import io.inventorysync.connectors.amazon.sandbox.AmazonSandboxSettings;

/**
 * An SP-API sandbox whose clock runs {@link #TIME_SCALE} times faster, with short feed-processing delays, and the
 * {@code amazon-listings} endpoint of a client that keeps the same pace ({@code rateLimitScale}): tests cover
 * Amazon's usage plans in seconds, and the two sides cannot drift apart.
 */
public final class FastAmazonSandbox {

    public static final double TIME_SCALE = 100;

    private FastAmazonSandbox() {
    }

    /** On a free port; the caller closes it. */
    public static AmazonSandbox start() {
        return AmazonSandbox.start(AmazonSandboxSettings.defaults().withTimeScale(TIME_SCALE)
                .withDelays(Duration.ofMillis(50), Duration.ofMillis(100)), 0);
    }

    /** @param extra further endpoint options, each starting with {@code &} */
    public static String listingsUri(AmazonSandbox sandbox, String extra) {
        return "amazon-listings:" + sandbox.sellerId() + "?endpointUrl=RAW(" + sandbox.baseUrl() + ")"
                + "&lwaTokenUrl=RAW(" + sandbox.lwaTokenUrl() + ")&lwaClientId=RAW(" + sandbox.lwaClientId() + ")"
                + "&lwaClientSecret=RAW(" + sandbox.lwaClientSecret() + ")&lwaRefreshToken=RAW(" + sandbox.lwaRefreshToken() + ")"
                + "&marketplaceIds=" + sandbox.marketplaceId() + "&feedPollInterval=20&maxFeedWait=10000"
                + "&rateLimitScale=" + TIME_SCALE + "&initialBackoff=10&maxBackoff=200" + extra;
    }
}
