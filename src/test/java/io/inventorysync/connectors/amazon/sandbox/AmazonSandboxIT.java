package io.inventorysync.connectors.amazon.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.inventorysync.connectors.amazon.AmazonFeedSchemas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox over plain HTTP: LWA, the feed state machine, pre-signed URLs, usage plans, reports, read-back, faults. */
class AmazonSandboxIT {

    static final AmazonSandboxSettings SETTINGS = AmazonSandboxSettings.defaults()
            .withDelays(Duration.ofMillis(300), Duration.ofMillis(300));

    static AmazonSandbox sandbox;
    static SpApiHttp http;
    String token;

    @BeforeAll
    static void start() {
        sandbox = AmazonSandbox.start(SETTINGS, 0);
        http = new SpApiHttp(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void freshSandbox() {
        sandbox.reset();
        token = http.token();
    }

    static Map<String, Object> patch(int messageId, String sku, Object quantity) {
        Map<String, Object> availability = new LinkedHashMap<>();
        availability.put("fulfillment_channel_code", "DEFAULT");
        availability.put("quantity", quantity);
        return Map.of("messageId", messageId, "sku", sku, "operationType", "PATCH", "productType", "PRODUCT",
                "patches", List.of(Map.of("op", "replace", "path", "/attributes/fulfillment_availability",
                        "value", List.of(availability))));
    }

    static Map<String, Object> feed(List<?> messages) {
        return Map.of("header", Map.of("sellerId", sandbox.sellerId(), "version", "2.0", "issueLocale", "en_US"),
                "messages", messages);
    }

    JsonNode getFeed(String feedId) {
        SpApiHttp.Answer answer = http.call(token, "GET", "/feeds/2021-06-30/feeds/" + feedId, null);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.body();
    }

    JsonNode awaitEnd(String feedId) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(
                () -> List.of("DONE", "FATAL", "CANCELLED").contains(sandbox.feed(feedId).orElseThrow().processingStatus()));
        return getFeed(feedId);
    }

    @Test
    void lwaIssuesBearerTokensForTheRefreshGrantAndRefusesBadCredentialsWithLwasErrors() {
        SpApiHttp.Answer ok = http.lwa(Map.of("grant_type", "refresh_token", "refresh_token", sandbox.lwaRefreshToken(),
                "client_id", sandbox.lwaClientId(), "client_secret", sandbox.lwaClientSecret()));
        SpApiHttp.Answer badClient = http.lwa(Map.of("grant_type", "refresh_token", "refresh_token", sandbox.lwaRefreshToken(),
                "client_id", sandbox.lwaClientId(), "client_secret", "wrong"));
        SpApiHttp.Answer badGrant = http.lwa(Map.of("grant_type", "refresh_token", "refresh_token", "Atzr|revoked",
                "client_id", sandbox.lwaClientId(), "client_secret", sandbox.lwaClientSecret()));
        SpApiHttp.Answer noGrant = http.lwa(Map.of("client_id", sandbox.lwaClientId()));

        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body().get("access_token").asText()).startsWith("Atza|");
        assertThat(ok.body().get("token_type").asText()).isEqualTo("bearer");
        assertThat(ok.body().get("expires_in").asInt()).isEqualTo(3600);
        assertThat(badClient.status()).isEqualTo(401);
        assertThat(badClient.body().get("error").asText()).isEqualTo("invalid_client");
        assertThat(badGrant.status()).isEqualTo(400);
        assertThat(badGrant.body().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(noGrant.body().get("error").asText()).isEqualTo("invalid_request");
        assertThat(sandbox.stats().tokenRequestsRejected()).isEqualTo(3);
    }

    @Test
    void spApiCallsWithoutAValidUnexpiredTokenAreRefused403WithSpApisErrorBody() {
        SpApiHttp.Answer none = http.call(null, "GET", "/feeds/2021-06-30/feeds/1", null);
        SpApiHttp.Answer forged = http.call("Atza|forged", "POST", "/feeds/2021-06-30/documents", Map.of("contentType", "x"));
        sandbox.expireAccessTokens();
        SpApiHttp.Answer expired = http.call(token, "POST", "/feeds/2021-06-30/documents", Map.of("contentType", "x"));

        for (SpApiHttp.Answer answer : List.of(none, forged, expired)) {
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.body().at("/errors/0/code").asText()).isEqualTo("Unauthorized");
            assertThat(answer.body().at("/errors/0/message").asText()).isEqualTo("Access to requested resource is denied.");
            assertThat(answer.body().at("/errors/0").has("details")).isTrue();
        }
        assertThat(sandbox.stats().unauthorized()).isEqualTo(3);
        assertThat(http.call(http.token(), "POST", "/feeds/2021-06-30/documents", Map.of("contentType", "x")).status())
                .as("a fresh token works").isEqualTo(201);
    }

    @Test
    void accessTokensExpireAfterTheirLifetime() {
        sandbox.setAccessTokenLifetime(Duration.ofSeconds(1));
        String shortLived = http.token();

        assertThat(http.call(shortLived, "GET", "/feeds/2021-06-30/feeds", null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(3)).until(
                () -> http.call(shortLived, "GET", "/feeds/2021-06-30/feeds/1", null).status() == 403);
    }

    @Test
    void aFeedGoesInQueueThenInProgressThenDoneAndOnlyThenShowsTheNewQuantities() {
        sandbox.setQuantity("SKU-A", 1);
        String feedId = http.submitFeed(token, feed(List.of(patch(1, "SKU-A", 7), patch(2, "SKU-B", 0))));

        assertThat(getFeed(feedId).get("processingStatus").asText()).isEqualTo("IN_QUEUE");
        assertThat(getFeed(feedId).has("resultFeedDocumentId")).isFalse();
        assertThat(sandbox.quantity("SKU-A")).contains(1);
        // watched on the sandbox itself: polling getFeed this often would spend its quota (2/s, burst 15) while
        // a busy machine keeps the feed queued
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> !"IN_QUEUE".equals(sandbox.feed(feedId).orElseThrow().processingStatus()));
        assertThat(getFeed(feedId).get("processingStatus").asText()).isIn("IN_PROGRESS", "DONE");
        // the new quantity shows only once the feed is done: read the quantity first, then the status
        Integer shown = sandbox.quantity("SKU-A").orElseThrow();
        String status = sandbox.feed(feedId).orElseThrow().processingStatus();
        assertThat(shown == 1 || "DONE".equals(status)).as("SKU-A shows %s while the feed is %s", shown, status).isTrue();
        JsonNode done = awaitEnd(feedId);

        assertThat(done.get("processingStatus").asText()).isEqualTo("DONE");
        assertThat(done.get("feedType").asText()).isEqualTo("JSON_LISTINGS_FEED");
        assertThat(done.get("processingStartTime").asText()).isNotBlank();
        assertThat(done.get("processingEndTime").asText()).isNotBlank();
        assertThat(sandbox.quantity("SKU-A")).contains(7);
        assertThat(sandbox.quantity("SKU-B")).contains(0);
        JsonNode report = http.report(token, done.get("resultFeedDocumentId").asText());
        assertThat(AmazonFeedSchemas.violations(AmazonFeedSchemas.processingReport(), report)).isEmpty();
        assertThat(report.at("/header/feedId").asText()).isEqualTo(feedId);
        assertThat(report.at("/header/sellerId").asText()).isEqualTo(sandbox.sellerId());
        assertThat(report.get("issues")).isEmpty();
        assertThat(report.at("/summary/messagesProcessed").asInt()).isEqualTo(2);
        assertThat(report.at("/summary/messagesAccepted").asInt()).isEqualTo(2);
    }

    @Test
    void feedsAreProcessedOneAfterTheOther() {
        String first = http.submitFeed(token, feed(List.of(patch(1, "SKU-A", 1))));
        String second = http.submitFeed(token, feed(List.of(patch(1, "SKU-A", 2))));

        awaitEnd(second);

        SandboxFeed a = sandbox.feed(first).orElseThrow();
        SandboxFeed b = sandbox.feed(second).orElseThrow();
        assertThat(b.processingStartTime()).isGreaterThanOrEqualTo(a.processingEndTime());
        assertThat(sandbox.quantity("SKU-A")).as("the later feed's value wins").contains(2);
    }

    @Test
    void reportNamesUnknownSkusNegativeQuantitiesAndMalformedMessagesWithAmazonsCodesAndAppliesTheRest() {
        sandbox.setAcceptUnknownSkus(false);
        sandbox.registerSkus(List.of("KNOWN-1", "KNOWN-2", "KNOWN-3"));
        Map<String, Object> withoutChannel = Map.of("messageId", 4, "sku", "KNOWN-3", "operationType", "PATCH",
                "productType", "PRODUCT", "patches", List.of(Map.of("op", "replace",
                        "path", "/attributes/fulfillment_availability", "value", List.of(Map.of("quantity", 1)))));
        String feedId = http.submitFeed(token, feed(List.of(patch(1, "KNOWN-1", 5), patch(2, "STRANGER", 5),
                patch(3, "KNOWN-2", -3), withoutChannel)));

        JsonNode report = http.report(token, awaitEnd(feedId).get("resultFeedDocumentId").asText());

        assertThat(AmazonFeedSchemas.violations(AmazonFeedSchemas.processingReport(), report)).isEmpty();
        assertThat(report.get("issues")).hasSize(3);
        assertThat(report.at("/issues/0/messageId").asInt()).isEqualTo(2);
        assertThat(report.at("/issues/0/sku").asText()).isEqualTo("STRANGER");
        assertThat(report.at("/issues/0/code").asText()).isEqualTo("13013");
        assertThat(report.at("/issues/0/severity").asText()).isEqualTo("ERROR");
        assertThat(report.at("/issues/1/code").asText()).isEqualTo("90000900");
        assertThat(report.at("/issues/1/attributeName").asText()).isEqualTo("fulfillment_availability");
        assertThat(report.at("/issues/2/code").asText()).isEqualTo("BAD_REQUEST");
        assertThat(report.at("/summary/messagesAccepted").asInt()).isEqualTo(1);
        assertThat(report.at("/summary/messagesInvalid").asInt()).isEqualTo(3);
        assertThat(report.at("/summary/errors").asInt()).isEqualTo(3);
        assertThat(sandbox.quantity("KNOWN-1")).contains(5);
        assertThat(sandbox.listing("STRANGER")).isEmpty();
        assertThat(sandbox.listing("KNOWN-2").orElseThrow().quantity()).isNull();
    }

    @Test
    void armedWarningsLeaveTheMessageAcceptedAndArmedErrorsMakeItInvalid() {
        sandbox.injectIssue(new SandboxIssue("WARNED", "WARNING", "18448", "Attributes tagged as relevant_attributes are incomplete.", null));
        sandbox.injectIssue(new SandboxIssue("BLOCKED", "ERROR", "90220", "'[condition_type]' is required but not supplied.", "condition_type"));
        String feedId = http.submitFeed(token, feed(List.of(patch(1, "WARNED", 3), patch(2, "BLOCKED", 4))));

        JsonNode report = http.report(token, awaitEnd(feedId).get("resultFeedDocumentId").asText());

        assertThat(AmazonFeedSchemas.violations(AmazonFeedSchemas.processingReport(), report)).isEmpty();
        assertThat(report.at("/summary/warnings").asInt()).isEqualTo(1);
        assertThat(report.at("/summary/messagesAccepted").asInt()).isEqualTo(1);
        assertThat(sandbox.quantity("WARNED")).contains(3);
        assertThat(sandbox.listing("BLOCKED")).isEmpty();
    }

    @Test
    void anUnreadableDocumentEndsFatalWithAReportSayingWhy() {
        String feedId = http.submitFeed(token, "{\"header\": {\"sellerId\": \"" + sandbox.sellerId() + "\"");

        JsonNode end = awaitEnd(feedId);

        assertThat(end.get("processingStatus").asText()).isEqualTo("FATAL");
        JsonNode report = http.report(token, end.get("resultFeedDocumentId").asText());
        assertThat(AmazonFeedSchemas.violations(AmazonFeedSchemas.processingReport(), report)).isEmpty();
        assertThat(report.at("/issues/0/message").asText()).contains("not valid JSON");
    }

    @Test
    void injectedFatalEndsTheNextFeedFatalAndAppliesNothing() {
        sandbox.injectFaults(SandboxFaults.fatal(1));
        String fatal = http.submitFeed(token, feed(List.of(patch(1, "SKU-A", 9))));
        String next = http.submitFeed(token, feed(List.of(patch(1, "SKU-B", 9))));

        assertThat(awaitEnd(fatal).get("processingStatus").asText()).isEqualTo("FATAL");
        assertThat(awaitEnd(next).get("processingStatus").asText()).isEqualTo("DONE");
        assertThat(sandbox.listing("SKU-A")).isEmpty();
        assertThat(sandbox.quantity("SKU-B")).contains(9);
        assertThat(sandbox.stats().feedsFatal()).isEqualTo(1);
    }

    @Test
    void onlyAFeedStillInQueueCanBeCancelled() {
        String feedId = http.submitFeed(token, feed(List.of(patch(1, "SKU-A", 9))));

        assertThat(http.call(token, "DELETE", "/feeds/2021-06-30/feeds/" + feedId, null).status()).isEqualTo(200);
        assertThat(getFeed(feedId).get("processingStatus").asText()).isEqualTo("CANCELLED");
        String other = http.submitFeed(token, feed(List.of(patch(1, "SKU-A", 9))));
        awaitEnd(other);
        SpApiHttp.Answer late = http.call(token, "DELETE", "/feeds/2021-06-30/feeds/" + other, null);
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.body().at("/errors/0/code").asText()).isEqualTo("InvalidInput");
    }

    @Test
    void gzipReportsSayGzipAndUnpackToAValidReport() {
        sandbox.setGzipReports(true);
        String feedId = http.submitFeed(token, feed(List.of(patch(1, "SKU-A", 4))));
        String documentId = awaitEnd(feedId).get("resultFeedDocumentId").asText();

        JsonNode location = http.call(token, "GET", "/feeds/2021-06-30/documents/" + documentId, null).body();
        byte[] raw = http.get(location.get("url").asText()).raw().body();

        assertThat(location.get("compressionAlgorithm").asText()).isEqualTo("GZIP");
        assertThat(raw[0] & 0xff).as("gzip magic").isEqualTo(0x1f);
        assertThat(AmazonFeedSchemas.violations(AmazonFeedSchemas.processingReport(), http.report(token, documentId))).isEmpty();
    }

    @Test
    void uploadUrlsRefuseAnotherContentTypeAndExpireAfterTheirLifetime() {
        sandbox.setPresignedUrlLifetime(Duration.ofMillis(400));
        JsonNode document = http.call(token, "POST", "/feeds/2021-06-30/documents",
                Map.of("contentType", SpApiHttp.FEED_CONTENT_TYPE)).body();
        String url = document.get("url").asText();

        SpApiHttp.Answer otherType = http.put(url, "text/plain", "{}".getBytes());
        SpApiHttp.Answer feed = http.call(token, "POST", "/feeds/2021-06-30/feeds", Map.of("feedType", "JSON_LISTINGS_FEED",
                "marketplaceIds", List.of(sandbox.marketplaceId()), "inputFeedDocumentId", document.get("feedDocumentId").asText()));

        assertThat(url).contains("/uploads/").contains("X-Amz-Signature=").contains("X-Amz-Expires=");
        assertThat(otherType.status()).isEqualTo(403);
        assertThat(otherType.text()).contains("<Code>SignatureDoesNotMatch</Code>");
        assertThat(feed.status()).as("nothing was uploaded").isEqualTo(400);
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.put(url, SpApiHttp.FEED_CONTENT_TYPE, "{}".getBytes()).status() == 403);
        SpApiHttp.Answer expired = http.put(url, SpApiHttp.FEED_CONTENT_TYPE, "{}".getBytes());
        assertThat(expired.text()).contains("<Code>AccessDenied</Code>").contains("Request has expired");
        assertThat(sandbox.stats().presignedUrlRejections()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void createFeedRefusesOtherFeedTypesUnknownMarketplacesAndMissingFields() {
        Map<String, Object> legacy = Map.of("feedType", "POST_INVENTORY_AVAILABILITY_DATA",
                "marketplaceIds", List.of(sandbox.marketplaceId()), "inputFeedDocumentId", "x");
        Map<String, Object> unknownMarketplace = Map.of("feedType", "JSON_LISTINGS_FEED",
                "marketplaceIds", List.of("NOPE"), "inputFeedDocumentId", "x");

        for (Object body : List.of(legacy, unknownMarketplace, Map.of("feedType", "JSON_LISTINGS_FEED"))) {
            SpApiHttp.Answer answer = http.call(token, "POST", "/feeds/2021-06-30/feeds", body);
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body().at("/errors/0/code").asText()).isEqualTo("InvalidInput");
        }
    }

    @Test
    void goingOverAnOperationsBurstIs429QuotaExceededAndCountedAsAViolation() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            statuses.add(http.call(token, "POST", "/feeds/2021-06-30/documents", Map.of("contentType", "x")).status());
        }
        SpApiHttp.Answer throttled = http.call(token, "POST", "/feeds/2021-06-30/documents", Map.of("contentType", "x"));

        assertThat(statuses.subList(0, 15)).containsOnly(201);
        assertThat(statuses.get(15)).isEqualTo(429);
        assertThat(throttled.body().at("/errors/0/code").asText()).isEqualTo("QuotaExceeded");
        assertThat(throttled.body().at("/errors/0/message").asText()).isEqualTo("You exceeded your quota for the requested resource.");
        assertThat(sandbox.stats().violations()).containsEntry("createFeedDocument", 2L);
        assertThat(sandbox.stats().totalViolations()).isEqualTo(2);
    }

    @Test
    void aSixthListingsFeedWithinFiveMinutesIs429AndCountedAgainstTheFeedTypeLimit() {
        sandbox.configureRateLimits(SandboxRateLimits.amazonDefaults().withFeedSubmissions(5, Duration.ofSeconds(2))
                .withOperation("createFeedDocument", 100, 100).withOperation("createFeed", 100, 100));
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            accepted.add(http.submitFeed(token, feed(List.of(patch(1, "SKU-A", i)))));
        }

        SpApiHttp.Answer sixth = sixthSubmission();

        assertThat(accepted).hasSize(5);
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sandbox.stats().violations()).containsEntry("createFeed:JSON_LISTINGS_FEED", 1L);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).until(() -> sixthSubmission().status() == 202);
    }

    private SpApiHttp.Answer sixthSubmission() {
        JsonNode document = http.call(token, "POST", "/feeds/2021-06-30/documents",
                Map.of("contentType", SpApiHttp.FEED_CONTENT_TYPE)).body();
        http.put(document.get("url").asText(), SpApiHttp.FEED_CONTENT_TYPE, SpApiHttp.json(feed(List.of(patch(1, "SKU-A", 6)))).getBytes());
        return http.call(token, "POST", "/feeds/2021-06-30/feeds", Map.of("feedType", "JSON_LISTINGS_FEED",
                "marketplaceIds", List.of(sandbox.marketplaceId()), "inputFeedDocumentId", document.get("feedDocumentId").asText()));
    }

    @Test
    void injectedThrottlesAndServerErrorsAreNotViolations() {
        sandbox.injectFaults(new SandboxFaults(1, 500, 2, null, null, null));

        SpApiHttp.Answer serverError = http.call(token, "GET", "/feeds/2021-06-30/feeds/1", null);
        SpApiHttp.Answer throttled1 = http.call(token, "GET", "/feeds/2021-06-30/feeds/1", null);
        SpApiHttp.Answer throttled2 = http.call(token, "GET", "/feeds/2021-06-30/feeds/1", null);
        SpApiHttp.Answer normal = http.call(token, "GET", "/feeds/2021-06-30/feeds/1", null);

        assertThat(serverError.status()).isEqualTo(500);
        assertThat(serverError.body().at("/errors/0/code").asText()).isEqualTo("InternalFailure");
        assertThat(List.of(throttled1.status(), throttled2.status())).containsOnly(429);
        assertThat(normal.status()).as("an unknown feed").isEqualTo(404);
        assertThat(sandbox.stats().injectedThrottles()).isEqualTo(2);
        assertThat(sandbox.stats().http5xx()).isEqualTo(1);
        assertThat(sandbox.stats().totalViolations()).isZero();
    }

    @Test
    void injectedRefusalAnswers403UnauthorizedWhateverTheToken() {
        sandbox.injectFaults(SandboxFaults.unauthorized(1));

        SpApiHttp.Answer refused = http.call(token, "GET", "/feeds/2021-06-30/feeds/1", null);
        SpApiHttp.Answer next = http.call(token, "GET", "/feeds/2021-06-30/feeds/1", null);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().at("/errors/0/code").asText()).isEqualTo("Unauthorized");
        assertThat(next.status()).as("an unknown feed, with the same token").isEqualTo(404);
        assertThat(sandbox.stats().unauthorized()).isEqualTo(1);
    }

    @Test
    void getListingsItemReadsTheMfnQuantityBackAndAnswers404ForAnUnknownSku() {
        sandbox.setQuantity("SKU/WITH SPACE", 42);
        String base = "/listings/2021-08-01/items/" + sandbox.sellerId() + "/";

        SpApiHttp.Answer item = http.call(token, "GET", base + "SKU%2FWITH%20SPACE?marketplaceIds=" + sandbox.marketplaceId()
                + "&includedData=summaries,fulfillmentAvailability", null);
        SpApiHttp.Answer unknown = http.call(token, "GET", base + "NOPE?marketplaceIds=" + sandbox.marketplaceId(), null);
        SpApiHttp.Answer noMarketplace = http.call(token, "GET", base + "NOPE", null);
        SpApiHttp.Answer otherSeller = http.call(token, "GET",
                "/listings/2021-08-01/items/AOTHERSELLER/NOPE?marketplaceIds=" + sandbox.marketplaceId(), null);

        assertThat(item.status()).isEqualTo(200);
        assertThat(item.body().get("sku").asText()).isEqualTo("SKU/WITH SPACE");
        assertThat(item.body().at("/fulfillmentAvailability/0/fulfillmentChannelCode").asText()).isEqualTo("DEFAULT");
        assertThat(item.body().at("/fulfillmentAvailability/0/quantity").asInt()).isEqualTo(42);
        assertThat(item.body().at("/summaries/0/marketplaceId").asText()).isEqualTo(sandbox.marketplaceId());
        assertThat(item.body().at("/summaries/0/asin").asText()).startsWith("B0").hasSize(10);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().at("/errors/0/code").asText()).isEqualTo("NOT_FOUND");
        assertThat(noMarketplace.status()).isEqualTo(400);
        assertThat(otherSeller.status()).isEqualTo(403);
    }

    @Test
    void adminApiSetsReadsArmsAndResets() {
        SpApiHttp.Answer set = http.admin("POST", "/sandbox/listings", List.of(Map.of("sku", "S-1", "quantity", 3)));
        SpApiHttp.Answer one = http.admin("GET", "/sandbox/listings?sku=S-1", null);
        http.admin("POST", "/sandbox/faults", Map.of("http5xxNext", 2, "fatalNext", 1));
        http.admin("POST", "/sandbox/issues", Map.of("sku", "S-1", "severity", "WARNING", "code", "18448", "message", "m"));
        http.admin("POST", "/sandbox/config", Map.of("acceptUnknownSkus", false, "processingDelayMs", 10));
        SpApiHttp.Answer config = http.admin("GET", "/sandbox/config", null);
        SpApiHttp.Answer faults = http.admin("GET", "/sandbox/faults", null);
        SpApiHttp.Answer stats = http.admin("GET", "/sandbox/stats", null);

        assertThat(set.status()).isEqualTo(200);
        assertThat(one.body().get("quantity").asInt()).isEqualTo(3);
        assertThat(faults.body().get("http5xxNext").asInt()).isEqualTo(2);
        assertThat(faults.body().get("fatalNext").asInt()).isEqualTo(1);
        assertThat(sandbox.issues()).hasSize(1);
        assertThat(config.body().get("acceptUnknownSkus").asBoolean()).isFalse();
        assertThat(config.body().get("processingDelayMs").asInt()).isEqualTo(10);
        assertThat(config.body().at("/rateLimits/createFeed/burst").asInt()).isEqualTo(15);
        assertThat(stats.body().has("totalViolations")).isTrue();

        assertThat(http.admin("POST", "/sandbox/reset", null).status()).isEqualTo(200);
        assertThat(http.admin("GET", "/sandbox/listings", null).body().get("listings")).isEmpty();
        assertThat(sandbox.faults().http5xxNext()).isZero();
        assertThat(sandbox.issues()).isEmpty();
        assertThat(sandbox.acceptUnknownSkus()).isTrue();
        assertThat(sandbox.processingDelay()).isEqualTo(SETTINGS.processingDelay());
    }
}
