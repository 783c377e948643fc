package io.inventorysync.connectors.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShopifyInventoryComponentTest {

    private final CamelContext camel = new DefaultCamelContext();

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void componentIsFoundByItsSchemeWithoutRegistration() {
        assertThat(camel.getComponent("shopify-inventory")).isInstanceOf(ShopifyInventoryComponent.class);
    }

    @Test
    void uriOptionsAreBoundToTheEndpointConfiguration() {
        ShopifyInventoryEndpoint endpoint = camel.getEndpoint("shopify-inventory:my-shop?accessToken=shpat_x"
                + "&apiVersion=2026-07&batchSize=100&maxRetries=2&quantityName=on_hand&readBeforeSet=false"
                + "&shopUrl=RAW(http://127.0.0.1:8089)", ShopifyInventoryEndpoint.class);

        ShopifyInventoryConfiguration configuration = endpoint.getConfiguration();
        assertThat(endpoint.getShopName()).isEqualTo("my-shop");
        assertThat(configuration.getBatchSize()).isEqualTo(100);
        assertThat(configuration.getMaxRetries()).isEqualTo(2);
        ShopifyClientSettings settings = configuration.toClientSettings("my-shop");
        assertThat(settings.graphqlEndpoint()).hasToString("http://127.0.0.1:8089/admin/api/2026-07/graphql.json");
        assertThat(settings.quantityName()).isEqualTo("on_hand");
        assertThat(settings.readBeforeSet()).isFalse();
    }

    @Test
    void withoutShopUrlTheShopNameGivesTheMyshopifyUrlAndDefaultsApply() {
        ShopifyInventoryEndpoint endpoint = camel.getEndpoint("shopify-inventory:my-shop?accessToken=shpat_x",
                ShopifyInventoryEndpoint.class);

        ShopifyClientSettings settings = endpoint.getConfiguration().toClientSettings("my-shop");
        assertThat(settings.graphqlEndpoint()).hasToString("https://my-shop.myshopify.com/admin/api/2026-10/graphql.json");
        assertThat(settings.batchSize()).isEqualTo(250);
        assertThat(settings.reason()).isEqualTo("correction");
        assertThat(endpoint.getConfiguration().getMaxRetries()).isEqualTo(5);
    }

    @Test
    void componentConfigurationGivesDefaultsThatTheUriOverrides() {
        ShopifyInventoryComponent component = camel.getComponent("shopify-inventory", ShopifyInventoryComponent.class);
        component.getConfiguration().setAccessToken("shpat_from_component");
        component.getConfiguration().setMaxRetries(9);

        ShopifyInventoryEndpoint a = camel.getEndpoint("shopify-inventory:a", ShopifyInventoryEndpoint.class);
        ShopifyInventoryEndpoint b = camel.getEndpoint("shopify-inventory:b?maxRetries=1", ShopifyInventoryEndpoint.class);

        assertThat(a.getConfiguration().getAccessToken()).isEqualTo("shpat_from_component");
        assertThat(a.getConfiguration().getMaxRetries()).isEqualTo(9);
        assertThat(b.getConfiguration().getMaxRetries()).isEqualTo(1);
        assertThat(component.getConfiguration().getMaxRetries()).as("the component's copy is untouched").isEqualTo(9);
    }

    @Test
    void badOptionsFailWhenTheEndpointIsCreated() {
        assertThatThrownBy(() -> camel.getEndpoint("shopify-inventory:s?accessToken=t&batchSize=251"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasStackTraceContaining("batchSize");
        assertThatThrownBy(() -> camel.getEndpoint("shopify-inventory:s?accessToken=t&apiVersion=2025-10"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasStackTraceContaining("apiVersion");
        assertThatThrownBy(() -> camel.getEndpoint("shopify-inventory:s?batchSize=10"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasStackTraceContaining("accessToken");
        assertThatThrownBy(() -> camel.getEndpoint("shopify-inventory:s?accessToken=t&batchSise=10"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasStackTraceContaining("batchSise");
    }

    @Test
    void accessTokenIsMaskedWhenTheUriIsLogged() {
        String uri = "shopify-inventory:s?accessToken=shpat_secret&batchSize=10";

        assertThat(URISupport.sanitizeUri(uri)).doesNotContain("shpat_secret");
    }
}
