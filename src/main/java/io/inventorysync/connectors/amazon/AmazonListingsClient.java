package io.inventorysync.connectors.amazon;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inventorysync.channel.ChannelApiMeters;
import io.inventorysync.channel.ChannelClient;
import io.inventorysync.channel.ListingQuantity;
import io.inventorysync.channel.PushOutcome;
import io.inventorysync.channel.RetryableChannelException;
import io.inventorysync.channel.ratelimit.CostRateLimiter;
import io.inventorysync.channel.ratelimit.RateLimiterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets MFN quantities of one selling partner's Amazon listings with a JSON_LISTINGS_FEED: one feed per batch (up to
 * 25,000 messages), each message a PATCH of {@code fulfillment_availability}.
 *
 * <p>A push: createFeedDocument, upload of the feed to the pre-signed URL, a JSON_LISTINGS_FEED submission slot and
 * createFeed, then getFeed every {@code feedPollInterval} until the feed is DONE, FATAL or CANCELLED or
 * {@code maxFeedWait} has passed, then getFeedDocument and the download of the processing report (gunzipped when
 * Amazon says GZIP). Every SP-API call waits in the seller's limiter for its operation first (shared through the
 * {@link RateLimiterRegistry}), so Amazon never has to throttle us.
 *
 * <p>Outcomes: an item whose message has an ERROR issue is REJECTED with Amazon's code (the first ERROR's; the
 * message lists them all); WARNING or INFO issues only, or none, is PUSHED (the warnings in the message). A feed that
 * ends FATAL or CANCELLED, or is not done within {@code maxFeedWait}, answers every item RETRY with that status as
 * code: it is not re-submitted here, so the next push carries the latest values. Before a feed exists, a transient
 * failure (429 QuotaExceeded, 5xx, timeouts) is thrown as {@link RetryableChannelException} (or, when some items
 * were already rejected locally, answered RETRY in a {@link FeedSubmission} without feedId); a refusal retrying
 * cannot fix (LWA {@code invalid_grant}, 403 {@code Unauthorized}, 400 {@code InvalidInput}) rejects every item with
 * that code. Items without a {@code sellerSku} in their listing are rejected with {@code MISSING_LISTING_ID}; of two
 * items for one seller SKU the last wins. Amazon has no compare-and-set: {@code expectedQuantity} is not used.
 *
 * <p>One push blocks for as long as Amazon takes to process the feed (minutes in production). Thread-safe.
 */
public final class AmazonListingsClient implements ChannelClient {

    private static final Logger LOG = LoggerFactory.getLogger(AmazonListingsClient.class);
    /** The listing key that holds the seller SKU on Amazon (mapping CSV column {@code sellerSku}). */
    public static final String SELLER_SKU = "sellerSku";
    public static final String FEED_TIMEOUT = "FEED_TIMEOUT";

    private final AmazonClientSettings settings;
    private final SpApiTransport transport;
    private final FeedsApi feeds;
    private final ListingsFeedBuilder feedBuilder;
    private final CostRateLimiter feedSubmissions;
    private final FeedTurnaround turnaround = new FeedTurnaround();

    public AmazonListingsClient(AmazonClientSettings settings, RateLimiterRegistry registry, LwaTokenProvider lwa,
                                HttpClient http) {
        this(settings, registry, lwa, http, ChannelApiMeters.NONE);
    }

    /** Counting its SP-API calls in {@code meters}. */
    public AmazonListingsClient(AmazonClientSettings settings, RateLimiterRegistry registry, LwaTokenProvider lwa,
                                HttpClient http, ChannelApiMeters meters) {
        this.settings = settings;
        ObjectMapper json = new ObjectMapper();
        Map<SpApiOperation, CostRateLimiter> limiters = new EnumMap<>(SpApiOperation.class);
        for (SpApiOperation operation : SpApiOperation.values()) {
            limiters.put(operation, settings.rateLimits().limiter(registry, settings.sellerId(), operation));
        }
        this.feedSubmissions = settings.rateLimits().feedSubmissionLimiter(registry, settings.sellerId());
        this.transport = new SpApiTransport(http, settings, lwa, limiters, json, meters);
        this.feeds = new FeedsApi(transport, json);
        this.feedBuilder = new ListingsFeedBuilder(json, settings.sellerId(), settings.issueLocale(), settings.productType());
    }

    /** A client with its own HTTP client and LWA token provider. */
    public static AmazonListingsClient create(AmazonClientSettings settings, RateLimiterRegistry registry) {
        return create(settings, registry, ChannelApiMeters.NONE);
    }

    /** {@link #create(AmazonClientSettings, RateLimiterRegistry)}, counting its SP-API calls in {@code meters}. */
    public static AmazonListingsClient create(AmazonClientSettings settings, RateLimiterRegistry registry,
                                              ChannelApiMeters meters) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
        return new AmazonListingsClient(settings, registry, new LwaTokenProvider(settings.lwa(), http,
                settings.requestTimeout()), http, meters);
    }

    @Override
    public int maxBatchSize() {
        return settings.batchSize();
    }

    @Override
    public List<PushOutcome> push(List<ListingQuantity> batch) throws RetryableChannelException {
        return submit(batch).outcomes();
    }

    /** {@link #push} that also tells which feed the batch went out as and how it ended. */
    public FeedSubmission submit(List<ListingQuantity> batch) throws RetryableChannelException {
        if (batch.size() > maxBatchSize()) {
            throw new IllegalArgumentException("batch of " + batch.size() + " exceeds " + maxBatchSize());
        }
        Push push = new Push(batch);
        return push.run();
    }

    /**
     * The MFN quantity Amazon shows for a seller SKU (getListingsItem with {@code includedData=fulfillmentAvailability}),
     * empty when the listing has none.
     *
     * @throws SpApiCallRejectedException {@code NOT_FOUND} for a SKU Amazon does not know
     */
    public Optional<Integer> readQuantity(String sellerSku) throws RetryableChannelException, SpApiCallRejectedException {
        String path = "/listings/2021-08-01/items/" + FeedsApi.encode(settings.sellerId()) + "/" + FeedsApi.encode(sellerSku)
                + "?marketplaceIds=" + FeedsApi.encode(String.join(",", settings.marketplaceIds()))
                + "&includedData=fulfillmentAvailability";
        JsonNode item = transport.call(SpApiOperation.GET_LISTINGS_ITEM, "GET", path, null);
        if (item != null) {
            for (JsonNode availability : item.path("fulfillmentAvailability")) {
                if (ListingsFeedBuilder.MFN_CHANNEL.equals(availability.path("fulfillmentChannelCode").asText())
                        && availability.path("quantity").isIntegralNumber()) {
                    return Optional.of(availability.get("quantity").asInt());
                }
            }
        }
        return Optional.empty();
    }

    /** The seller's JSON_LISTINGS_FEED submission limiter (shared in the registry). */
    public CostRateLimiter feedSubmissionLimiter() {
        return feedSubmissions;
    }

    public AmazonClientSettings settings() {
        return settings;
    }

    /** The state of one push. */
    private final class Push {
        private final List<ListingQuantity> batch;
        private final PushOutcome[] outcomes;
        private final Map<Integer, Integer> supersededBy = new HashMap<>();
        /** Index of the item each message carries, by messageId. */
        private final Map<Integer, Integer> itemOfMessage = new LinkedHashMap<>();
        private final List<FeedMessage> messages = new ArrayList<>();

        Push(List<ListingQuantity> batch) {
            this.batch = batch;
            this.outcomes = new PushOutcome[batch.size()];
        }

        FeedSubmission run() throws RetryableChannelException {
            collectMessages();
            if (messages.isEmpty()) {
                return new FeedSubmission(null, null, outcomes());
            }
            String feedId;
            try {
                feedId = send();
            } catch (RetryableChannelException e) {
                if (java.util.Arrays.stream(outcomes).allMatch(java.util.Objects::isNull)) {
                    throw e; // nothing decided yet: the whole call failed, the caller retries the batch
                }
                decideAll(item -> PushOutcome.retry(item, e.code(), e.getMessage(), e.retryAfterMs()));
                return new FeedSubmission(null, null, outcomes());
            } catch (SpApiCallRejectedException e) {
                LOG.error("Amazon refused the feed for seller {} ({} messages): {} {}", settings.sellerId(),
                        messages.size(), e.code(), e.getMessage());
                decideAll(item -> PushOutcome.rejected(item, e.code(), e.getMessage()));
                return new FeedSubmission(null, null, outcomes());
            }
            return await(feedId);
        }

        private void collectMessages() {
            Map<String, Integer> lastIndex = new LinkedHashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                ListingQuantity item = batch.get(i);
                String sellerSku = item.listing() == null ? null : item.listing().get(SELLER_SKU);
                if (sellerSku == null || sellerSku.isBlank()) {
                    outcomes[i] = PushOutcome.rejected(item, "MISSING_LISTING_ID", "listing needs a sellerSku for Amazon");
                    continue;
                }
                Integer previous = lastIndex.put(sellerSku, i);
                if (previous != null) {
                    supersededBy.put(previous, i);
                }
            }
            int messageId = 1;
            for (Map.Entry<String, Integer> entry : lastIndex.entrySet()) {
                messages.add(new FeedMessage(messageId, entry.getKey(), batch.get(entry.getValue()).quantity()));
                itemOfMessage.put(messageId, entry.getValue());
                messageId++;
            }
        }

        /** Document, upload, submission slot, createFeed: the feed's id. */
        private String send() throws RetryableChannelException, SpApiCallRejectedException {
            String contentType = AmazonClientSettings.FEED_CONTENT_TYPE;
            FeedsApi.FeedDocumentLocation document = feeds.createFeedDocument(contentType);
            feeds.upload(document, contentType, feedBuilder.bytes(messages));
            try {
                feedSubmissions.acquire(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RetryableChannelException("INTERRUPTED", "interrupted while waiting for a feed submission slot", null, e);
            }
            String feedId = feeds.createFeed(settings.marketplaceIds(), document.feedDocumentId());
            LOG.debug("Feed {} submitted for seller {}: {} messages", feedId, settings.sellerId(), messages.size());
            return feedId;
        }

        private FeedSubmission await(String feedId) {
            long started = System.nanoTime();
            long deadline = started + settings.maxFeedWait().toNanos();
            FeedsApi.FeedStatus status = null;
            String lastProblem = null;
            int polls = 0;
            try {
                while (status == null || !status.finished()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        String message = "feed " + feedId + " not finished after " + settings.maxFeedWait() + " (last status "
                                + (status == null ? "unknown" : status.processingStatus())
                                + (lastProblem == null ? "" : ", last problem: " + lastProblem) + ")";
                        LOG.warn("Amazon {}; its {} items are answered RETRY", message, messages.size());
                        decideAll(item -> PushOutcome.retry(item, FEED_TIMEOUT, message, null));
                        return new FeedSubmission(feedId, status == null ? null : status.processingStatus(), outcomes());
                    }
                    Duration wait = polls++ == 0 ? turnaround.firstPoll(settings.feedPollInterval()) : settings.feedPollInterval();
                    Thread.sleep(Math.min(wait.toMillis(), Math.max(1, left / 1_000_000)));
                    try {
                        status = feeds.getFeed(feedId);
                        if ("DONE".equals(status.processingStatus())) {
                            turnaround.record(Duration.ofNanos(System.nanoTime() - started));
                        }
                    } catch (RetryableChannelException e) {
                        lastProblem = e.code() + " " + e.getMessage(); // the feed is on its way: keep asking until the deadline
                    }
                }
                return finished(status, deadline);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                decideAll(item -> PushOutcome.retry(item, "INTERRUPTED", "interrupted while waiting for feed " + feedId, null));
                return new FeedSubmission(feedId, status == null ? null : status.processingStatus(), outcomes());
            } catch (SpApiCallRejectedException e) {
                String message = "cannot follow feed " + feedId + ": " + e.getMessage();
                decideAll(item -> PushOutcome.retry(item, e.code(), message, null));
                return new FeedSubmission(feedId, status == null ? null : status.processingStatus(), outcomes());
            }
        }

        private FeedSubmission finished(FeedsApi.FeedStatus status, long deadline) throws InterruptedException {
            String feedId = status.feedId();
            if (!"DONE".equals(status.processingStatus())) {
                String reason = status.resultFeedDocumentId() == null ? "" : ": " + reportSummary(status.resultFeedDocumentId(), deadline);
                String message = "feed " + feedId + " ended " + status.processingStatus() + reason;
                LOG.warn("Amazon {}; its {} items are answered RETRY", message, messages.size());
                decideAll(item -> PushOutcome.retry(item, status.processingStatus(), message, null));
                return new FeedSubmission(feedId, status.processingStatus(), outcomes());
            }
            ProcessingReport report;
            try {
                report = ProcessingReport.parse(readReport(status.resultFeedDocumentId(), deadline));
            } catch (RetryableChannelException | SpApiCallRejectedException e) {
                String code = e instanceof RetryableChannelException r ? r.code() : ((SpApiCallRejectedException) e).code();
                String message = "feed " + feedId + " is DONE but its processing report cannot be read: " + e.getMessage();
                LOG.warn("Amazon {}; its {} items are answered RETRY", message, messages.size());
                decideAll(item -> PushOutcome.retry(item, code, message, null));
                return new FeedSubmission(feedId, "DONE", outcomes());
            }
            apply(feedId, report);
            return new FeedSubmission(feedId, "DONE", outcomes());
        }

        /** getFeedDocument + download, transient failures tried again until the deadline (the feed is done). */
        private JsonNode readReport(String documentId, long deadline)
                throws RetryableChannelException, SpApiCallRejectedException, InterruptedException {
            if (documentId == null) {
                throw new SpApiCallRejectedException("INVALID_RESPONSE", "the DONE feed has no resultFeedDocumentId");
            }
            while (true) {
                try {
                    return feeds.readDocument(documentId);
                } catch (RetryableChannelException e) {
                    if (System.nanoTime() + settings.feedPollInterval().toNanos() > deadline) {
                        throw e;
                    }
                    Thread.sleep(Math.max(settings.feedPollInterval().toMillis(), e.retryAfterMs() == null ? 0 : e.retryAfterMs()));
                }
            }
        }

        private String reportSummary(String documentId, long deadline) throws InterruptedException {
            try {
                ProcessingReport report = ProcessingReport.parse(readReport(documentId, deadline));
                return report.issues().stream().limit(3).map(ProcessingReport.Issue::describe)
                        .collect(Collectors.joining("; "));
            } catch (RetryableChannelException | SpApiCallRejectedException e) {
                return "(processing report unavailable: " + e.getMessage() + ")";
            }
        }

        private void apply(String feedId, ProcessingReport report) {
            Map<Integer, List<ProcessingReport.Issue>> byMessage = new HashMap<>();
            Map<String, Integer> messageOfSku = new HashMap<>();
            messages.forEach(m -> messageOfSku.put(m.sellerSku(), m.messageId()));
            List<ProcessingReport.Issue> feedIssues = new ArrayList<>();
            for (ProcessingReport.Issue issue : report.issues()) {
                Integer messageId = issue.messageId() != null && itemOfMessage.containsKey(issue.messageId().intValue())
                        ? issue.messageId().intValue() : issue.sku() != null ? messageOfSku.get(issue.sku()) : null;
                if (messageId == null) {
                    feedIssues.add(issue);
                } else {
                    byMessage.computeIfAbsent(messageId, k -> new ArrayList<>()).add(issue);
                }
            }
            Optional<ProcessingReport.Issue> feedError = feedIssues.stream().filter(ProcessingReport.Issue::error).findFirst();
            boolean feedRefused = feedError.isPresent() && report.messagesAccepted() == 0;
            if (!feedIssues.isEmpty()) {
                LOG.warn("Amazon feed {}: issues concerning the whole feed: {}", feedId,
                        feedIssues.stream().map(ProcessingReport.Issue::describe).collect(Collectors.joining("; ")));
            }
            int rejected = 0;
            for (Map.Entry<Integer, Integer> entry : itemOfMessage.entrySet()) {
                ListingQuantity item = batch.get(entry.getValue());
                List<ProcessingReport.Issue> issues = byMessage.getOrDefault(entry.getKey(), List.of());
                List<ProcessingReport.Issue> errors = issues.stream().filter(ProcessingReport.Issue::error).toList();
                if (!errors.isEmpty()) {
                    rejected++;
                    outcomes[entry.getValue()] = PushOutcome.rejected(item, errors.get(0).code() == null ? "ERROR" : errors.get(0).code(),
                            errors.stream().map(ProcessingReport.Issue::describe).collect(Collectors.joining("; ")));
                } else if (feedRefused) {
                    rejected++;
                    outcomes[entry.getValue()] = PushOutcome.rejected(item, feedError.get().code() == null ? "ERROR" : feedError.get().code(),
                            "the feed was refused: " + feedError.get().describe());
                } else if (issues.isEmpty()) {
                    outcomes[entry.getValue()] = PushOutcome.pushed(item);
                } else {
                    outcomes[entry.getValue()] = new PushOutcome(item.sku(), PushOutcome.Status.PUSHED, item.quantity(), null,
                            issues.stream().map(ProcessingReport.Issue::describe).collect(Collectors.joining("; ")), null);
                }
            }
            LOG.info("Amazon feed {} for seller {} DONE: {} messages, {} accepted, {} rejected", feedId,
                    settings.sellerId(), messages.size(), messages.size() - rejected, rejected);
        }

        private void decideAll(java.util.function.Function<ListingQuantity, PushOutcome> outcome) {
            itemOfMessage.values().forEach(index -> outcomes[index] = outcome.apply(batch.get(index)));
        }

        List<PushOutcome> outcomes() {
            supersededBy.forEach((earlier, later) -> {
                int winner = later;
                while (supersededBy.containsKey(winner)) {
                    winner = supersededBy.get(winner);
                }
                PushOutcome last = outcomes[winner];
                outcomes[earlier] = new PushOutcome(batch.get(earlier).sku(), last.status(), last.quantity(), last.code(),
                        "superseded by a later item for the same seller SKU in this batch", last.retryAfterMs());
            });
            return List.of(outcomes);
        }
    }
}
