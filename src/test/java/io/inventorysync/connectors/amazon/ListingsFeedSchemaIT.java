package io.inventorysync.connectors.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.inventorysync.channel.ListingQuantity;
import io.inventorysync.channel.ratelimit.RateLimiterRegistry;
import io.inventorysync.connectors.amazon.sandbox.AmazonSandbox;
import io.inventorysync.connectors.amazon.sandbox.AmazonSandboxSettings;
import io.inventorysync.connectors.amazon.sandbox.SandboxFaults;
import io.inventorysync.connectors.amazon.sandbox.SandboxFeed;
import io.inventorysync.connectors.amazon.sandbox.SandboxIssue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every feed document the client uploads is valid against Amazon's listings-feed-schema-v2, and every processing
 * report the sandbox writes (clean, with issues, gzipped, FATAL) against listings-feed-processing-report-schema-v2.
 */
class ListingsFeedSchemaIT {

    static AmazonSandbox sandbox;
    static AmazonListingsClient client;

    @BeforeAll
    static void start() {
        sandbox = AmazonSandbox.start(AmazonSandboxSettings.defaults().withTimeScale(100)
                .withDelays(Duration.ofMillis(20), Duration.ofMillis(50)), 0);
        LwaCredentials lwa = new LwaCredentials(java.net.URI.create(sandbox.lwaTokenUrl()), sandbox.lwaClientId(),
                sandbox.lwaClientSecret(), sandbox.lwaRefreshToken());
        client = AmazonListingsClient.create(AmazonClientSettings.builder(sandbox.sellerId(), List.of(sandbox.marketplaceId()), lwa)
                .endpointUrl(sandbox.baseUrl()).feedPollInterval(Duration.ofMillis(20)).maxFeedWait(Duration.ofSeconds(10))
                .rateLimits(new AmazonRateLimits(100)).build(), new RateLimiterRegistry());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static List<ListingQuantity> items(int count, int quantity) {
        List<ListingQuantity> items = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            items.add(new ListingQuantity("OUR-" + n, Map.of("sellerSku", "AMZ-" + n), quantity, null));
        }
        return items;
    }

    @Test
    void everyUploadedFeedAndEveryReportIsValidAgainstAmazonsSchemas() throws Exception {
        client.submit(items(30, 5));
        sandbox.injectIssue(new SandboxIssue("AMZ-2", "WARNING", "18448", "Attributes are incomplete.", null));
        sandbox.injectIssue(new SandboxIssue("AMZ-3", "ERROR", "90220", "'[condition_type]' is required but not supplied.", "condition_type"));
        sandbox.setAcceptUnknownSkus(false);
        client.submit(List.of(new ListingQuantity("OUR-X", Map.of("sellerSku", "NEVER-LISTED"), 1, null),
                new ListingQuantity("OUR-2", Map.of("sellerSku", "AMZ-2"), 2, null),
                new ListingQuantity("OUR-3", Map.of("sellerSku", "AMZ-3"), 3, null),
                new ListingQuantity("OUR-4", Map.of("sellerSku", "AMZ-4"), -1, null)));
        sandbox.setGzipReports(true);
        client.submit(items(3, 9));
        sandbox.injectFaults(SandboxFaults.fatal(1));
        client.submit(items(2, 1));

        List<SandboxFeed> feeds = sandbox.feeds();
        assertThat(feeds).extracting(SandboxFeed::processingStatus).containsExactly("DONE", "DONE", "DONE", "FATAL");
        for (SandboxFeed feed : feeds) {
            byte[] input = sandbox.documentContent(feed.inputFeedDocumentId()).orElseThrow();
            byte[] report = sandbox.documentContent(feed.resultFeedDocumentId()).orElseThrow();
            assertThat(AmazonFeedSchemas.violations(AmazonFeedSchemas.feed(), input)).as("feed %s", feed.feedId()).isEmpty();
            assertThat(AmazonFeedSchemas.violations(AmazonFeedSchemas.processingReport(), report)).as("report of %s", feed.feedId()).isEmpty();
        }
        String withIssues = new String(sandbox.documentContent(feeds.get(1).resultFeedDocumentId()).orElseThrow());
        assertThat(withIssues).contains("13013", "18448", "90220", "90000900");
    }
}
