package io.inventorysync.ingest;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.inventorysync.config.InventorySyncProperties;

@Configuration(proxyBeanMethods = false)
public class IngestWebConfiguration {

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> webhookBodySizeLimit(InventorySyncProperties properties) {
        return new FilterRegistrationBean<>(new BodySizeLimitFilter("/api/v1/events",
                properties.getWebhook().getMaxBodyBytes()));
    }
}
