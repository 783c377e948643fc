package io.inventorysync.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inventorysync.connectors.amazon.sandbox.AmazonSandbox;
import io.inventorysync.connectors.shopify.sandbox.SandboxFaults;
import io.inventorysync.connectors.shopify.sandbox.ShopifySandbox;
import io.inventorysync.support.AppProcess;
import io.inventorysync.support.AppUnderTest;
import io.inventorysync.support.TestConnectors;
import io.inventorysync.support.TestStack;
import io.inventorysync.support.WebhookClient;

/**
 * Both sandboxes inject one fault kind after another while events flow: throttling storms (Shopify THROTTLED as
 * HTTP 200 and as 429, Amazon 429 QuotaExceeded), 5xx, answers slower than the client's timeout, slow answers, and a
 * credential refused (Shopify 401 "Invalid API key or access token"; Amazon 403 for an expired access token, which
 * the client refreshes). Each fault is armed and waited for until the pipeline has met it. Once the faults stop,
 * every listing converges; the only dead letters are the non-retryable refusals, each with the platform's own
 * reason: the 401s (replayed once the credential is good again, as an operator would), an inventory item Shopify
 * does not have and a SKU Amazon does not know.
 */
class ChannelFaultStormsIT {

    private static final Set<String> RETRYABLE = Set.of("THROTTLED", "HTTP_500", "HTTP_503", "TIMEOUT", "IO_ERROR",
            "QuotaExceeded", "InternalFailure", "ServiceUnavailable");

    private static final long CLIENT_TIMEOUT_MS = 30_000;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void pipelineConvergesAfterFaultStormsAndDeadLettersOnlyWhatCannotBeRetried() throws Exception {
        long seed = Long.getLong("resilience.seed", System.nanoTime());
        EventScript script = EventScript.generate(seed, "FLT", 10, 44, 8);
        String notInShop = script.skus().get(9);
        String notOnAmazon = script.skus().get(8);
        System.out.printf("RESILIENCE channel-faults plan: seed=%d; Shopify lacks the item of %s, Amazon does not know %s%n",
                seed, notInShop, notOnAmazon);

        List<String> amazonSkus = script.skus().stream().filter(sku -> !sku.equals(notOnAmazon)).toList();
        try (ResilienceRig rig = new ResilienceRig("faults", script.skus(), amazonSkus, TestStack.kafka().bootstrapServers())) {
            ShopifySandbox shop = rig.shopify;
            AmazonSandbox amazon = rig.amazon;
            shop.setAutoCreateItems(false);
            script.skus().stream().filter(sku -> !sku.equals(notInShop))
                    .forEach(sku -> shop.setLevel(TestConnectors.itemGid(sku), TestConnectors.LOCATION_GID, 0));
            AppProcess app = rig.start("a");
            try {
                RetryingSource source = new RetryingSource();
                source.target(List.of(app.port()));
                Iterator<List<StockEvent>> batches = script.batches().iterator();
                Map<String, Integer> armed = new LinkedHashMap<>();
                long tokensBefore = amazon.stats().tokensIssued();
                java.util.concurrent.atomic.AtomicLong tokensAtExpiry = new java.util.concurrent.atomic.AtomicLong();

                step(batches, source, "throttle storm", armed, () -> {
                    shop.injectFaults(SandboxFaults.throttle(6));
                    amazon.injectFaults(io.inventorysync.connectors.amazon.sandbox.SandboxFaults.throttle(4));
                    return 10;
                }, () -> shop.faults().throttleNext() == 0 && amazon.faults().throttleNext() == 0);
                step(batches, source, "5xx", armed, () -> {
                    shop.injectFaults(new SandboxFaults(null, 3, null, null, 503));
                    amazon.injectFaults(new io.inventorysync.connectors.amazon.sandbox.SandboxFaults(3, 500, null, null, null, null));
                    return 6;
                }, () -> shop.faults().http5xxNext() == 0 && amazon.faults().http5xxNext() == 0);
                step(batches, source, "throttle storm as 429", armed, () -> {
                    shop.injectFaults(new SandboxFaults(6, null, null, 429, null));
                    return 6;
                }, () -> shop.faults().throttleNext() == 0);
                // one answer each held beyond the clients' 30 s request timeout (not configurable per channel file)
                step(batches, source, "timeouts", armed, () -> {
                    shop.injectFaults(SandboxFaults.slow(1, CLIENT_TIMEOUT_MS + 1500));
                    amazon.injectFaults(io.inventorysync.connectors.amazon.sandbox.SandboxFaults.slow(1, CLIENT_TIMEOUT_MS + 1500));
                    return 2;
                }, () -> shop.faults().slowNext() == 0 && amazon.faults().slowNext() == 0);
                step(batches, source, "slow answers", armed, () -> {
                    shop.injectFaults(SandboxFaults.latency(400));
                    amazon.injectFaults(io.inventorysync.connectors.amazon.sandbox.SandboxFaults.latency(400));
                    return 2;
                }, () -> true);
                step(batches, source, "credential refused", armed, () -> {
                    shop.injectFaults(SandboxFaults.unauthorized(2));
                    tokensAtExpiry.set(amazon.stats().tokensIssued());
                    amazon.expireAccessTokens();
                    return 3;
                }, () -> shop.faults().unauthorizedNext() == 0 && amazon.stats().tokensIssued() > tokensAtExpiry.get());

                shop.injectFaults(new SandboxFaults(0, 0, 0L, 200, 503, 0, 0, 0L));
                amazon.injectFaults(new io.inventorysync.connectors.amazon.sandbox.SandboxFaults(0, 503, 0, 0L, 0, 0, 0, 0, 0L));
                while (batches.hasNext()) {
                    source.deliver(batches.next());
                }

                // the credential works again: the operator replays what its refusal dead-lettered
                WebhookClient admin = new WebhookClient(app.port());
                await().atMost(Duration.ofMinutes(2)).until(() -> !deadLetters(admin, "&reason=UNAUTHORIZED").isEmpty());
                ConvergenceProof proof = new ConvergenceProof(rig, script,
                        Map.of(ResilienceRig.SHOPIFY, Set.of(notInShop), ResilienceRig.AMAZON, Set.of(notOnAmazon)));
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                        .conditionEvaluationListener(ConvergenceProof.reportOnTimeout(proof)).until(() -> {
                    admin.admin("POST", "/api/v1/dead-letters/replay", "{\"reason\":\"UNAUTHORIZED\"}", AppUnderTest.ADMIN_TOKEN);
                    return proof.converged();
                });
                await().atMost(Duration.ofMinutes(1)).until(() -> deadLetters(admin, "").stream()
                        .anyMatch(d -> d.path("reason").asText().equals("13013"))
                        && deadLetters(admin, "").stream().anyMatch(d -> d.path("reason").asText().equals("INVALID_INVENTORY_ITEM")));

                List<JsonNode> letters = deadLetters(admin, "");
                Map<String, Integer> byReason = new TreeMap<>();
                List<String> problems = new ArrayList<>(proof.mismatches());
                for (JsonNode letter : letters) {
                    String reason = letter.path("reason").asText();
                    String key = letter.path("key").asText();
                    String channel = letter.path("channel").asText();
                    byReason.merge(reason, 1, Integer::sum);
                    boolean expected = switch (reason) {
                        case "UNAUTHORIZED" -> channel.equals(ResilienceRig.SHOPIFY)
                                && letter.path("exception").asText().contains("Invalid API key or access token");
                        case "INVALID_INVENTORY_ITEM" -> channel.equals(ResilienceRig.SHOPIFY) && key.equals(notInShop);
                        case "13013" -> channel.equals(ResilienceRig.AMAZON) && key.equals(notOnAmazon);
                        default -> false;
                    };
                    if (!expected || RETRYABLE.contains(reason)) {
                        problems.add("unexpected dead letter " + letter);
                    }
                }
                var shopStats = shop.stats();
                var amazonStats = amazon.stats();
                int faultsInjected = armed.values().stream().mapToInt(Integer::intValue).sum();
                System.out.printf("RESILIENCE channel-faults: seed=%d events=%d batches=%d scriptDuplicates=%d faultsArmed=%s "
                                + "faultsInjected=%d shopifyServed{throttled=%d,5xx=%d,401=%d} amazonServed{429=%d,5xx=%d,403=%d,"
                                + "tokensIssued=%d} deadLetters=%s finalMismatches=%d%n",
                        seed, script.distinctEvents(), script.batches().size(), script.duplicates(), armed.keySet(),
                        faultsInjected, shopStats.throttled(), shopStats.http5xx(), shopStats.unauthorized(),
                        amazonStats.injectedThrottles(), amazonStats.http5xx(), amazonStats.unauthorized(),
                        amazonStats.tokensIssued() - tokensBefore, byReason, problems.size());
                assertThat(problems).as("seed %d:%s", seed, ConvergenceProof.describe(problems)).isEmpty();
                assertThat(byReason).containsKeys("UNAUTHORIZED", "INVALID_INVENTORY_ITEM", "13013");
            } finally {
                app.kill();
            }
        }
    }

    /** Arms a fault, keeps events flowing (so pushes meet it) and waits until the pipeline has met it. */
    private static void step(Iterator<List<StockEvent>> batches, RetryingSource source, String name,
            Map<String, Integer> armed, Callable<Integer> arm, Callable<Boolean> met) throws Exception {
        armed.put(name, arm.call());
        for (int i = 0; i < 4 && batches.hasNext(); i++) {
            source.deliver(batches.next());
        }
        await(name).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(met);
    }

    private List<JsonNode> deadLetters(WebhookClient admin, String filter) throws Exception {
        String body = admin.admin("GET", "/api/v1/dead-letters?includeReplayed=true&limit=1000" + filter, null,
                AppUnderTest.ADMIN_TOKEN).body();
        List<JsonNode> letters = new ArrayList<>();
        json.readTree(body).path("dead_letters").forEach(letters::add);
        return letters;
    }
}
