package io.inventorysync.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import io.inventorysync.support.TestStack;

/** The channel state on a real PostgreSQL: versions, leases, SKIP LOCKED sharing, retry/reject bookkeeping, NOTIFY. */
class ListingStoreIT {

    static final String SCHEMA = TestStack.freshSchema("listing");
    static final String URL = TestStack.postgresUrl(SCHEMA);
    static final Duration LONG_LEASE = Duration.ofSeconds(60);

    static DriverManagerDataSource dataSource;
    JdbcTemplate jdbc;
    ListingStore store;
    /** Each test works on its own channel, so tests share the schema without seeing each other's listings. */
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
        jdbc = new JdbcTemplate(dataSource);
        store = new ListingStore(jdbc);
        channel = "shop-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Set<String> desire(String sku, int quantity) {
        return store.writeDesired(List.of(new DesiredListing(channel, sku, quantity)));
    }

    private long desiredVersion(String sku) {
        return jdbc.queryForObject("SELECT desired_version FROM channel_listing WHERE channel = ? AND sku = ?",
                Long.class, channel, sku);
    }

    private ClaimedListing claimOnly(String owner, Duration lease) {
        List<ClaimedListing> claimed = store.claim(channel, owner, 10, lease);
        assertThat(claimed).hasSize(1);
        return claimed.get(0);
    }

    @Test
    void desiredVersionMovesOnlyWhenTheQuantityChanges() {
        assertThat(desire("SKU-1", 5)).containsExactly(channel);
        assertThat(desiredVersion("SKU-1")).isEqualTo(1);

        assertThat(desire("SKU-1", 5)).as("same quantity again: no change reported").isEmpty();
        assertThat(desiredVersion("SKU-1")).isEqualTo(1);

        assertThat(desire("SKU-1", 6)).containsExactly(channel);
        assertThat(desiredVersion("SKU-1")).isEqualTo(2);
    }

    @Test
    void concurrentDispatchersNeverClaimTheSameListingAndTogetherClaimAll() throws Exception {
        List<DesiredListing> desired = IntStream.range(0, 1000)
                .mapToObj(i -> new DesiredListing(channel, "SKU-%04d".formatted(i), i)).toList();
        store.writeDesired(desired);

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<List<String>> a = threads.submit(() -> claimUntilNothingLeft("dispatcher-a", start));
            Future<List<String>> b = threads.submit(() -> claimUntilNothingLeft("dispatcher-b", start));
            start.countDown();
            List<String> byA = a.get(20, TimeUnit.SECONDS);
            List<String> byB = b.get(20, TimeUnit.SECONDS);

            assertThat(byA).as("each dispatcher took a share").isNotEmpty().doesNotHaveDuplicates();
            assertThat(byB).isNotEmpty().doesNotHaveDuplicates();
            assertThat(byA).doesNotContainAnyElementsOf(byB);
            Set<String> all = new HashSet<>(byA);
            all.addAll(byB);
            assertThat(all).containsExactlyInAnyOrderElementsOf(desired.stream().map(DesiredListing::sku).toList());
            assertThat(jdbc.queryForList("SELECT sku FROM channel_listing WHERE channel = ? AND lease_owner = 'dispatcher-a'",
                    String.class, channel)).containsExactlyInAnyOrderElementsOf(byA);
        } finally {
            threads.shutdownNow();
        }
    }

    /** One dispatcher instance: its own connection, each claim its own transaction, small claims to interleave. */
    private List<String> claimUntilNothingLeft(String owner, CountDownLatch start) throws Exception {
        SingleConnectionDataSource own = new SingleConnectionDataSource(URL, "postgres", "", true);
        try {
            ListingStore instance = new ListingStore(new JdbcTemplate(own));
            instance.backlog(channel); // open the connection before the race starts
            List<String> claimed = new ArrayList<>();
            start.await();
            List<ClaimedListing> round;
            while (!(round = instance.claim(channel, owner, 7, LONG_LEASE)).isEmpty()) {
                round.forEach(l -> claimed.add(l.sku()));
            }
            return claimed;
        } finally {
            own.destroy();
        }
    }

    @Test
    void leasedListingIsNotClaimedAgainUntilItsLeaseExpires() {
        desire("SKU-1", 5);
        Duration lease = Duration.ofMillis(1500);
        Instant claimedAt = Instant.now();
        claimOnly("dispatcher-a", lease);

        assertThat(store.claim(channel, "dispatcher-b", 10, lease)).as("while leased").isEmpty();

        List<ClaimedListing> retaken = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> retaken.addAll(store.claim(channel, "dispatcher-b", 10, LONG_LEASE)));
        assertThat(Duration.between(claimedAt, Instant.now())).isGreaterThanOrEqualTo(lease.minusMillis(100));
        assertThat(retaken).singleElement().satisfies(l -> {
            assertThat(l.sku()).isEqualTo("SKU-1");
            assertThat(l.quantity()).isEqualTo(5);
        });
    }

    @Test
    void changeArrivingWhileAPushIsInFlightIsNotLost() {
        desire("SKU-1", 5);
        ClaimedListing inFlight = claimOnly("dispatcher-a", LONG_LEASE);
        desire("SKU-1", 7); // the ledger keeps writing while the push of 5 is in flight

        store.recordPushed(inFlight, 5);

        assertThat(store.backlog(channel)).isEqualTo(1);
        ClaimedListing next = claimOnly("dispatcher-a", LONG_LEASE);
        assertThat(next.quantity()).isEqualTo(7);
        assertThat(next.version()).isEqualTo(2);
        assertThat(next.pushedQuantity()).as("the compare-and-set expectation is what was pushed").isEqualTo(5);

        store.recordPushed(next, 7);
        assertThat(store.backlog(channel)).isZero();
        assertThat(store.claim(channel, "dispatcher-a", 10, LONG_LEASE)).isEmpty();
    }

    @Test
    void answerArrivingAfterItsLeaseExpiredNeitherRecordsNorReleasesTheNewClaim() {
        desire("SKU-1", 5);
        ClaimedListing expired = claimOnly("dispatcher-a", Duration.ofMillis(300));
        desire("SKU-1", 7);
        List<ClaimedListing> retaken = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> retaken.addAll(store.claim(channel, "dispatcher-b", 10, LONG_LEASE)));

        // dispatcher A's push of version 1 reports only now, while B holds version 2
        assertThat(store.recordPushed(expired, 5)).isFalse();
        assertThat(store.recordRetry(expired, "HTTP_503", "late", Instant.now())).isFalse();

        assertThat(store.claim(channel, "dispatcher-c", 10, LONG_LEASE)).as("B's lease still holds").isEmpty();
        assertThat(jdbc.queryForMap("SELECT pushed_version, lease_owner FROM channel_listing WHERE channel = ? AND sku = ?",
                channel, "SKU-1")).containsEntry("pushed_version", 0L).containsEntry("lease_owner", "dispatcher-b");
        assertThat(store.recordPushed(retaken.get(0), 7)).isTrue();
    }

    @Test
    void aRoundIsRecordedInOneStatementAndOnlyListingsStillLeasedAreRecorded() {
        desire("SKU-1", 1);
        desire("SKU-2", 2);
        desire("SKU-3", 3);
        List<ClaimedListing> round = store.claim(channel, "round-1", 10, LONG_LEASE);
        assertThat(round).hasSize(3);
        // SKU-2's lease was lost meanwhile (expired and taken by another round)
        jdbc.update("UPDATE channel_listing SET lease_owner = 'round-2' WHERE channel = ? AND sku = 'SKU-2'", channel);

        Set<String> recorded = store.recordPushed(channel,
                round.stream().map(l -> new ListingStore.Pushed(l, l.quantity())).toList()).keySet();

        assertThat(recorded).containsExactlyInAnyOrder("SKU-1", "SKU-3");
        assertThat(jdbc.queryForList("SELECT sku FROM channel_listing WHERE channel = ? AND pushed_version = desired_version"
                + " AND lease_owner IS NULL ORDER BY sku", String.class, channel)).containsExactly("SKU-1", "SKU-3");
        assertThat(jdbc.queryForObject("SELECT lease_owner FROM channel_listing WHERE channel = ? AND sku = 'SKU-2'",
                String.class, channel)).as("the other round's lease is left alone").isEqualTo("round-2");
        assertThat(store.recordPushed(channel, List.of())).isEmpty();
    }

    @Test
    void ledgerWritesAndRecordedRoundsOnTheSameListingsNeverDeadlock() throws Exception {
        List<String> skus = IntStream.range(0, 200).mapToObj(i -> "SKU-" + i).toList();
        store.writeDesired(skus.stream().map(s -> new DesiredListing(channel, s, 1)).toList());
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // the ledger writes the SKUs in a shuffled order in each transaction, while rounds record in another
            Future<?> ledger = pool.submit(() -> {
                for (int round = 2; round < 40; round++) {
                    List<String> shuffled = new ArrayList<>(skus);
                    java.util.Collections.shuffle(shuffled, new java.util.Random(round));
                    int quantity = round;
                    tx.executeWithoutResult(status -> store.writeDesired(
                            shuffled.stream().map(s -> new DesiredListing(channel, s, quantity)).toList()));
                }
            });
            Future<?> dispatcher = pool.submit(() -> {
                for (int round = 0; round < 40; round++) {
                    List<ClaimedListing> claimed = store.claim(channel, "round-" + round, 500, LONG_LEASE);
                    List<ListingStore.Pushed> answers = new ArrayList<>(
                            claimed.stream().map(l -> new ListingStore.Pushed(l, l.quantity())).toList());
                    java.util.Collections.shuffle(answers, new java.util.Random(round));
                    store.recordPushed(channel, answers);
                }
            });
            ledger.get(60, TimeUnit.SECONDS);
            dispatcher.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        // drain what the last ledger write left, then every listing shows the last quantity
        for (List<ClaimedListing> c; !(c = store.claim(channel, "drain", 500, LONG_LEASE)).isEmpty(); ) {
            store.recordPushed(channel, c.stream().map(l -> new ListingStore.Pushed(l, l.quantity())).toList());
        }
        assertThat(jdbc.queryForList("SELECT DISTINCT pushed_quantity FROM channel_listing WHERE channel = ?",
                Integer.class, channel)).containsExactly(39);
    }

    @Test
    void lateSuccessOfAnOlderVersionDoesNotOverwriteANewerPush() {
        desire("SKU-1", 5);
        ClaimedListing older = claimOnly("dispatcher-a", Duration.ofMillis(300));
        desire("SKU-1", 7);
        List<ClaimedListing> retaken = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> retaken.addAll(store.claim(channel, "dispatcher-b", 10, LONG_LEASE)));
        ClaimedListing newer = retaken.get(0);
        assertThat(newer.version()).isEqualTo(2);
        store.recordPushed(newer, 7);

        // dispatcher A's push of version 1 outlived its lease and reports success only now

        store.recordPushed(older, 5);

        assertThat(jdbc.queryForMap("SELECT pushed_version, pushed_quantity FROM channel_listing WHERE channel = ? AND sku = ?",
                channel, "SKU-1")).containsEntry("pushed_version", 2L).containsEntry("pushed_quantity", 7);
        assertThat(store.backlog(channel)).isZero();
    }

    @Test
    void retriedListingIsNotClaimableBeforeItsNextAttempt() {
        desire("SKU-1", 5);
        ClaimedListing first = claimOnly("dispatcher-a", LONG_LEASE);
        Instant notBefore = Instant.now().plusMillis(1500);

        store.recordRetry(first, "THROTTLED", "throttled", notBefore);

        assertThat(store.claim(channel, "dispatcher-a", 10, LONG_LEASE)).as("before next_attempt_at").isEmpty();
        assertThat(store.backlog(channel)).as("still pending").isEqualTo(1);
        List<ClaimedListing> again = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> again.addAll(store.claim(channel, "dispatcher-a", 10, LONG_LEASE)));
        assertThat(Instant.now()).isAfterOrEqualTo(notBefore.minusMillis(100));
        assertThat(again).singleElement().satisfies(l -> {
            assertThat(l.attempts()).isEqualTo(1);
            assertThat(l.quantity()).isEqualTo(5);
        });
        assertThat(jdbc.queryForObject("SELECT last_error_code FROM channel_listing WHERE channel = ? AND sku = ?",
                String.class, channel, "SKU-1")).isEqualTo("THROTTLED");
    }

    @Test
    void rejectedListingIsNotRetriedUntilItsQuantityChanges() {
        desire("SKU-1", 5);
        store.recordRejected(claimOnly("dispatcher-a", LONG_LEASE), "INVALID_INVENTORY_ITEM", "no such item");

        assertThat(store.backlog(channel)).isZero();
        assertThat(store.claim(channel, "dispatcher-a", 10, LONG_LEASE)).isEmpty();
        desire("SKU-1", 5);
        assertThat(store.claim(channel, "dispatcher-a", 10, LONG_LEASE)).as("same value again: still rejected").isEmpty();

        desire("SKU-1", 6);
        assertThat(claimOnly("dispatcher-a", LONG_LEASE).quantity()).isEqualTo(6);
    }

    @Test
    void rejectedListingIsPushedAgainWhenARepushIsRequested() {
        desire("SKU-1", 5);
        store.recordRejected(claimOnly("dispatcher-a", LONG_LEASE), "INVALID_INVENTORY_ITEM", "no such item");
        assertThat(store.claim(channel, "dispatcher-a", 10, LONG_LEASE)).isEmpty();

        assertThat(store.requestRepush(channel, "SKU-1")).isTrue();

        ClaimedListing again = claimOnly("dispatcher-a", LONG_LEASE);
        assertThat(again.quantity()).isEqualTo(5);
        assertThat(again.attempts()).isZero();
        assertThat(store.requestRepush(channel, "NEVER-LISTED")).isFalse();
    }

    @Test
    void writeDesiredNotifiesListenersOnCommitOnly() throws SQLException {
        try (Connection listener = DriverManager.getConnection(URL, "postgres", "")) {
            try (Statement st = listener.createStatement()) {
                st.execute("LISTEN " + ListingStore.NOTIFY_CHANNEL);
            }
            PGConnection pg = listener.unwrap(PGConnection.class);
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

            tx.executeWithoutResult(status -> {
                assertThat(desire("SKU-1", 5)).containsExactly(channel);
                assertThat(channelsNotified(pg, 500)).as("before commit").isEmpty();
            });
            assertThat(channelsNotified(pg, 5000)).as("after commit").containsExactly(channel);

            tx.executeWithoutResult(status -> {
                desire("SKU-1", 9);
                status.setRollbackOnly();
            });
            assertThat(channelsNotified(pg, 500)).as("rolled back").isEmpty();

            desire("SKU-1", 6); // outside a transaction: commits at once
            assertThat(channelsNotified(pg, 5000)).containsExactly(channel);
            desire("SKU-1", 6);
            assertThat(channelsNotified(pg, 500)).as("unchanged quantity wakes nobody").isEmpty();
        }
    }

    /**
     * Waits up to {@code timeoutMs} for notifications about this test's channel, returning as soon as one arrives
     * (the driver blocks on the socket). Other builds may share the database: their channels are ignored.
     */
    private List<String> channelsNotified(PGConnection pg, long timeoutMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        List<String> ours = new ArrayList<>();
        try {
            long left;
            while (ours.isEmpty() && (left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) > 0) {
                PGNotification[] notifications = pg.getNotifications((int) left);
                if (notifications != null) {
                    Arrays.stream(notifications).filter(n -> ListingStore.NOTIFY_CHANNEL.equals(n.getName()))
                            .map(PGNotification::getParameter).filter(channel::equals).forEach(ours::add);
                }
            }
            return ours;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
