package io.inventorysync.connectors.amazon.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for one Amazon selling partner's SP-API, for demos and tests: a real HTTP server with Login with
 * Amazon's token endpoint, the Feeds API 2021-06-30 with pre-signed S3-style upload and download URLs, the
 * JSON_LISTINGS_FEED processed as a state machine (IN_QUEUE, IN_PROGRESS, DONE or FATAL) with processing reports after
 * Amazon's schema, getListingsItem to read quantities back, and Amazon's usage plans enforced per operation (each 429
 * counted as a violation). Tests read back and inject faults over {@code /sandbox/...} or through the methods here.
 *
 * <pre>
 * try (AmazonSandbox amazon = AmazonSandbox.start(0)) {
 *     amazon.baseUrl();      // SP-API endpoint, e.g. http://127.0.0.1:53211 (in place of https://sellingpartnerapi-na.amazon.com)
 *     amazon.lwaTokenUrl();  // in place of https://api.amazon.com/auth/o2/token
 * }
 * </pre>
 * Run alone: {@code java -cp <classpath> io.inventorysync.connectors.amazon.sandbox.AmazonSandbox [port]} (port also
 * from {@code -Damazon.sandbox.port}, default 8092; other settings in {@link AmazonSandboxSettings#fromSystemProperties()}).
 */
public final class AmazonSandbox implements AutoCloseable {

    public static final int DEFAULT_PORT = 8092;

    private final AmazonSandboxSettings settings;
    private final AccessTokens tokens;
    private final Throttle throttle;
    private final FaultInjector faults = new FaultInjector();
    private final SandboxCounters counters = new SandboxCounters();
    private final ListingCatalog catalog;
    private final FeedDocuments documents;
    private final FeedQueue feeds;
    private final HttpServer server;
    private final ExecutorService executor;

    static {
        // Without TCP_NODELAY the JDK server's two-part answers meet the client's delayed ACK (~40 ms per call).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private AmazonSandbox(AmazonSandboxSettings settings, int port) throws IOException {
        this.settings = settings;
        Clock clock = Clock.systemUTC();
        ObjectMapper mapper = new ObjectMapper();
        HttpReplies http = new HttpReplies(mapper);
        this.tokens = new AccessTokens(settings.accessTokenLifetime(), System::nanoTime);
        this.throttle = new Throttle(settings.rateLimits(), System::nanoTime);
        this.catalog = new ListingCatalog(settings.acceptUnknownSkus(), clock);
        this.documents = new FeedDocuments(settings.presignedUrlLifetime(), System::nanoTime);
        this.feeds = new FeedQueue(settings.sellerId(), settings.queueDelay(), settings.processingDelay(),
                settings.gzipReports(), clock, documents, new ListingsFeedProcessor(mapper, catalog), catalog, counters, mapper);
        this.server = HttpServer.create(new InetSocketAddress(settings.host(), port), 64);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "amazon-sandbox-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/auth/o2/token", new LwaHandler(() -> settings, tokens, counters, http));
        SpApiHandler spApi = new SpApiHandler(() -> settings, this::baseUrl, tokens, throttle, faults, counters,
                documents, feeds, catalog, http);
        server.createContext("/feeds/", spApi);
        server.createContext("/listings/", spApi);
        PresignedHandler presigned = new PresignedHandler(documents, counters, http);
        server.createContext("/uploads/", presigned);
        server.createContext("/downloads/", presigned);
        server.createContext("/sandbox/", new AdminHandler(this, http));
        server.start();
    }

    /** Starts with {@link AmazonSandboxSettings#defaults()} on {@code port} (0 = any free port). */
    public static AmazonSandbox start(int port) {
        return start(AmazonSandboxSettings.defaults(), port);
    }

    public static AmazonSandbox start(AmazonSandboxSettings settings, int port) {
        try {
            return new AmazonSandbox(settings, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Amazon sandbox on port " + port, e);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args.length > 0 ? args[0]
                : System.getProperty("amazon.sandbox.port", String.valueOf(DEFAULT_PORT)));
        AmazonSandboxSettings settings = AmazonSandboxSettings.fromSystemProperties();
        AmazonSandbox sandbox = start(settings, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }));
        System.out.println("Amazon sandbox: SP-API " + sandbox.baseUrl() + ", LWA " + sandbox.lwaTokenUrl()
                + " (seller " + settings.sellerId() + ", client " + settings.lwaClientId() + "), admin API under "
                + sandbox.baseUrl() + "/sandbox/");
        stopped.await();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The SP-API endpoint, what a client uses in place of {@code https://sellingpartnerapi-na.amazon.com}. */
    public String baseUrl() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return "http://" + ("0.0.0.0".equals(host) ? "127.0.0.1" : host) + ":" + port();
    }

    /** LWA's token endpoint, in place of {@code https://api.amazon.com/auth/o2/token}. */
    public String lwaTokenUrl() {
        return baseUrl() + "/auth/o2/token";
    }

    public AmazonSandboxSettings settings() {
        return settings;
    }

    public String sellerId() {
        return settings.sellerId();
    }

    /** The first configured marketplace (US by default). */
    public String marketplaceId() {
        return settings.marketplaceIds().get(0);
    }

    public String lwaClientId() {
        return settings.lwaClientId();
    }

    public String lwaClientSecret() {
        return settings.lwaClientSecret();
    }

    public String lwaRefreshToken() {
        return settings.lwaRefreshToken();
    }

    // --- read-back and setup (also over HTTP under /sandbox/) ---

    public List<SandboxListing> listings() {
        return catalog.all();
    }

    public Optional<SandboxListing> listing(String sellerSku) {
        return catalog.get(sellerSku);
    }

    /** The MFN quantity of a seller SKU, if the listing exists and has one. */
    public Optional<Integer> quantity(String sellerSku) {
        return catalog.get(sellerSku).map(SandboxListing::quantity);
    }

    /** A seller's edit in Seller Central: sets a quantity directly, creating the listing. */
    public SandboxListing setQuantity(String sellerSku, int quantity) {
        return catalog.setQuantity(sellerSku, quantity);
    }

    /** Adds SKUs to the catalogue without a quantity (matters when unknown SKUs are not accepted). */
    public void registerSkus(Collection<String> sellerSkus) {
        catalog.register(sellerSkus);
    }

    public boolean acceptUnknownSkus() {
        return catalog.acceptUnknownSkus();
    }

    public void setAcceptUnknownSkus(boolean accept) {
        catalog.setAcceptUnknownSkus(accept);
    }

    /** From now on, every processed message for the issue's SKU carries it (until {@link #clearIssues} or reset). */
    public void injectIssue(SandboxIssue issue) {
        catalog.addIssue(issue);
    }

    public List<SandboxIssue> issues() {
        return catalog.issues();
    }

    public void clearIssues() {
        catalog.clearIssues();
    }

    public void injectFaults(SandboxFaults faults) {
        this.faults.apply(faults);
    }

    public SandboxFaults faults() {
        return faults.snapshot();
    }

    /** Every access token issued so far expires now: the next SP-API call with one is answered 403. */
    public void expireAccessTokens() {
        tokens.expireAll();
    }

    public Duration accessTokenLifetime() {
        return tokens.lifetime();
    }

    /** {@code expires_in} of tokens issued from now on. */
    public void setAccessTokenLifetime(Duration lifetime) {
        tokens.setLifetime(lifetime);
    }

    public void configureDelays(Duration queueDelay, Duration processingDelay) {
        if (queueDelay.isNegative() || processingDelay.isNegative()) {
            throw new IllegalArgumentException("delays must not be negative");
        }
        feeds.configure(queueDelay, processingDelay);
    }

    public Duration queueDelay() {
        return feeds.queueDelay();
    }

    public Duration processingDelay() {
        return feeds.processingDelay();
    }

    public void setGzipReports(boolean gzip) {
        feeds.setGzipReports(gzip);
    }

    public boolean gzipReports() {
        return feeds.gzipReports();
    }

    /** New usage plans; every bucket and the feed window start full/empty again. */
    public void configureRateLimits(SandboxRateLimits limits) {
        throttle.configure(limits);
    }

    public SandboxRateLimits rateLimits() {
        return throttle.limits();
    }

    public void setPresignedUrlLifetime(Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("URL lifetime must be positive: " + lifetime);
        }
        documents.setUrlLifetime(lifetime);
    }

    public List<SandboxFeed> feeds() {
        return feeds.all();
    }

    public Optional<SandboxFeed> feed(String feedId) {
        return feeds.get(feedId);
    }

    /**
     * The content of a feed document as stored: an uploaded feed, or a processing report (gunzipped), empty when the
     * document does not exist or nothing was uploaded yet.
     */
    public Optional<byte[]> documentContent(String feedDocumentId) {
        return documents.get(feedDocumentId).filter(document -> document.content != null)
                .map(document -> document.gzip ? gunzip(document.content) : document.content.clone());
    }

    public SandboxStats stats() {
        return counters.snapshot(throttle.violations());
    }

    /**
     * Back to the start: no listings, issues, feeds or documents, no faults, zero statistics, full buckets, the
     * startup settings. Access tokens already issued stay valid.
     */
    public void reset() {
        catalog.clear(settings.acceptUnknownSkus());
        feeds.clear();
        feeds.configure(settings.queueDelay(), settings.processingDelay());
        feeds.setGzipReports(settings.gzipReports());
        documents.clear();
        documents.setUrlLifetime(settings.presignedUrlLifetime());
        tokens.setLifetime(settings.accessTokenLifetime());
        faults.reset();
        counters.reset();
        throttle.configure(settings.rateLimits());
        throttle.resetViolations();
    }

    private static byte[] gunzip(byte[] content) {
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(content))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        feeds.close();
    }
}
