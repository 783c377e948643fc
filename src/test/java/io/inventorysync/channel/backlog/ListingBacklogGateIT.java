package io.inventorysync.channel.backlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inventorysync.channel.DesiredListing;
import io.inventorysync.channel.ListingQuantity;
import io.inventorysync.channel.ListingStore;
import io.inventorysync.channel.PushOutcome;
import io.inventorysync.channel.ratelimit.CostRateLimiter;
import io.inventorysync.channel.ratelimit.RateLimiterRegistry;
import io.inventorysync.connector.ConnectorCatalog;
import io.inventorysync.deadletter.DeadLetter;
import io.inventorysync.deadletter.DeadLetterPublisher;
import io.inventorysync.mapping.SkuMappings;
import io.inventorysync.support.TestConnectors;
import io.inventorysync.support.TestStack;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A dispatcher gated on a channel's submission limiter claims only when a slot opens, so the push carries the
 * value pending at that moment, not one claimed earlier that then waited for the slot.
 */
class ListingBacklogGateIT {

    static final String CHANNEL = TestConnectors.CHANNEL;
    final ObjectMapper json = new ObjectMapper();
    DefaultCamelContext camel;
    ListingChangeListener changes;

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.stop();
        }
        if (changes != null) {
            changes.close();
        }
    }

    @Test
    void gatedDispatcherPushesTheValuePendingWhenTheSlotOpens() throws Exception {
        String schema = TestStack.freshSchema("gate");
        String url = TestStack.postgresUrl(schema);
        Flyway.configure().dataSource(url, "postgres", "").schemas(schema).load().migrate();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "postgres", "");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        ListingStore store = new ListingStore(jdbc);
        TestConnectors connectors = TestConnectors.create("http://127.0.0.1:9", "unused", "0", List.of("GATE-1"));
        SkuMappings mappings = new SkuMappings(ConnectorCatalog.load(connectors.dir(), UnaryOperator.identity()));
        RateLimiterRegistry limiters = new RateLimiterRegistry();
        // one submission per 1.5 s, like a feed API's slots (scaled down)
        CostRateLimiter slots = limiters.limiter("test:slots", 1, 1 / 1.5);
        changes = new ListingChangeListener(dataSource);
        camel = new DefaultCamelContext();
        camel.addComponent("listing-backlog", new ListingBacklogComponent(store, mappings, new NoDeadLetters(), changes,
                new SimpleMeterRegistry(), "gate-it", limiters));
        List<Integer> pushed = new CopyOnWriteArrayList<>();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("listing-backlog:" + CHANNEL + "?gate=test:slots&pollInterval=100ms").process(exchange -> {
                    slots.acquire(1); // the sink spends the slot, as a channel client does
                    List<ListingQuantity> batch = json.readValue(exchange.getMessage().getBody(String.class),
                            new TypeReference<List<ListingQuantity>>() { });
                    batch.forEach(item -> pushed.add(item.quantity()));
                    exchange.getMessage().setBody(batch.stream().map(PushOutcome::pushed).toList());
                });
            }
        });
        camel.start();

        store.writeDesired(List.of(new DesiredListing(CHANNEL, "GATE-1", 1)));
        await().atMost(Duration.ofSeconds(10)).until(() -> pushed.contains(1));
        // the slot is spent: these arrive while the dispatcher waits for the next one
        store.writeDesired(List.of(new DesiredListing(CHANNEL, "GATE-1", 2)));
        Thread.sleep(200);
        store.writeDesired(List.of(new DesiredListing(CHANNEL, "GATE-1", 3)));

        await().atMost(Duration.ofSeconds(10)).until(() -> pushed.contains(3));
        assertThat(pushed).containsExactly(1, 3);
        // the sink has answered; the dispatcher records the outcome right after
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                jdbc.queryForMap("SELECT pushed_version, pushed_quantity FROM channel_listing WHERE sku = 'GATE-1'"))
                .isEqualTo(Map.of("pushed_version", 3L, "pushed_quantity", 3)));
    }

    static final class NoDeadLetters extends DeadLetterPublisher {
        NoDeadLetters() {
            super(null);
        }

        @Override
        public void publish(DeadLetter letter) {
            throw new AssertionError("no dead letter expected: " + letter);
        }
    }
}
