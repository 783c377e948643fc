package io.inventorysync.connectors.shopify.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
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
 * A stand-in for one Shopify shop's Admin GraphQL API, for demos and tests: a real HTTP server that parses and
 * validates GraphQL like Shopify, answers {@code inventorySetQuantities} and inventory-level reads with Shopify's
 * semantics (2026-04+ compare-and-set, userErrors, 250-item input cap, cost-based throttling), and lets tests read
 * back levels and inject faults, both over {@code /sandbox/...} and through the Java methods here.
 *
 * <pre>
 * try (ShopifySandbox shop = ShopifySandbox.start(0)) {
 *     String url = shop.baseUrl();   // e.g. http://127.0.0.1:53211 ; GraphQL at url + "/admin/api/2026-10/graphql.json"
 * }
 * </pre>
 * Run alone: {@code java -cp <classpath> io.inventorysync.connectors.shopify.sandbox.ShopifySandbox [port]}
 * (port also from {@code -Dshopify.sandbox.port}, default 8089; other settings in {@link SandboxSettings#fromSystemProperties()}).
 */
public final class ShopifySandbox implements AutoCloseable {

    private final SandboxSettings settings;
    private final InventoryStore store;
    private final CostBucket bucket;
    private final FaultInjector faults;
    private final RequestCounters counters = new RequestCounters();
    private final IdempotencyCache idempotency = new IdempotencyCache();
    private final HttpServer server;
    private final ExecutorService executor;

    static {
        // Without TCP_NODELAY the JDK server's two-part answers (headers, body) meet the client's delayed ACK and
        // every call takes ~40 ms longer. Read once per JVM by the JDK server, so set before the first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private ShopifySandbox(SandboxSettings settings, int port) throws IOException {
        this.settings = settings;
        Clock clock = Clock.systemUTC();
        this.store = new InventoryStore(settings.autoCreateItems(), clock);
        this.bucket = new CostBucket(settings.maximumAvailable(), settings.restoreRate(), System::nanoTime);
        this.faults = new FaultInjector(settings.throttleStatusCode());
        JsonResponder json = new JsonResponder(new ObjectMapper());
        SetQuantitiesMutation mutation = new SetQuantitiesMutation(store, idempotency, counters, clock);
        var schema = SandboxSchema.build(mutation, new InventoryReadFetchers(store));
        this.server = HttpServer.create(new InetSocketAddress(settings.host(), port), 64);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "shopify-sandbox-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/admin/api/", new GraphQlHandler(settings.accessToken(), schema, bucket, faults, counters, json));
        server.createContext("/sandbox/", new AdminHandler(this, json));
        server.start();
    }

    /** Starts with {@link SandboxSettings#defaults()} on {@code port} (0 = any free port). */
    public static ShopifySandbox start(int port) {
        return start(SandboxSettings.defaults(), port);
    }

    public static ShopifySandbox start(SandboxSettings settings, int port) {
        try {
            return new ShopifySandbox(settings, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Shopify sandbox on port " + port, e);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args.length > 0 ? args[0] : System.getProperty("shopify.sandbox.port", "8089"));
        SandboxSettings settings = SandboxSettings.fromSystemProperties();
        ShopifySandbox sandbox = start(settings, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }));
        System.out.println("Shopify sandbox: " + sandbox.graphqlUrl("2026-10") + " (X-Shopify-Access-Token: "
                + settings.accessToken() + "), admin API under " + sandbox.baseUrl() + "/sandbox/");
        stopped.await();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The shop's base URL, what a client uses in place of {@code https://<shop>.myshopify.com}. */
    public String baseUrl() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return "http://" + ("0.0.0.0".equals(host) ? "127.0.0.1" : host) + ":" + port();
    }

    public String graphqlUrl(String apiVersion) {
        return baseUrl() + "/admin/api/" + apiVersion + "/graphql.json";
    }

    public String accessToken() {
        return settings.accessToken();
    }

    // --- read-back and fault injection (also over HTTP under /sandbox/) ---

    public List<SandboxLevel> levels() {
        return store.levels();
    }

    public Optional<SandboxLevel> level(String inventoryItemId, String locationId) {
        return store.level(inventoryItemId, locationId);
    }

    /** The {@code available} quantity, if the level exists. */
    public Optional<Integer> available(String inventoryItemId, String locationId) {
        return level(inventoryItemId, locationId).map(SandboxLevel::available);
    }

    /** A merchant's edit: sets a level directly (creating item and location), to test compare-and-set. */
    public SandboxLevel setLevel(String inventoryItemId, String locationId, int available) {
        return store.setAvailable(inventoryItemId, locationId, available);
    }

    /** Calls {@code listener} for every quantity a set-quantities call applies (benchmarks time the shop with it). */
    public void addApplyListener(QuantityApplyListener listener) {
        store.addApplyListener(listener);
    }

    public void removeApplyListener(QuantityApplyListener listener) {
        store.removeApplyListener(listener);
    }

    /** Adds items to the catalogue (matters when auto-create is off). */
    public void registerItems(Collection<String> inventoryItemIds) {
        store.registerItems(inventoryItemIds);
    }

    public void registerLocations(Collection<String> locationIds) {
        store.registerLocations(locationIds);
    }

    public void setAutoCreateItems(boolean autoCreate) {
        store.setAutoCreateItems(autoCreate);
    }

    public boolean autoCreateItems() {
        return store.autoCreateItems();
    }

    public void configureBucket(long maximumAvailable, double restoreRate) {
        bucket.reconfigure(maximumAvailable, restoreRate);
    }

    /** Fills the cost bucket back up (tests that must not be throttled by earlier ones). */
    public void refillBucket() {
        bucket.refill();
    }

    public void injectFaults(SandboxFaults faults) {
        this.faults.apply(faults);
    }

    public SandboxFaults faults() {
        return faults.snapshot();
    }

    public SandboxStats stats() {
        return counters.snapshot();
    }

    /** The bucket as the next answer would report it. */
    public ThrottleView throttleStatus() {
        CostBucket.ThrottleStatus status = bucket.status();
        return new ThrottleView(status.maximumAvailable(), status.currentlyAvailable(), status.restoreRate());
    }

    /** Back to the start: no levels, no catalogue, no faults, zero statistics, full bucket, startup settings. */
    public void reset() {
        store.clear(settings.autoCreateItems());
        faults.reset(settings.throttleStatusCode());
        counters.reset();
        idempotency.clear();
        bucket.reconfigure(settings.maximumAvailable(), settings.restoreRate());
        bucket.refill();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** {@code extensions.cost.throttleStatus} as the sandbox would report it now. */
    public record ThrottleView(long maximumAvailable, long currentlyAvailable, double restoreRate) {
    }
}
