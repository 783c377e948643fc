package io.inventorysync.ledger;

import static io.inventorysync.support.Events.delta;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import io.inventorysync.channel.DesiredListing;
import io.inventorysync.channel.ListingStore;
import io.inventorysync.connector.ConnectorCatalog;
import io.inventorysync.deadletter.DeadLetter;
import io.inventorysync.deadletter.DeadLetterPublisher;
import io.inventorysync.mapping.SkuMappings;
import io.inventorysync.support.TestConnectors;
import io.inventorysync.support.TestStack;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * {@link LedgerService} on a real PostgreSQL, wired by hand as the application wires it (projection written
 * through {@link ListingStore}); dead letters are captured instead of going to Kafka.
 */
class LedgerServiceIT {

    static final String SCHEMA = TestStack.freshSchema("ledger");
    static final String URL = TestStack.postgresUrl(SCHEMA);
    static final String EVENTS_TOPIC = "it.events";
    static final String CHANNEL = TestConnectors.CHANNEL;

    static DriverManagerDataSource dataSource;
    static SkuMappings mappings;
    static ConnectorCatalog catalog;

    JdbcTemplate jdbc;
    ListingStore listings;
    SimpleMeterRegistry meters;
    CapturedDeadLetters deadLetters;
    /** Writes the projection like the application, then fails when told to: a failure after every write of the batch. */
    FailingAfterWrite projectionWriter;
    LedgerService ledger;

    @BeforeAll
    static void migrateAndLoadConnectors() {
        Flyway.configure().dataSource(URL, "postgres", "").schemas(SCHEMA).load().migrate();
        dataSource = new DriverManagerDataSource(URL, "postgres", "");
        TestConnectors connectors = TestConnectors.create("http://127.0.0.1:9", "unused-token", "0",
                List.of("DUP-1", "NEG-1", "FAIL-1", "FAIL-2"));
        catalog = ConnectorCatalog.load(connectors.dir(), UnaryOperator.identity());
        mappings = new SkuMappings(catalog);
    }

    @AfterAll
    static void dropSchema() {
        new JdbcTemplate(dataSource).execute("DROP SCHEMA IF EXISTS \"" + SCHEMA + "\" CASCADE");
    }

    @BeforeEach
    void setUp() {
        jdbc = new JdbcTemplate(dataSource);
        listings = new ListingStore(jdbc);
        meters = new SimpleMeterRegistry();
        deadLetters = new CapturedDeadLetters();
        projectionWriter = new FailingAfterWrite(listings);
        ledger = new LedgerService(new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                new LedgerRepository(jdbc), new ChannelProjection(catalog.channels(), mappings), projectionWriter,
                new SchemaEventDecoder(), deadLetters, meters, new LedgerSettings(EVENTS_TOPIC, java.time.Duration.ofMinutes(15)));
    }

    private static LedgerRecord record(String payload) {
        return new LedgerRecord(payload, null, false);
    }

    private static LedgerRecord replayed(String payload) {
        return new LedgerRecord(payload, null, true);
    }

    private LedgerBatchResult apply(String... payloads) {
        return ledger.apply(Arrays.stream(payloads).map(LedgerServiceIT::record).toList());
    }

    private Long onHand(String sku, String location) {
        List<Long> rows = jdbc.queryForList("SELECT on_hand FROM stock_position WHERE sku = ? AND location_id = ?",
                Long.class, sku, location);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private long appliedEvents(String sku) {
        return jdbc.queryForObject("SELECT count(*) FROM applied_event WHERE sku = ?", Long.class, sku);
    }

    private Map<String, Object> listing(String sku) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT desired_quantity, desired_version FROM channel_listing WHERE channel = ? AND sku = ?", CHANNEL, sku);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static String eventId(String payload) {
        return new SchemaEventDecoder().decode(payload).event().eventId();
    }

    @Test
    void duplicatesInsideABatchAndAcrossBatchesAreAppliedOnce() {
        String receiving = delta("receiving", "DUP-1", "WH-1", 10, null, 1);
        String sale = delta("sale", "DUP-1", "WH-1", -1, "O-1", 2);

        LedgerBatchResult first = apply(receiving, receiving, sale);
        LedgerBatchResult second = apply(sale, receiving, delta("receiving", "DUP-1", "STORE-1", 5, null, 3), receiving);

        assertThat(first.outcomes()).containsExactlyInAnyOrderEntriesOf(
                Map.of(ApplyOutcome.APPLIED, 2, ApplyOutcome.DUPLICATE, 1));
        assertThat(second.outcomes()).containsExactlyInAnyOrderEntriesOf(
                Map.of(ApplyOutcome.APPLIED, 1, ApplyOutcome.DUPLICATE, 3));
        assertThat(onHand("DUP-1", "WH-1")).isEqualTo(9);
        assertThat(onHand("DUP-1", "STORE-1")).isEqualTo(5);
        assertThat(appliedEvents("DUP-1")).isEqualTo(3);
        assertThat(listing("DUP-1")).containsEntry("desired_quantity", 14);
        assertThat(meters.counter("inventory.events.processed", "source", TestConnectors.SOURCE,
                "type", "inventory.receiving", "outcome", "duplicate").count()).isEqualTo(3);
        assertThat(meters.counter("inventory.events.processed", "source", TestConnectors.SOURCE,
                "type", "inventory.sale", "outcome", "duplicate").count()).isEqualTo(1);
        assertThat(deadLetters.letters).isEmpty();
    }

    @Test
    void unmappedSkuIsAppliedToTheLedgerAndReportedAsADeadLetter() {
        String receiving = delta("receiving", "UNMAPPED-1", "WH-1", 7, null, 1);

        LedgerBatchResult result = apply(receiving);

        assertThat(result.outcomes()).containsExactlyEntriesOf(Map.of(ApplyOutcome.APPLIED, 1));
        assertThat(result.unmapped()).isEqualTo(1);
        assertThat(onHand("UNMAPPED-1", "WH-1")).isEqualTo(7);
        assertThat(listing("UNMAPPED-1")).as("no channel lists it").isNull();
        assertThat(deadLetters.letters).singleElement().satisfies(letter -> {
            assertThat(letter.stage()).isEqualTo("mapping");
            assertThat(letter.reason()).isEqualTo("sku-unmapped");
            assertThat(letter.key()).isEqualTo("UNMAPPED-1");
            assertThat(letter.originTopic()).isEqualTo(EVENTS_TOPIC);
            assertThat(letter.payload()).isEqualTo(receiving);
        });
        assertThat(meters.counter("inventory.sku.unmapped").count()).isEqualTo(1);
    }

    @Test
    void redeliveredUnmappedEventIsNotReportedAgainButAReplayedOneIs() {
        String receiving = delta("receiving", "UNMAPPED-2", "WH-1", 3, null, 1);
        apply(receiving);
        deadLetters.letters.clear();

        LedgerBatchResult redelivered = apply(receiving);
        assertThat(redelivered.outcomes()).containsExactlyEntriesOf(Map.of(ApplyOutcome.DUPLICATE, 1));
        assertThat(deadLetters.letters).as("a Kafka redelivery is not news").isEmpty();

        LedgerBatchResult replay = ledger.apply(List.of(replayed(receiving)));

        assertThat(replay.outcomes()).containsExactlyEntriesOf(Map.of(ApplyOutcome.DUPLICATE, 1));
        assertThat(replay.unmapped()).isEqualTo(1);
        assertThat(deadLetters.letters).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo("sku-unmapped");
            assertThat(letter.payload()).isEqualTo(receiving);
        });
        assertThat(onHand("UNMAPPED-2", "WH-1")).as("reported again, not applied again").isEqualTo(3);
    }

    @Test
    void positionGoingNegativeIsLoggedOnceAndCounted() {
        String oversold = delta("sale", "NEG-1", "WH-1", -5, null, 2);

        LedgerBatchResult result = apply(delta("receiving", "NEG-1", "WH-1", 2, null, 1), oversold);
        LedgerBatchResult stillNegative = apply(delta("sale", "NEG-1", "WH-1", -1, null, 3));

        assertThat(result.negatives()).isEqualTo(1);
        assertThat(stillNegative.negatives()).as("already negative: not a new event").isZero();
        assertThat(jdbc.queryForList("SELECT location_id, available, event_id FROM negative_position_log WHERE sku = 'NEG-1'"))
                .containsExactly(Map.of("location_id", "WH-1", "available", -3L, "event_id", eventId(oversold)));
        assertThat(meters.counter("inventory.negative.salable.quantity").count()).isEqualTo(1);
        assertThat(new LedgerRepository(jdbc).countNegativePositions()).isGreaterThanOrEqualTo(1);
        assertThat(onHand("NEG-1", "WH-1")).as("never clamped").isEqualTo(-4);
        assertThat(listing("NEG-1")).as("a channel is never asked to show less than 0").containsEntry("desired_quantity", 0);

        apply(delta("receiving", "NEG-1", "WH-1", 10, null, 4));
        assertThat(jdbc.queryForObject("SELECT negative_since IS NULL FROM stock_position WHERE sku = 'NEG-1'",
                Boolean.class)).as("recovered").isTrue();
    }

    @Test
    void batchFailingMidwayLeavesNoTraceAndIsAppliedOnceWhenRedelivered() {
        apply(delta("receiving", "FAIL-1", "WH-1", 10, null, 1));
        long appliedBefore = jdbc.queryForObject("SELECT count(*) FROM applied_event", Long.class);
        List<String> batch = List.of(
                delta("sale", "FAIL-1", "WH-1", -3, "O-9", 2),
                delta("receiving", "FAIL-2", "STORE-1", 4, null, 2),
                delta("sale", "FAIL-2", "STORE-1", -6, null, 3)); // goes negative: a negative_position_log row too

        projectionWriter.failNext = true;
        assertThatThrownBy(() -> ledger.apply(batch.stream().map(LedgerServiceIT::record).toList()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("injected");

        assertThat(projectionWriter.wroteBeforeFailing).as("the failure came after every write").isTrue();
        assertThat(onHand("FAIL-1", "WH-1")).isEqualTo(10);
        assertThat(onHand("FAIL-2", "STORE-1")).isNull();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM applied_event", Long.class)).isEqualTo(appliedBefore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM negative_position_log WHERE sku = 'FAIL-2'", Long.class)).isZero();
        assertThat(listing("FAIL-1")).containsEntry("desired_quantity", 10).containsEntry("desired_version", 1L);
        assertThat(listing("FAIL-2")).isNull();

        LedgerBatchResult redelivered = ledger.apply(batch.stream().map(LedgerServiceIT::record).toList());
        LedgerBatchResult again = ledger.apply(batch.stream().map(LedgerServiceIT::record).toList());

        assertThat(redelivered.outcomes()).containsExactlyEntriesOf(Map.of(ApplyOutcome.APPLIED, 3));
        assertThat(redelivered.negatives()).isEqualTo(1);
        assertThat(again.outcomes()).containsExactlyEntriesOf(Map.of(ApplyOutcome.DUPLICATE, 3));
        assertThat(onHand("FAIL-1", "WH-1")).isEqualTo(7);
        assertThat(onHand("FAIL-2", "STORE-1")).isEqualTo(-2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM applied_event", Long.class)).isEqualTo(appliedBefore + 3);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM negative_position_log WHERE sku = 'FAIL-2'", Long.class)).isEqualTo(1);
        assertThat(listing("FAIL-1")).containsEntry("desired_quantity", 7).containsEntry("desired_version", 2L);
        assertThat(listing("FAIL-2")).containsEntry("desired_quantity", 0);
    }

    /** Stands in for the Kafka-bound publisher: keeps what would have been published. */
    @Test
    void transferMovesBothPositionsInOneTransactionOrNeither() {
        apply(delta("receiving", "XFER-1", "WH-1", 10, null, 1));
        String transfer = io.inventorysync.support.Events.transfer("XFER-1", "WH-1", "STORE-1", 4, 2);

        projectionWriter.failNext = true;
        assertThatThrownBy(() -> apply(transfer)).isInstanceOf(IllegalStateException.class);
        assertThat(onHand("XFER-1", "WH-1")).isEqualTo(10);
        assertThat(onHand("XFER-1", "STORE-1")).isNull();

        apply(transfer);
        assertThat(onHand("XFER-1", "WH-1")).isEqualTo(6);
        assertThat(onHand("XFER-1", "STORE-1")).isEqualTo(4);
    }

    @Test
    void holdsAbsoluteCountsAndNegativesWrittenByOneBatchAreWhatTheNextBatchReads() {
        // each step is its own batch, so every value below makes a round trip through the array-based writes
        apply(delta("receiving", "KEEP-1", "WH-1", 10, null, 1));
        apply(delta("reserve", "KEEP-1", "WH-1", -3, "O-7", 2));
        assertThat(jdbc.queryForMap("SELECT quantity, expires_at FROM reservation WHERE sku = 'KEEP-1' AND order_id = 'O-7'"))
                .containsEntry("quantity", 3L)
                .containsEntry("expires_at", java.sql.Timestamp.from(io.inventorysync.support.Events.T0.plusSeconds(2 + 15 * 60)));

        apply(io.inventorysync.support.Events.count("KEEP-1", "WH-1", 20, 10));
        LedgerBatchResult olderDelta = apply(delta("sale", "KEEP-1", "WH-1", -1, null, 5));
        assertThat(olderDelta.outcomes()).containsExactlyEntriesOf(Map.of(ApplyOutcome.SUPERSEDED, 1));
        assertThat(onHand("KEEP-1", "WH-1")).isEqualTo(20);

        apply(delta("sale", "KEEP-1", "WH-1", -3, "O-7", 11));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM reservation WHERE sku = 'KEEP-1'", Long.class)).isZero();
        assertThat(onHand("KEEP-1", "WH-1")).isEqualTo(17);

        apply(delta("sale", "KEEP-1", "WH-1", -20, null, 12));
        apply(delta("sale", "KEEP-1", "WH-1", -1, null, 13));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM negative_position_log WHERE sku = 'KEEP-1'", Long.class))
                .as("logged when it went negative, not again while it stayed negative").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT negative_since IS NOT NULL FROM stock_position WHERE sku = 'KEEP-1'",
                Boolean.class)).isTrue();
        assertThat(appliedEvents("KEEP-1")).isEqualTo(7);
        assertThat(jdbc.queryForObject("SELECT min(event_timestamp) FROM applied_event WHERE sku = 'KEEP-1'",
                java.sql.Timestamp.class)).isEqualTo(java.sql.Timestamp.from(io.inventorysync.support.Events.T0.plusSeconds(1)));
    }

    @Test
    void twoAppliersOfANewSkuAtOnceDoNotLoseAnUpdate() throws Exception {
        String first = delta("receiving", "RACE-1", "WH-1", 10, null, 1);
        String second = delta("receiving", "RACE-1", "WH-1", 5, null, 2);
        CountDownLatch insideTransaction = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        LedgerService held = ledgerWithWriter(desired -> {
            Set<String> changed = listings.writeDesired(desired);
            insideTransaction.countDown();
            await(release);
            return changed;
        });
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // consumer A (about to lose its partition) is still applying [first, second] when consumer B, which
            // took the partition over, is handed [first] again
            Future<LedgerBatchResult> a = threads.submit(() -> held.apply(List.of(record(first), record(second))));
            assertThat(insideTransaction.await(10, TimeUnit.SECONDS)).isTrue();
            Future<LedgerBatchResult> b = threads.submit(() -> ledger.apply(List.of(record(first))));
            Thread.sleep(300); // B is now blocked on A's row; give it the chance to overtake if it could
            release.countDown();

            assertThat(a.get(20, TimeUnit.SECONDS).outcomes()).containsEntry(ApplyOutcome.APPLIED, 2);
            assertThat(b.get(20, TimeUnit.SECONDS).outcomes()).containsExactlyEntriesOf(Map.of(ApplyOutcome.DUPLICATE, 1));
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
        assertThat(onHand("RACE-1", "WH-1")).isEqualTo(15);
        assertThat(appliedEvents("RACE-1")).isEqualTo(2);
    }

    private LedgerService ledgerWithWriter(LedgerService.ChannelProjectionWriter writer) {
        return new LedgerService(new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                new LedgerRepository(jdbc), new ChannelProjection(catalog.channels(), mappings), writer,
                new SchemaEventDecoder(), deadLetters, meters, new LedgerSettings(EVENTS_TOPIC, java.time.Duration.ofMinutes(15)));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static final class CapturedDeadLetters extends DeadLetterPublisher {
        final List<DeadLetter> letters = new CopyOnWriteArrayList<>();

        CapturedDeadLetters() {
            super(null);
        }

        @Override
        public void publish(DeadLetter letter) {
            letters.add(letter);
        }
    }

    static final class FailingAfterWrite implements LedgerService.ChannelProjectionWriter {
        private final ListingStore listings;
        boolean failNext;
        boolean wroteBeforeFailing;

        FailingAfterWrite(ListingStore listings) {
            this.listings = listings;
        }

        @Override
        public Set<String> write(List<DesiredListing> desired) {
            Set<String> changed = listings.writeDesired(desired);
            if (failNext) {
                failNext = false;
                wroteBeforeFailing = !changed.isEmpty();
                throw new IllegalStateException("injected failure after the projection was written");
            }
            return changed;
        }
    }
}
