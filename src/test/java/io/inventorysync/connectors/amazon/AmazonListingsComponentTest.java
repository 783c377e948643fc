package io.inventorysync.connectors.amazon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import io.inventorysync.channel.ratelimit.RateLimiterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AmazonListingsComponentTest {

    private static final String CREDENTIALS = "lwaClientId=amzn1.application-oa2-client.x&lwaClientSecret=RAW(s3cr3t)"
            + "&lwaRefreshToken=RAW(Atzr|r3fr3sh)";
    private final CamelContext camel = new DefaultCamelContext();

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void componentIsFoundByItsSchemeWithoutRegistration() {
        assertThat(camel.getComponent("amazon-listings")).isInstanceOf(AmazonListingsComponent.class);
    }

    @Test
    void uriOptionsAreBoundToTheEndpointConfiguration() {
        AmazonListingsEndpoint endpoint = camel.getEndpoint("amazon-listings:A2SELLER?" + CREDENTIALS
                + "&marketplaceIds=ATVPDKIKX0DER,A2EUQ1WTGCTBG2&endpointUrl=RAW(http://127.0.0.1:8092)"
                + "&lwaTokenUrl=RAW(http://127.0.0.1:8092/auth/o2/token)&batchSize=500&feedPollInterval=1000"
                + "&maxFeedWait=60000&maxRetries=1&rateLimitScale=0.5&issueLocale=de_DE", AmazonListingsEndpoint.class);

        AmazonClientSettings settings = endpoint.getConfiguration().toClientSettings(endpoint.getSellerId());
        assertThat(endpoint.getSellerId()).isEqualTo("A2SELLER");
        assertThat(settings.marketplaceIds()).containsExactly("ATVPDKIKX0DER", "A2EUQ1WTGCTBG2");
        assertThat(settings.endpointUrl()).hasToString("http://127.0.0.1:8092");
        assertThat(settings.lwa().tokenUrl()).hasToString("http://127.0.0.1:8092/auth/o2/token");
        assertThat(settings.lwa().clientSecret()).isEqualTo("s3cr3t");
        assertThat(settings.lwa().refreshToken()).isEqualTo("Atzr|r3fr3sh");
        assertThat(settings.batchSize()).isEqualTo(500);
        assertThat(settings.feedPollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.maxFeedWait()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.rateLimits().scale()).isEqualTo(0.5);
        assertThat(settings.issueLocale()).isEqualTo("de_DE");
        assertThat(endpoint.getConfiguration().getMaxRetries()).isEqualTo(1);
    }

    @Test
    void defaultsAreAmazonsNorthAmericaEndpointLwaAndFeedLimits() {
        AmazonListingsEndpoint endpoint = camel.getEndpoint("amazon-listings:A2SELLER?marketplaceIds=ATVPDKIKX0DER&"
                + CREDENTIALS, AmazonListingsEndpoint.class);

        AmazonClientSettings settings = endpoint.getConfiguration().toClientSettings("A2SELLER");
        assertThat(settings.endpointUrl()).hasToString("https://sellingpartnerapi-na.amazon.com");
        assertThat(settings.lwa().tokenUrl()).hasToString("https://api.amazon.com/auth/o2/token");
        assertThat(settings.batchSize()).isEqualTo(25_000);
        assertThat(settings.feedPollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.maxFeedWait()).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.productType()).isEqualTo("PRODUCT");
        assertThat(settings.rateLimits()).isEqualTo(AmazonRateLimits.amazonDefaults());
        assertThat(endpoint.getConfiguration().getMaxRetries()).isEqualTo(3);
    }

    @Test
    void componentConfigurationGivesDefaultsThatTheUriOverrides() {
        AmazonListingsComponent component = camel.getComponent("amazon-listings", AmazonListingsComponent.class);
        component.getConfiguration().setLwaClientId("from-component");
        component.getConfiguration().setLwaClientSecret("secret");
        component.getConfiguration().setLwaRefreshToken("refresh");
        component.getConfiguration().setMarketplaceIds("ATVPDKIKX0DER");
        component.getConfiguration().setMaxRetries(9);

        AmazonListingsEndpoint a = camel.getEndpoint("amazon-listings:A", AmazonListingsEndpoint.class);
        AmazonListingsEndpoint b = camel.getEndpoint("amazon-listings:B?maxRetries=1", AmazonListingsEndpoint.class);

        assertThat(a.getConfiguration().getLwaClientId()).isEqualTo("from-component");
        assertThat(a.getConfiguration().getMaxRetries()).isEqualTo(9);
        assertThat(b.getConfiguration().getMaxRetries()).isEqualTo(1);
        assertThat(component.getConfiguration().getMaxRetries()).as("the component's copy is untouched").isEqualTo(9);
    }

    @Test
    void badOptionsFailWhenTheEndpointIsCreated() {
        String base = "amazon-listings:S?marketplaceIds=ATVPDKIKX0DER&" + CREDENTIALS;
        assertThatThrownBy(() -> camel.getEndpoint(base + "&batchSize=25001"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasStackTraceContaining("batchSize");
        assertThatThrownBy(() -> camel.getEndpoint("amazon-listings:S?" + CREDENTIALS))
                .isInstanceOf(ResolveEndpointFailedException.class).hasStackTraceContaining("marketplaceIds");
        assertThatThrownBy(() -> camel.getEndpoint("amazon-listings:S?marketplaceIds=ATVPDKIKX0DER&lwaClientId=x"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasStackTraceContaining("lwaClientSecret");
        assertThatThrownBy(() -> camel.getEndpoint(base + "&feedPollIntervall=10"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasStackTraceContaining("feedPollIntervall");
        assertThatThrownBy(() -> camel.getEndpoint(base + "&maxFeedWait=10&feedPollInterval=100"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasStackTraceContaining("maxFeedWait");
    }

    @Test
    void secretsAreMaskedWhenTheUriIsLogged() {
        String sanitized = URISupport.sanitizeUri("amazon-listings:S?marketplaceIds=X&lwaClientSecret=s3cr3t&lwaRefreshToken=r3fr3sh");

        assertThat(sanitized).doesNotContain("s3cr3t").doesNotContain("r3fr3sh");
        assertThat(new LwaCredentials(java.net.URI.create("http://x"), "id", "s3cr3t", "r3fr3sh").toString())
                .doesNotContain("s3cr3t").doesNotContain("r3fr3sh");
    }

    @Test
    void startingARouteRegistersTheSellersFeedSubmissionLimiterForADispatcherToWaitOn() throws Exception {
        RateLimiterRegistry shared = new RateLimiterRegistry();
        camel.getComponent("amazon-listings", AmazonListingsComponent.class).setRateLimiterRegistry(shared);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:push").to("amazon-listings:A2SELLER?marketplaceIds=ATVPDKIKX0DER&" + CREDENTIALS);
            }
        });
        camel.start();

        String key = AmazonListingsConstants.feedSubmissionLimiterKey("A2SELLER");
        assertThat(key).isEqualTo("amazon:A2SELLER:JSON_LISTINGS_FEED");
        assertThat(shared.find(key)).get().satisfies(limiter -> {
            assertThat(limiter.capacity()).isEqualTo(1);
            assertThat(limiter.awaitAvailable(1, Duration.ZERO)).as("a slot is free at start").isTrue();
        });
        assertThat(shared.find("amazon:A2SELLER:createFeed")).get()
                .satisfies(limiter -> assertThat(limiter.capacity()).isEqualTo(14));
    }
}
