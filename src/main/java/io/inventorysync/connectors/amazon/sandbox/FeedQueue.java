package io.inventorysync.connectors.amazon.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds and their processing: IN_QUEUE for at least {@code queueDelay}, IN_PROGRESS for {@code processingDelay}, then
 * DONE (or FATAL), one feed after the other in the order they were created. A feed is processed when it leaves IN_PROGRESS: its report is stored as a
 * result document and its accepted changes are applied to the catalogue before getFeed can show DONE.
 */
final class FeedQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedQueue.class);

    /** A feed's mutable state; the status is written last, so whoever sees DONE also sees its result. */
    private static final class Feed {
        final String feedId;
        final String feedType;
        final List<String> marketplaceIds;
        final String inputDocumentId;
        final String createdTime;
        final long readyAtNanos;
        volatile String status = "IN_QUEUE";
        volatile String startTime;
        volatile String endTime;
        volatile String resultDocumentId;
        volatile Integer messages;
        volatile Integer accepted;
        final boolean fatal;

        Feed(String feedId, String feedType, List<String> marketplaceIds, String inputDocumentId, String createdTime,
             long readyAtNanos, boolean fatal) {
            this.feedId = feedId;
            this.feedType = feedType;
            this.marketplaceIds = List.copyOf(marketplaceIds);
            this.inputDocumentId = inputDocumentId;
            this.createdTime = createdTime;
            this.readyAtNanos = readyAtNanos;
            this.fatal = fatal;
        }

        SandboxFeed view() {
            return new SandboxFeed(feedId, feedType, marketplaceIds, createdTime, status, startTime, endTime,
                    resultDocumentId, inputDocumentId, messages, accepted);
        }
    }

    private final Map<String, Feed> feeds = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(50_001_019_000L);
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final FeedDocuments documents;
    private final ListingsFeedProcessor processor;
    private final ListingCatalog catalog;
    private final SandboxCounters counters;
    private final ObjectMapper json;
    private final String sellerId;
    private volatile Duration queueDelay;
    private volatile Duration processingDelay;
    private volatile boolean gzipReports;
    private final Deque<Feed> queue = new ArrayDeque<>();
    private Feed inProgress;

    FeedQueue(String sellerId, Duration queueDelay, Duration processingDelay, boolean gzipReports, Clock clock,
              FeedDocuments documents, ListingsFeedProcessor processor, ListingCatalog catalog, SandboxCounters counters,
              ObjectMapper json) {
        this.sellerId = sellerId;
        this.queueDelay = queueDelay;
        this.processingDelay = processingDelay;
        this.gzipReports = gzipReports;
        this.clock = clock;
        this.documents = documents;
        this.processor = processor;
        this.catalog = catalog;
        this.counters = counters;
        this.json = json;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "amazon-sandbox-feeds");
            thread.setDaemon(true);
            return thread;
        });
    }

    SandboxFeed submit(String feedType, List<String> marketplaceIds, String inputDocumentId, boolean fatal, boolean cancel) {
        Feed feed = new Feed(String.valueOf(nextId.incrementAndGet()), feedType, marketplaceIds, inputDocumentId,
                clock.instant().toString(), System.nanoTime() + queueDelay.toNanos(), fatal);
        feeds.put(feed.feedId, feed);
        counters.feedsSubmitted.incrementAndGet();
        if (cancel) {
            cancel(feed.feedId);
        } else {
            synchronized (this) {
                queue.addLast(feed);
            }
            scheduler.schedule(this::pump, queueDelay.toNanos(), TimeUnit.NANOSECONDS);
        }
        return feed.view();
    }

    Optional<SandboxFeed> get(String feedId) {
        return Optional.ofNullable(feeds.get(feedId)).map(Feed::view);
    }

    List<SandboxFeed> all() {
        List<SandboxFeed> all = new ArrayList<>();
        feeds.values().forEach(feed -> all.add(feed.view()));
        all.sort(Comparator.comparing(SandboxFeed::feedId));
        return all;
    }

    /** cancelFeed: only a feed still IN_QUEUE can be cancelled. */
    synchronized boolean cancel(String feedId) {
        Feed feed = feeds.get(feedId);
        if (feed == null || !"IN_QUEUE".equals(feed.status)) {
            return false;
        }
        feed.endTime = clock.instant().toString();
        feed.status = "CANCELLED";
        counters.feedsCancelled.incrementAndGet();
        return true;
    }

    void configure(Duration queue, Duration processing) {
        this.queueDelay = queue;
        this.processingDelay = processing;
    }

    Duration queueDelay() {
        return queueDelay;
    }

    Duration processingDelay() {
        return processingDelay;
    }

    void setGzipReports(boolean gzip) {
        this.gzipReports = gzip;
    }

    boolean gzipReports() {
        return gzipReports;
    }

    synchronized void clear() {
        feeds.clear();
        queue.clear();
        inProgress = null;
    }

    /** Starts the oldest waiting feed once it has waited its queue delay, if no feed is in progress. */
    private synchronized void pump() {
        while (!queue.isEmpty() && !"IN_QUEUE".equals(queue.peekFirst().status)) {
            queue.removeFirst(); // cancelled while waiting
        }
        if (inProgress != null || queue.isEmpty()) {
            return;
        }
        Feed next = queue.peekFirst();
        long wait = next.readyAtNanos - System.nanoTime();
        if (wait > 0) {
            scheduler.schedule(this::pump, wait, TimeUnit.NANOSECONDS);
            return;
        }
        queue.removeFirst();
        inProgress = next;
        next.startTime = clock.instant().toString();
        next.status = "IN_PROGRESS";
        scheduler.schedule(() -> finish(next), processingDelay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void finish(Feed feed) {
        try {
            if (feeds.get(feed.feedId) == feed) {
                complete(feed);
            }
        } finally {
            synchronized (this) {
                if (inProgress == feed) {
                    inProgress = null;
                }
            }
            pump();
        }
    }

    private void complete(Feed feed) {
        FeedDocuments.Document input = documents.get(feed.inputDocumentId).orElse(null);
        byte[] content = input == null || input.content == null ? new byte[0] : input.content;
        ListingsFeedProcessor.Result result;
        try {
            result = feed.fatal ? injectedFatal(feed) : processor.process(feed.feedId, sellerId, content);
        } catch (RuntimeException e) {
            LOG.error("The sandbox failed processing feed {}; it ends FATAL", feed.feedId, e);
            result = injectedFatal(feed);
        }
        if (!result.fatal()) {
            for (ListingsFeedProcessor.Change change : result.changes()) {
                if (change.delete()) {
                    catalog.delete(change.sku());
                } else {
                    catalog.setQuantity(change.sku(), change.quantity());
                }
            }
            counters.feedSize(result.messages());
            counters.messagesProcessed.addAndGet(result.messages());
            counters.messagesAccepted.addAndGet(result.accepted());
            counters.messagesInvalid.addAndGet(result.invalid());
        }
        byte[] report = serialize(result);
        feed.resultDocumentId = documents.createResult(gzipReports ? gzip(report) : report, gzipReports).id;
        feed.messages = result.messages();
        feed.accepted = result.accepted();
        feed.endTime = clock.instant().toString();
        feed.status = result.fatal() ? "FATAL" : "DONE";
        (result.fatal() ? counters.feedsFatal : counters.feedsDone).incrementAndGet();
    }

    private ListingsFeedProcessor.Result injectedFatal(Feed feed) {
        return new ListingsFeedProcessor.Result(true, processor.injectedFatalReport(feed.feedId, sellerId), List.of(), 0, 0, 0);
    }

    private byte[] serialize(ListingsFeedProcessor.Result result) {
        try {
            return json.writeValueAsBytes(result.report());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
