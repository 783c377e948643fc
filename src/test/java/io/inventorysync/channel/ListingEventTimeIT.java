package io.inventorysync.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.inventorysync.support.TestStack;

/**
 * The start of the end-to-end latency ({@code channel_listing.event_at}) on a real PostgreSQL: the earliest event not
 * yet shown by the channel, from the ledger's write to the channel's acknowledgement.
 */
class ListingEventTimeIT {

    static final String SCHEMA = TestStack.freshSchema("eventtime");
    static final String URL = TestStack.postgresUrl(SCHEMA);
    static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    static DriverManagerDataSource dataSource;
    ListingStore store;
    String channel;

    @BeforeAll
    static void migrate() {
        Flyway.configure().dataSource(URL, "postgres", "").schemas(SCHEMA).load().migrate();
        dataSource = new DriverManagerDataSource(URL, "postgres", "");
    }

    @AfterAll
    static void dropSchema() {
        new JdbcTemplate(dataSource).execute("DROP SCHEMA IF EXISTS \"" + SCHEMA + "\" CASCADE");
    }

    @BeforeEach
    void setUp() {
        store = new ListingStore(new JdbcTemplate(dataSource));
        channel = "shop-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void desire(String sku, int quantity, Instant eventAt) {
        store.writeDesired(List.of(new DesiredListing(channel, sku, quantity, eventAt)));
    }

    /** The event time each listing's pending change started from; listings without one are absent. */
    private Map<String, Instant> eventTimes(String... skus) {
        Map<String, Instant> times = new java.util.HashMap<>();
        new JdbcTemplate(dataSource).query("SELECT sku, event_at FROM channel_listing WHERE channel = ? AND sku = ANY(?)"
                + " AND event_at IS NOT NULL", rs -> { times.put(rs.getString(1), rs.getTimestamp(2).toInstant()); },
                channel, skus);
        return times;
    }

    private void pushAll() {
        for (ClaimedListing listing : store.claim(channel, "owner", 100, Duration.ofMinutes(1))) {
            assertThat(store.recordPushed(listing, listing.quantity())).isTrue();
        }
    }

    @Test
    void aPendingListingKeepsItsEarliestEventTimeUntilTheChannelShowsIt() {
        desire("SKU-1", 5, T.plusSeconds(10));
        desire("SKU-1", 4, T.plusSeconds(20));
        desire("SKU-1", 3, T.plusSeconds(5)); // a late-arriving older event: still the earliest not shown
        assertThat(eventTimes("SKU-1")).containsExactlyEntriesOf(Map.of("SKU-1", T.plusSeconds(5)));

        ClaimedListing claimed = store.claim(channel, "owner", 100, Duration.ofMinutes(1)).get(0);
        assertThat(store.recordPushed(channel, List.of(new ListingStore.Pushed(claimed, 3))))
                .as("recording the push answers the time the latency is measured from")
                .containsExactlyEntriesOf(Map.of("SKU-1", java.util.Optional.of(T.plusSeconds(5))));
        desire("SKU-1", 2, T.plusSeconds(60));
        assertThat(eventTimes("SKU-1")).as("converged, so the next change starts a new pending period")
                .containsExactlyEntriesOf(Map.of("SKU-1", T.plusSeconds(60)));
    }

    @Test
    void aChangeWithoutAnEventTimeKeepsTheOneItHasAndAnUnchangedQuantityMovesNothing() {
        desire("SKU-2", 5, T);
        desire("SKU-2", 6, null);
        assertThat(eventTimes("SKU-2")).containsExactlyEntriesOf(Map.of("SKU-2", T));
        pushAll();
        desire("SKU-2", 6, T.plus(1, ChronoUnit.HOURS));
        assertThat(eventTimes("SKU-2")).as("same quantity: not a change, the old time stays")
                .containsExactlyEntriesOf(Map.of("SKU-2", T));
    }

    @Test
    void aRepushNoEventCausedHasNoEventTime() {
        desire("SKU-3", 5, T);
        desire("SKU-4", 7, T);
        pushAll();
        assertThat(store.requestRepush(channel, "SKU-3")).isTrue();
        assertThat(eventTimes("SKU-3", "SKU-4", "SKU-UNKNOWN")).containsOnlyKeys("SKU-4");
    }
}
