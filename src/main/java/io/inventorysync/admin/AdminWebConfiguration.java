package io.inventorysync.admin;

import org.apache.camel.ProducerTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.inventorysync.channel.ListingStore;
import io.inventorysync.config.InventorySyncProperties;
import io.inventorysync.deadletter.DeadLetterIndex;
import io.inventorysync.deadletter.DeadLetterReplayer;

@Configuration(proxyBeanMethods = false)
public class AdminWebConfiguration implements WebMvcConfigurer {

    private final InventorySyncProperties properties;

    public AdminWebConfiguration(InventorySyncProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        String[] adminPaths = {"/api/v1/dead-letters/**", "/api/v1/dead-letters", "/api/v1/mappings/**",
                "/api/v1/supplier-snapshots", "/api/v1/supplier-snapshots/**",
                "/api/v1/reconciliations", "/api/v1/reconciliations/**", "/api/v1/channels/**", "/api/v1/ops/**",
                "/api/v1/incidents", "/api/v1/incidents/**", "/api/v1/monitors", "/api/v1/monitors/**"};
        registry.addInterceptor(new AdminTokenInterceptor(properties.getAdmin().getToken())).addPathPatterns(adminPaths);
        // after the token check, so an unauthenticated caller still gets 401 whatever its parameters
        registry.addInterceptor(new PrintableParametersInterceptor()).addPathPatterns(adminPaths);
    }

    @Bean
    DeadLetterIndex deadLetterIndex(JdbcTemplate jdbc) {
        return new DeadLetterIndex(jdbc);
    }

    @Bean
    DeadLetterReplayer deadLetterReplayer(DeadLetterIndex index, ProducerTemplate producer, ListingStore listings) {
        return new DeadLetterReplayer(index, producer, listings);
    }
}
