package io.inventorysync.support;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.inventorysync.connectors.amazon.sandbox.AmazonSandbox;

/**
 * The connectors/ file of an Amazon channel on an {@link AmazonSandbox}: the sandbox's seller, marketplace, endpoints
 * and LWA credentials, and the test's own settings (rate-limit scale, poll intervals, lease …).
 */
public final class AmazonChannelFile {

    private AmazonChannelFile() {
    }

    /**
     * @param locations the channel's locations as YAML flow items, e.g. {@code WH-1, STORE-1}
     * @param settings  further settings of the channel, written in key order
     */
    public static String yaml(String name, String locations, String mapping, AmazonSandbox amazon,
            Map<String, ?> settings) {
        return """
                kind: channel
                name: %s
                type: amazon
                locations: [%s]
                mapping: %s
                settings:
                  sellerId: %s
                  marketplaceIds: %s
                  endpointUrl: %s
                  lwaTokenUrl: %s
                  lwaClientId: %s
                  lwaClientSecret: %s
                  lwaRefreshToken: "%s"
                """.formatted(name, locations, mapping, amazon.sellerId(), amazon.marketplaceId(), amazon.baseUrl(),
                amazon.lwaTokenUrl(), amazon.lwaClientId(), amazon.lwaClientSecret(), amazon.lwaRefreshToken())
                + new TreeMap<>(settings).entrySet().stream().map(e -> "  " + e.getKey() + ": " + e.getValue() + "\n")
                        .collect(Collectors.joining());
    }
}
