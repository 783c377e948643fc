package io.inventorysync.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.inventorysync.connectors.shopify.sandbox.SandboxSettings;
import io.inventorysync.connectors.shopify.sandbox.ShopifySandbox;

/**
 * The channel call alone: a bare HTTP POST of a one-quantity {@code inventorySetQuantities} to a Shopify sandbox
 * (its own instance, with a bucket that never throttles), round trip measured by the caller, at a fixed rate.
 */
final class SandboxRoundTripBaseline {

    private static final String MUTATION = "{\"query\":\"mutation { inventorySetQuantities(input: {name: \\\"available\\\", "
            + "reason: \\\"correction\\\", quantities: [{inventoryItemId: \\\"gid://shopify/InventoryItem/%d\\\", "
            + "locationId: \\\"gid://shopify/Location/1\\\", quantity: %d, changeFromQuantity: null}]}) "
            + "{ userErrors { field message code } } }\"}";

    private SandboxRoundTripBaseline() {
    }

    static Percentiles run(double perSecond, int calls) throws Exception {
        try (ShopifySandbox shop = ShopifySandbox.start(SandboxSettings.defaults().withBucket(100_000_000, 100_000_000), 0)) {
            HttpClient http = HttpClient.newHttpClient();
            long[] latency = new long[calls];
            AtomicInteger ok = new AtomicInteger();
            CompletableFuture<?>[] all = new CompletableFuture<?>[calls];
            Pacer pacer = new Pacer(perSecond);
            for (int i = 0; i < calls; i++) {
                pacer.await(i);
                HttpRequest request = HttpRequest.newBuilder(URI.create(shop.graphqlUrl("2026-10")))
                        .header("Content-Type", "application/json")
                        .header("X-Shopify-Access-Token", shop.accessToken())
                        .POST(HttpRequest.BodyPublishers.ofString(MUTATION.formatted(1000 + i % 100, i))).build();
                long sent = System.nanoTime();
                int index = i;
                all[i] = http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenAccept(r -> {
                    latency[index] = System.nanoTime() - sent;
                    if (r.statusCode() == 200 && !r.body().contains("\"code\"")) {
                        ok.incrementAndGet();
                    }
                });
            }
            CompletableFuture.allOf(all).get(60, TimeUnit.SECONDS);
            if (ok.get() != calls) {
                throw new IllegalStateException("sandbox baseline: only " + ok.get() + " of " + calls + " calls applied");
            }
            return Percentiles.ofNanos(latency, calls);
        }
    }
}
