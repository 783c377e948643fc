package io.inventorysync.connectors.amazon;

import static io.inventorysync.support.FastAmazonSandbox.listingsUri;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.inventorysync.channel.ListingQuantity;
import io.inventorysync.channel.PushOutcome;
import io.inventorysync.connectors.amazon.sandbox.AmazonSandbox;
import io.inventorysync.support.FastAmazonSandbox;
import io.inventorysync.connectors.amazon.sandbox.SandboxFaults;
import io.inventorysync.connectors.amazon.sandbox.SandboxIssue;
import io.inventorysync.connectors.amazon.sandbox.SandboxRateLimits;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code amazon-listings} producer against the sandbox. Time runs 100 times faster on both sides (the sandbox's
 * usage plans and the client's {@code rateLimitScale}), so the tests cover Amazon's limits in seconds; after every
 * test the sandbox must have counted no violation of a usage plan.
 */
class AmazonListingsProducerIT {

    static AmazonSandbox sandbox;
    CamelContext camel;
    ProducerTemplate template;

    @BeforeAll
    static void startSandbox() {
        sandbox = FastAmazonSandbox.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void startCamel() {
        sandbox.reset();
        camel = new DefaultCamelContext();
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterEach
    void noUsagePlanWasViolated() {
        camel.stop();
        assertThat(sandbox.stats().violations()).as("429s the client caused by going over a usage plan").isEmpty();
    }

    static ListingQuantity listing(int n, int quantity) {
        return new ListingQuantity("OUR-" + n, Map.of(AmazonListingsClient.SELLER_SKU, "AMZ-" + n), quantity, null);
    }

    static List<ListingQuantity> items(int count, int base) {
        List<ListingQuantity> items = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            items.add(listing(n, base + n));
        }
        return items;
    }

    @SuppressWarnings("unchecked")
    List<PushOutcome> push(String uri, Object body) {
        return template.requestBody(uri, body, List.class);
    }

    static void assertAll(List<PushOutcome> outcomes, PushOutcome.Status status, String code) {
        assertThat(outcomes).allSatisfy(o -> {
            assertThat(o.status()).as(o.toString()).isEqualTo(status);
            assertThat(o.code()).as(o.toString()).isEqualTo(code);
        });
    }

    @Test
    void thirtyListingsGoAsOneFeedAndAmazonShowsEachQuantityWhenReadBack() throws Exception {
        List<ListingQuantity> items = items(30, 100);

        Exchange answer = template.request(listingsUri(sandbox, ""), exchange -> exchange.getMessage().setBody(items));

        List<?> outcomes = answer.getMessage().getBody(List.class);
        assertThat(outcomes).hasSize(30);
        assertAll(answer.getMessage().getBody(List.class), PushOutcome.Status.PUSHED, null);
        assertThat(((PushOutcome) outcomes.get(29)).sku()).isEqualTo("OUR-30");
        assertThat(sandbox.stats().feedsSubmitted()).isEqualTo(1);
        assertThat(sandbox.stats().maxMessagesInOneFeed()).isEqualTo(30);
        assertThat(answer.getMessage().getHeader(AmazonListingsConstants.PUSHED_COUNT, Integer.class)).isEqualTo(30);
        assertThat(answer.getMessage().getHeader(AmazonListingsConstants.FEED_IDS, List.class))
                .containsExactly(sandbox.feeds().get(0).feedId());
        for (ListingQuantity item : items) {
            assertThat(sandbox.quantity(item.listing().get("sellerSku"))).as(item.sku()).contains(item.quantity());
        }
        // and through getListingsItem, as a reconciliation reads it, within its usage plan
        AmazonListingsClient reader = camel.getEndpoint(listingsUri(sandbox, ""), AmazonListingsEndpoint.class).createClient();
        for (ListingQuantity item : items) {
            assertThat(reader.readQuantity(item.listing().get("sellerSku"))).as(item.sku()).contains(item.quantity());
        }
    }

    @Test
    void aBodyLargerThanTheBatchSizeIsSplitIntoFeeds() {
        Exchange answer = template.request(listingsUri(sandbox, "&batchSize=10"), exchange -> exchange.getMessage().setBody(items(25, 0)));

        assertAll(answer.getMessage().getBody(List.class), PushOutcome.Status.PUSHED, null);
        assertThat(sandbox.stats().feedsSubmitted()).isEqualTo(3);
        assertThat(sandbox.stats().maxMessagesInOneFeed()).isEqualTo(10);
        assertThat(answer.getMessage().getHeader(AmazonListingsConstants.FEED_IDS, List.class)).hasSize(3);
    }

    @Test
    void unknownSkusAreRejectedWithAmazonsCodeWhileTheRestArePushed() {
        sandbox.setAcceptUnknownSkus(false);
        List<ListingQuantity> items = items(30, 0);
        sandbox.registerSkus(items.stream().map(i -> i.listing().get("sellerSku")).filter(s -> !s.equals("AMZ-7") && !s.equals("AMZ-19")).toList());

        List<PushOutcome> outcomes = push(listingsUri(sandbox, ""), items);

        assertThat(outcomes).filteredOn(o -> o.status() == PushOutcome.Status.REJECTED)
                .extracting(PushOutcome::sku).containsExactly("OUR-7", "OUR-19");
        assertThat(outcomes.get(6).code()).isEqualTo("13013");
        assertThat(outcomes.get(6).message()).contains("does not exist");
        assertThat(outcomes).filteredOn(o -> o.status() == PushOutcome.Status.PUSHED).hasSize(28);
        assertThat(sandbox.quantity("AMZ-8")).contains(8);
        assertThat(sandbox.listing("AMZ-7")).isEmpty();
    }

    @Test
    void negativeQuantityIsRejectedWithAmazonsAttributeCode() {
        List<PushOutcome> outcomes = push(listingsUri(sandbox, ""), List.of(listing(1, 5), listing(2, -3)));

        assertThat(outcomes.get(0).status()).isEqualTo(PushOutcome.Status.PUSHED);
        assertThat(outcomes.get(1).status()).isEqualTo(PushOutcome.Status.REJECTED);
        assertThat(outcomes.get(1).code()).isEqualTo("90000900");
        assertThat(outcomes.get(1).message()).contains("fulfillment_availability");
    }

    @Test
    void warningsLeaveAnItemPushedAndErrorsRejectItWithTheirCode() {
        sandbox.injectIssue(new SandboxIssue("AMZ-1", "WARNING", "18448", "Attributes tagged as relevant_attributes are incomplete.", null));
        sandbox.injectIssue(new SandboxIssue("AMZ-2", "ERROR", "90220", "'[condition_type]' is required but not supplied.", "condition_type"));

        List<PushOutcome> outcomes = push(listingsUri(sandbox, ""), items(3, 0));

        assertThat(outcomes.get(0).status()).isEqualTo(PushOutcome.Status.PUSHED);
        assertThat(outcomes.get(0).message()).contains("18448").contains("WARNING");
        assertThat(outcomes.get(1).status()).isEqualTo(PushOutcome.Status.REJECTED);
        assertThat(outcomes.get(1).code()).isEqualTo("90220");
        assertThat(outcomes.get(1).message()).contains("condition_type");
        assertThat(outcomes.get(2)).isEqualTo(PushOutcome.pushed(listing(3, 3)));
        assertThat(sandbox.quantity("AMZ-1")).contains(1);
    }

    @Test
    void listingsWithoutSellerSkuAreRejectedAndTwoItemsForOneSellerSkuGoAsOneMessageWithTheLastValue() {
        ListingQuantity unmapped = new ListingQuantity("OUR-X", Map.of(), 4, null);
        ListingQuantity earlier = new ListingQuantity("OUR-A", Map.of("sellerSku", "AMZ-SAME"), 1, null);
        ListingQuantity later = new ListingQuantity("OUR-B", Map.of("sellerSku", "AMZ-SAME"), 2, null);

        List<PushOutcome> outcomes = push(listingsUri(sandbox, ""), List.of(unmapped, earlier, later));

        assertThat(outcomes.get(0).status()).isEqualTo(PushOutcome.Status.REJECTED);
        assertThat(outcomes.get(0).code()).isEqualTo("MISSING_LISTING_ID");
        assertThat(outcomes.get(1).status()).isEqualTo(PushOutcome.Status.PUSHED);
        assertThat(outcomes.get(1).message()).contains("superseded");
        assertThat(sandbox.stats().maxMessagesInOneFeed()).isEqualTo(1);
        assertThat(sandbox.quantity("AMZ-SAME")).contains(2);
    }

    @Test
    void throttledAndFailingSubmissionsAreRetriedWithoutLoss() {
        sandbox.injectFaults(new SandboxFaults(2, null, 2, null, null, null));
        List<ListingQuantity> items = items(10, 0);

        List<PushOutcome> outcomes = push(listingsUri(sandbox, "&maxRetries=5"), items);

        assertAll(outcomes, PushOutcome.Status.PUSHED, null);
        assertThat(sandbox.stats().http5xx()).isEqualTo(2);
        assertThat(sandbox.stats().injectedThrottles()).isEqualTo(2);
        assertThat(sandbox.stats().feedsSubmitted()).isEqualTo(1);
        items.forEach(i -> assertThat(sandbox.quantity(i.listing().get("sellerSku"))).contains(i.quantity()));
    }

    @Test
    void itemsStillFailingAfterMaxRetriesAreAnsweredRetryWithAmazonsCode() {
        sandbox.injectFaults(SandboxFaults.serverError(100));

        List<PushOutcome> outcomes = push(listingsUri(sandbox, "&maxRetries=2"), items(5, 0));

        assertAll(outcomes, PushOutcome.Status.RETRY, "ServiceUnavailable");
        assertThat(sandbox.stats().http5xx()).as("first try + 2 retries").isEqualTo(3);
        assertThat(sandbox.stats().feedsSubmitted()).isZero();
    }

    @Test
    void aFatalFeedAnswersEveryItemRetryWithoutResubmittingIt() {
        sandbox.injectFaults(SandboxFaults.fatal(1));

        Exchange answer = template.request(listingsUri(sandbox, ""), exchange -> exchange.getMessage().setBody(items(4, 0)));

        List<PushOutcome> outcomes = answer.getMessage().getBody(List.class);
        assertAll(outcomes, PushOutcome.Status.RETRY, "FATAL");
        assertThat(outcomes.get(0).message()).contains("4000000");
        assertThat(sandbox.stats().feedsSubmitted()).isEqualTo(1);
        assertThat(sandbox.stats().feedsFatal()).isEqualTo(1);
        assertThat(sandbox.listings()).isEmpty();
        assertThat(answer.getMessage().getHeader(AmazonListingsConstants.RETRY_COUNT, Integer.class)).isEqualTo(4);
    }

    @Test
    void aCancelledFeedAnswersEveryItemRetry() {
        sandbox.injectFaults(SandboxFaults.cancel(1));

        assertAll(push(listingsUri(sandbox, ""), items(3, 0)), PushOutcome.Status.RETRY, "CANCELLED");
    }

    @Test
    void aFeedNotDoneWithinMaxFeedWaitAnswersRetryWithFeedTimeout() {
        sandbox.configureDelays(Duration.ofMillis(10), Duration.ofSeconds(5));

        List<PushOutcome> outcomes = push(listingsUri(sandbox, "").replace("maxFeedWait=10000", "maxFeedWait=300"), items(3, 0));

        assertAll(outcomes, PushOutcome.Status.RETRY, "FEED_TIMEOUT");
        assertThat(outcomes.get(0).message()).contains("IN_PROGRESS");
    }

    @Test
    void accessTokensAreRefreshedBeforeTheyExpireSoNoCallIsRefused() {
        sandbox.setAccessTokenLifetime(Duration.ofSeconds(2));

        for (int round = 0; round < 5; round++) {
            assertAll(push(listingsUri(sandbox, ""), items(3, round * 10)), PushOutcome.Status.PUSHED, null);
        }

        assertThat(sandbox.stats().tokensIssued()).as("refreshed as the two-second tokens ran out").isGreaterThanOrEqualTo(2);
        assertThat(sandbox.stats().unauthorized()).isZero();
    }

    @Test
    void aTokenAmazonNoLongerAcceptsIsReplacedAndTheCallMadeAgain() {
        assertAll(push(listingsUri(sandbox, ""), items(2, 0)), PushOutcome.Status.PUSHED, null);
        sandbox.expireAccessTokens();

        assertAll(push(listingsUri(sandbox, ""), items(2, 10)), PushOutcome.Status.PUSHED, null);

        assertThat(sandbox.stats().unauthorized()).isEqualTo(1);
        assertThat(sandbox.stats().tokensIssued()).isEqualTo(2);
        assertThat(sandbox.quantity("AMZ-2")).contains(12);
    }

    @Test
    void aRefreshTokenLwaRefusesRejectsEveryItemWithLwasCodeAndStopsCalling() {
        String badToken = listingsUri(sandbox, "&batchSize=2").replace("lwaRefreshToken=RAW(" + sandbox.lwaRefreshToken() + ")",
                "lwaRefreshToken=RAW(Atzr|revoked)");

        List<PushOutcome> outcomes = push(badToken, items(5, 0));

        assertAll(outcomes, PushOutcome.Status.REJECTED, "invalid_grant");
        assertThat(sandbox.stats().tokenRequestsRejected()).as("later batches answered without calling").isEqualTo(1);
        assertThat(sandbox.stats().feedsSubmitted()).isZero();
    }

    @Test
    void manyPushesInARowKeepToEveryUsagePlanAndTheFeedSubmissionLimit() {
        for (int round = 0; round < 12; round++) {
            assertAll(push(listingsUri(sandbox, ""), items(5, round * 10)), PushOutcome.Status.PUSHED, null);
        }

        assertThat(sandbox.stats().feedsSubmitted()).isEqualTo(12);
        assertThat(sandbox.stats().totalViolations()).isZero();
        assertThat(sandbox.quantity("AMZ-5")).contains(115);
    }

    @Test
    void onceFeedsHaveFinishedTheFirstGetFeedOfANewOneWaitsForTheQuickestOfThem() {
        // 50 + 100 ms in the sandbox, polled every 20 ms: the first feed is asked about every interval
        long before = sandbox.stats().calls(SandboxRateLimits.GET_FEED);
        assertAll(push(listingsUri(sandbox, ""), items(3, 0)), PushOutcome.Status.PUSHED, null);
        long firstFeedPolls = sandbox.stats().calls(SandboxRateLimits.GET_FEED) - before;
        assertAll(push(listingsUri(sandbox, ""), items(3, 10)), PushOutcome.Status.PUSHED, null);

        before = sandbox.stats().calls(SandboxRateLimits.GET_FEED);
        assertAll(push(listingsUri(sandbox, ""), items(3, 20)), PushOutcome.Status.PUSHED, null);
        long laterFeedPolls = sandbox.stats().calls(SandboxRateLimits.GET_FEED) - before;

        assertThat(firstFeedPolls).as("polls of the first feed").isGreaterThanOrEqualTo(4);
        assertThat(laterFeedPolls).as("polls of a feed once turnarounds are known").isLessThanOrEqualTo(3)
                .isLessThan(firstFeedPolls);
    }

    @Test
    void jsonTextBodiesAreReadToo() {
        List<PushOutcome> outcomes = push(listingsUri(sandbox, ""),
                "[{\"sku\":\"OUR-1\",\"listing\":{\"sellerSku\":\"AMZ-1\"},\"quantity\":9,\"expectedQuantity\":3}]");

        assertAll(outcomes, PushOutcome.Status.PUSHED, null);
        assertThat(sandbox.quantity("AMZ-1")).contains(9);
    }
}
