package io.inventorysync.channel.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterRegistryTest {

    @Test
    void sameKeySharesOneLimiter() {
        RateLimiterRegistry registry = new RateLimiterRegistry();
        CostRateLimiter first = registry.limiter("shopify:a:graphql", 1000, 50);
        CostRateLimiter second = registry.limiter("shopify:a:graphql", 2000, 100);

        assertThat(second).isSameAs(first);
        assertThat(second.capacity()).as("initial values only seed a new limiter").isEqualTo(1000);
        first.tryAcquire(400);
        assertThat(second.availableTokens()).isEqualTo(600);
    }

    @Test
    void differentKeysHaveSeparateBudgets() {
        RateLimiterRegistry registry = new RateLimiterRegistry();
        registry.limiter(RateLimiterRegistry.shopifyGraphqlKey("a"), 1000, 50).tryAcquire(1000);

        assertThat(registry.limiter(RateLimiterRegistry.shopifyGraphqlKey("b"), 1000, 50).availableTokens()).isEqualTo(1000);
        assertThat(registry.find("shopify:a:graphql")).isPresent();
        assertThat(registry.find("shopify:c:graphql")).isEmpty();
    }
}
