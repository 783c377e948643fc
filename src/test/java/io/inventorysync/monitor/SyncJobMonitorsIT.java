package io.inventorysync.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import io.inventorysync.connector.ConnectorCatalog;
import io.inventorysync.monitor.PingServer.CronitorPing;
import io.inventorysync.monitor.PingServer.Ping;
import io.inventorysync.support.TestStack;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Monitors on real parts: PostgreSQL (the shared table), a Camel context whose Quartz routes are monitored through the
 * route policy alone, a local server receiving the pings (one feed pings healthchecks.io-style, one Cronitor-style,
 * as their connector files say), and two monitor services on the same table standing for two instances of the pack.
 */
class SyncJobMonitorsIT {

    static final String SCHEMA = TestStack.freshSchema("monitors");
    static final String URL = TestStack.postgresUrl(SCHEMA);
    static final String SUPPLIER = "monitored-feed";
    static final String MONITOR = "supplier-feed:" + SUPPLIER;
    static final String CRONITOR_SUPPLIER = "cronitor-feed";
    static final String CRONITOR_MONITOR = "supplier-feed:" + CRONITOR_SUPPLIER;

    static DriverManagerDataSource dataSource;
    static PingServer pingServer;
    static MonitorProperties properties;
    static Instance first;
    static Instance second;
    static CamelContext camel;
    /** What each monitored route does on its next firings; when empty it skips (a heartbeat). */
    static final BlockingQueue<Processor> script = new LinkedBlockingQueue<>();
    static final BlockingQueue<Processor> cronitorScript = new LinkedBlockingQueue<>();

    /** One instance of the pack, as far as monitoring goes: its own service, meters, evaluator and event list. */
    record Instance(SyncJobMonitors monitors, SimpleMeterRegistry meters, MonitorEvaluator evaluator,
            List<MonitorStateChanged> events) {

        static Instance start() {
            List<MonitorStateChanged> events = new CopyOnWriteArrayList<>();
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            SyncJobMonitors monitors = new SyncJobMonitors(new MonitorStore(new JdbcTemplate(dataSource)),
                    new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                    event -> events.add((MonitorStateChanged) event), new MonitorPinger(properties, meters, "monitors-it"), meters,
                    properties, Clock.systemUTC());
            MonitorEvaluator evaluator = new MonitorEvaluator(monitors, properties);
            evaluator.start();
            return new Instance(monitors, meters, evaluator, events);
        }

        List<MonitorStateChanged> events(String monitor) {
            return events.stream().filter(e -> e.monitor().equals(monitor)).toList();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        Flyway.configure().dataSource(URL, "postgres", "").schemas(SCHEMA).load().migrate();
        dataSource = new DriverManagerDataSource(URL, "postgres", "");
        pingServer = PingServer.start();
        properties = new MonitorProperties();
        properties.setEvaluationInterval(Duration.ofMillis(100));
        properties.setLateTolerance(Duration.ZERO);
        properties.setPingRetryDelay(Duration.ofMillis(100));
        properties.setPingTimeout(Duration.ofSeconds(2));
        first = Instance.start();
        second = Instance.start();

        Path connectors = Files.createTempDirectory("monitor-connectors");
        Files.writeString(connectors.resolve("feed.yaml"), """
                kind: source
                name: %s
                type: supplier-feed
                locations: [DS-MON]
                settings:
                  velocityClass: fast
                  monitorGrace: PT30S
                  monitorPingUrl: %s
                """.formatted(SUPPLIER, pingServer.url(SUPPLIER)));
        Files.writeString(connectors.resolve("cronitor-feed.yaml"), """
                kind: source
                name: %s
                type: supplier-feed
                locations: [DS-MON]
                settings:
                  monitorPingUrl: %s
                  monitorPingProtocol: cronitor
                """.formatted(CRONITOR_SUPPLIER, pingServer.cronitorUrl("it-api-key", CRONITOR_SUPPLIER)));
        MonitorDefinitions definitions = new MonitorDefinitions(ConnectorCatalog.load(connectors, s -> s), properties);
        camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("monitors-it-" + UUID.randomUUID().toString().substring(0, 8));
        camel.addRoutePolicyFactory(new MonitorRoutePolicyFactory(first.monitors(), definitions));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                scripted(SUPPLIER, script);
                scripted(CRONITOR_SUPPLIER, cronitorScript);
            }

            private void scripted(String supplier, BlockingQueue<Processor> steps) {
                from("quartz:monitors-it/" + supplier + "?cron=0/1+*+*+*+*+?&stateful=true")
                        .routeId("supplier-feed-ingest-" + supplier)
                        .process(exchange -> {
                            Processor next = steps.poll();
                            if (next == null) {
                                exchange.getMessage().setBody(JobOutcome.skipped("nothing to do"));
                            } else {
                                next.process(exchange);
                            }
                        });
            }
        });
        camel.start();
    }

    @AfterAll
    static void stop() {
        camel.stop();
        first.evaluator().stop();
        second.evaluator().stop();
        pingServer.close();
        new JdbcTemplate(dataSource).execute("DROP SCHEMA IF EXISTS \"" + SCHEMA + "\" CASCADE");
    }

    /** Queues what the route's next run does and waits until a ping of {@code kind} whose body matches arrives. */
    private static Ping runAndAwaitPing(Processor run, String kind, String bodyContains) {
        int before = pingServer.pings(SUPPLIER).size();
        script.add(run);
        return await().atMost(Duration.ofSeconds(20)).until(() -> pingServer.pings(SUPPLIER).stream().skip(before)
                .filter(p -> p.kind().equals(kind) && p.body().contains(bodyContains)).findFirst(), Optional::isPresent)
                .get();
    }

    /** As {@link #runAndAwaitPing} for the Cronitor-configured feed: waits for a ping of {@code state}. */
    private static CronitorPing runAndAwaitCronitorPing(Processor run, String state, String messageContains) {
        int before = pingServer.cronitorPings(CRONITOR_SUPPLIER).size();
        cronitorScript.add(run);
        return await().atMost(Duration.ofSeconds(20)).until(() -> pingServer.cronitorPings(CRONITOR_SUPPLIER).stream()
                .skip(before).filter(p -> state.equals(p.only("state")) && p.only("message") != null
                        && p.only("message").contains(messageContains)).findFirst(), Optional::isPresent).get();
    }

    private static MonitorRecord record(String id) {
        return first.monitors().record(id).orElseThrow();
    }

    @Test
    void quartzRouteIsRegisteredFromItsCronAndConnectorSettings() {
        MonitorDefinition definition = first.monitors().definition(MONITOR).orElseThrow();

        assertThat(definition.kind()).isEqualTo(MonitorKind.SCHEDULED);
        assertThat(definition.schedule()).isEqualTo("0/1 * * * * ?");
        assertThat(definition.grace()).isEqualTo(Duration.ofSeconds(30));
        assertThat(definition.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(definition.ping()).isEqualTo(new PingTarget(pingServer.url(SUPPLIER), PingProtocol.HEALTHCHECKS));
        assertThat(first.monitors().definition(CRONITOR_MONITOR).orElseThrow().ping()).isEqualTo(
                new PingTarget(pingServer.cronitorUrl("it-api-key", CRONITOR_SUPPLIER), PingProtocol.CRONITOR));
    }

    @Test
    void cronitorConfiguredFeedPingsRunThenCompleteUnderOneSeriesWithItsCountsAndDuration() {
        CronitorPing complete = runAndAwaitCronitorPing(e -> {
            TimeUnit.MILLISECONDS.sleep(300);
            e.getMessage().setBody(JobOutcome.completed(200, 3));
        }, "complete", "200 items, 3 failed");

        List<CronitorPing> sameRun = pingServer.cronitorPings(CRONITOR_SUPPLIER).stream()
                .filter(p -> complete.only("series").equals(p.only("series"))).toList();
        assertThat(sameRun).extracting(p -> p.only("state")).containsExactly("run", "complete");
        assertThat(UUID.fromString(complete.only("series"))).isNotNull();
        assertThat(complete.apiKey()).isEqualTo("it-api-key");
        assertThat(complete.method()).isEqualTo("GET");
        assertThat(complete.only("host")).isEqualTo("monitors-it");
        assertThat(complete.all("metric")).contains("count:200", "error_count:3")
                .filteredOn(m -> m.startsWith("duration:")).singleElement()
                .satisfies(m -> assertThat(Double.parseDouble(m.substring("duration:".length()))).isBetween(0.3, 10.0));
        assertThat(pingServer.pings(CRONITOR_SUPPLIER)).as("nothing in the healthchecks protocol").isEmpty();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(record(CRONITOR_MONITOR).state()).isEqualTo(MonitorState.UP));
    }

    @Test
    void cronitorConfiguredFeedPingsFailWithTheErrorTextAsMessage() {
        CronitorPing fail = runAndAwaitCronitorPing(e -> {
            throw new IllegalStateException("supplier SFTP refused the login: user \"acme\" & key #2");
        }, "fail", "supplier SFTP refused the login");

        assertThat(fail.only("message")).contains("supplier SFTP refused the login: user \"acme\" & key #2");
        assertThat(pingServer.cronitorPings(CRONITOR_SUPPLIER)).filteredOn(p -> fail.only("series").equals(p.only("series")))
                .extracting(p -> p.only("state")).containsExactly("run", "fail");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(record(CRONITOR_MONITOR).state()).isEqualTo(MonitorState.DOWN));

        runAndAwaitCronitorPing(e -> e.getMessage().setBody(JobOutcome.completed(10, 0)), "complete", "10 items, 0 failed");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(record(CRONITOR_MONITOR).state()).isEqualTo(MonitorState.UP));
    }

    @Test
    void successfulRunPingsStartThenSuccessWithTheSameRunId() {
        Ping success = runAndAwaitPing(e -> e.getMessage().setBody(JobOutcome.completed(200, 3)), "success",
                "200 items, 3 failed");

        List<Ping> pings = pingServer.pings(SUPPLIER);
        int successAt = pings.indexOf(success);
        List<Ping> sameRun = pings.stream().filter(p -> success.rid().equals(p.rid())).toList();
        assertThat(sameRun).extracting(Ping::kind).containsExactly("start", "success");
        assertThat(pings.indexOf(sameRun.get(0))).isLessThan(successAt);
        assertThat(UUID.fromString(success.rid())).isNotNull();
        assertThat(success.method()).isEqualTo("POST");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            MonitorRecord monitor = record(MONITOR);
            assertThat(monitor.state()).isEqualTo(MonitorState.UP);
            assertThat(monitor.lastSuccessAt()).isNotNull();
        });
        assertThat(first.meters().get("inventory.monitor.runs").tag("monitor", MONITOR).tag("outcome", "success")
                .counter().count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void failedRunPingsFailWithTheErrorTextAsBodyAndIsDownAtOnce() {
        Ping fail = runAndAwaitPing(e -> {
            throw new IllegalStateException("supplier SFTP refused the login");
        }, "fail", "supplier SFTP refused the login");

        assertThat(pingServer.pings(SUPPLIER)).filteredOn(p -> fail.rid().equals(p.rid()))
                .extracting(Ping::kind).containsExactly("start", "fail");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            MonitorRecord monitor = record(MONITOR);
            assertThat(monitor.state()).isEqualTo(MonitorState.DOWN);
            assertThat(monitor.lastError()).contains("supplier SFTP refused the login");
            assertThat(monitor.lastFailureAt()).isNotNull();
        });
        // a heartbeat (a skipped run) proves the schedule fires, not that the job works: still DOWN
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(record(MONITOR).state()).isEqualTo(MonitorState.DOWN));

        runAndAwaitPing(e -> e.getMessage().setBody(JobOutcome.completed(10, 0)), "success", "10 items, 0 failed");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(record(MONITOR).state()).isEqualTo(MonitorState.UP));
        assertThat(first.events(MONITOR)).extracting(MonitorStateChanged::current).containsSubsequence(
                MonitorState.DOWN, MonitorState.UP);
    }

    @Test
    void completedRunWithSixPercentErrorsIsAFailure() {
        Ping fail = runAndAwaitPing(e -> JobOutcome.report(e, JobOutcome.completed(100, 6, "rows rejected")),
                "fail", "6 of 100 items failed");

        assertThat(fail.body()).contains("6.0 %").contains("5.0 %").contains("rows rejected");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            MonitorRecord monitor = record(MONITOR);
            assertThat(monitor.state()).isEqualTo(MonitorState.DOWN);
            assertThat(monitor.lastProcessed()).isEqualTo(100);
            assertThat(monitor.lastFailed()).isEqualTo(6);
        });
        assertThat(first.meters().get("inventory.monitor.runs").tag("monitor", MONITOR).tag("outcome", "failure")
                .counter().count()).isGreaterThanOrEqualTo(1);

        // 5 % is within the threshold
        runAndAwaitPing(e -> JobOutcome.report(e, JobOutcome.completed(100, 5)), "success", "100 items, 5 failed");
    }

    @Test
    void pingThatFailsIsRetriedAndNeverDelaysTheJob() {
        pingServer.failNext.set(2);

        Ping success = runAndAwaitPing(e -> e.getMessage().setBody(JobOutcome.completed(7, 0)), "success", "7 items");

        assertThat(success.rid()).isNotNull();
        assertThat(pingServer.failNext.get()).isZero();
    }

    @Test
    void overdueMonitorGoesLateThenDownAnnouncedOnceAcrossTwoInstancesAndComesBackUpOnSuccess() {
        MonitorDefinition heartbeat = new MonitorDefinition("dispatcher:late-" + UUID.randomUUID().toString().substring(0, 6),
                MonitorKind.DISPATCHER, "late-channel", null, Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(30), null);
        first.monitors().register(heartbeat);
        second.monitors().register(heartbeat);
        MonitoredRun run = first.monitors().started(heartbeat);
        first.monitors().finished(run, JobOutcome.completed(5, 0));
        // dispatcher rounds are recorded off the dispatcher's thread
        await().atMost(Duration.ofSeconds(5)).until(() -> record(heartbeat.id()).state() == MonitorState.UP);

        // both instances evaluate every 100 ms; after 1 s the job is late, after 1 s + 2 s grace it is down
        await().atMost(Duration.ofSeconds(15)).until(() -> record(heartbeat.id()).state() == MonitorState.DOWN);
        // give both evaluators plenty of further chances to announce a change twice
        await().pollDelay(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2)).until(() -> true);

        List<MonitorStateChanged> announced = new CopyOnWriteArrayList<>(first.events(heartbeat.id()));
        announced.addAll(second.events(heartbeat.id()));
        assertThat(announced).extracting(MonitorStateChanged::current)
                .containsExactlyInAnyOrder(MonitorState.UP, MonitorState.LATE, MonitorState.DOWN);
        assertThat(announced).filteredOn(e -> e.current() == MonitorState.LATE).singleElement()
                .satisfies(e -> {
                    assertThat(e.previous()).isEqualTo(MonitorState.UP);
                    assertThat(e.channel()).isEqualTo("late-channel");
                    assertThat(e.reason()).contains("no successful run since");
                });
        assertThat(announced).filteredOn(e -> e.current() == MonitorState.DOWN).singleElement()
                .satisfies(e -> assertThat(e.previous()).isEqualTo(MonitorState.LATE));
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(second.meters().get("inventory.monitor.state").tag("monitor", heartbeat.id()).tag("state", "down")
                    .gauge().value()).isEqualTo(1.0);
            assertThat(second.meters().get("inventory.monitor.state").tag("monitor", heartbeat.id()).tag("state", "up")
                    .gauge().value()).isZero();
        });

        second.monitors().finished(second.monitors().started(heartbeat), JobOutcome.completed(3, 0));

        await().atMost(Duration.ofSeconds(5)).until(() -> record(heartbeat.id()).state() == MonitorState.UP);
        await().atMost(Duration.ofSeconds(5)).until(() -> !second.events(heartbeat.id()).isEmpty());
        assertThat(second.events(heartbeat.id())).last().satisfies(e -> {
            assertThat(e.previous()).isEqualTo(MonitorState.DOWN);
            assertThat(e.current()).isEqualTo(MonitorState.UP);
        });
    }

    @Test
    void runningJobIsNotLateUntilItsTimeoutPasses() {
        MonitorDefinition slowJob = new MonitorDefinition("reconciliation:slow-" + UUID.randomUUID().toString().substring(0, 6),
                MonitorKind.SCHEDULED, "slow", null, Duration.ofMillis(500), Duration.ofSeconds(60),
                Duration.ofSeconds(3), null);
        first.monitors().register(slowJob);
        first.monitors().finished(first.monitors().started(slowJob), JobOutcome.completed(1, 0));
        first.monitors().started(slowJob);

        // its period (0.5 s) passes while the run is going: not late until start + timeout (3 s)
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(record(slowJob.id()).state()).isEqualTo(MonitorState.UP));
        await().atMost(Duration.ofSeconds(10)).until(() -> record(slowJob.id()).state() == MonitorState.LATE);
        assertThat(record(slowJob.id()).stateReason()).contains("has not finished");
    }

    @Test
    void durationFarAboveTheRecentMedianOrNearTheTimeoutIsFlagged() {
        MonitorDefinition job = new MonitorDefinition("reconciliation:timed-" + UUID.randomUUID().toString().substring(0, 6),
                MonitorKind.SCHEDULED, "timed", "0 0 0/4 * * ?", null, Duration.ofHours(1), Duration.ofSeconds(10), null);
        SyncJobMonitors monitors = first.monitors();
        monitors.register(job);
        for (int i = 0; i < 6; i++) {
            monitors.finished(runThatTook(job, Duration.ofMillis(1000 + i * 10)), JobOutcome.completed(100, 0));
        }
        assertThat(record(job.id()).anomalies()).isEmpty();

        monitors.finished(runThatTook(job, Duration.ofMillis(9000)), JobOutcome.completed(100, 0));

        MonitorRecord flagged = record(job.id());
        assertThat(flagged.anomalies()).containsExactly("increase", "near-timeout");
        assertThat(flagged.anomalyDetail()).contains("median").contains("timeout");
        assertThat(flagged.recentDurationsMs()).hasSize(7).last().satisfies(d -> assertThat(d).isGreaterThanOrEqualTo(9000));
        assertThat(first.meters().get("inventory.monitor.duration.anomalies").tag("monitor", job.id())
                .tag("kind", "increase").counter().count()).isEqualTo(1);
        assertThat(first.meters().get("inventory.monitor.run.duration").tag("monitor", job.id()).timer().count())
                .isEqualTo(7);

        monitors.finished(runThatTook(job, Duration.ofMillis(100)), JobOutcome.completed(100, 0));
        assertThat(record(job.id()).anomalies()).containsExactly("decrease");

        // a run that did nothing is not compared (an idle poll is always fast)
        monitors.finished(runThatTook(job, Duration.ofMillis(5)), JobOutcome.completed(0, 0));
        assertThat(record(job.id()).anomalies()).containsExactly("decrease");
        assertThat(record(job.id()).recentDurationsMs()).hasSize(8);
    }

    @Test
    void dispatcherRoundIsFlaggedOnlyNearItsLeaseNotForBeingShorterOrLongerThanUsual() {
        MonitorDefinition dispatcher = new MonitorDefinition("dispatcher:rounds-" + UUID.randomUUID().toString().substring(0, 6),
                MonitorKind.DISPATCHER, "rounds", null, Duration.ofSeconds(10), Duration.ofMinutes(5),
                Duration.ofSeconds(10), null);
        SyncJobMonitors monitors = first.monitors();
        monitors.register(dispatcher);
        for (int i = 0; i < 6; i++) {
            monitors.finished(runThatTook(dispatcher, Duration.ofMillis(1000)), JobOutcome.completed(100, 0));
        }
        // a round of one listing after rounds of a hundred: fast, and nothing wrong with that
        monitors.finished(runThatTook(dispatcher, Duration.ofMillis(10)), JobOutcome.completed(1, 0));
        await().atMost(Duration.ofSeconds(5)).until(() -> record(dispatcher.id()).recentDurationsMs().size() == 7);
        assertThat(record(dispatcher.id()).anomalies()).isEmpty();

        monitors.finished(runThatTook(dispatcher, Duration.ofMillis(9000)), JobOutcome.completed(1000, 0));
        await().atMost(Duration.ofSeconds(5)).until(() -> record(dispatcher.id()).recentDurationsMs().size() == 8);
        assertThat(record(dispatcher.id()).anomalies()).containsExactly("near-timeout");
    }

    @Test
    void durationHistoryKeepsTheLastFiftyRuns() {
        MonitorDefinition job = new MonitorDefinition("reconciliation:history-" + UUID.randomUUID().toString().substring(0, 6),
                MonitorKind.SCHEDULED, "history", "0 0 0/4 * * ?", null, Duration.ofHours(1), Duration.ofHours(1), null);
        first.monitors().register(job);
        for (int i = 1; i <= 55; i++) {
            first.monitors().finished(runThatTook(job, Duration.ofMillis(1000 + i)), JobOutcome.completed(1, 0));
        }

        List<Long> durations = record(job.id()).recentDurationsMs();
        assertThat(durations).hasSize(50);
        assertThat(durations.get(0)).isBetween(1006L, 1100L);
    }

    /** A run that started {@code took} ago (the service measures the run from its start). */
    private static MonitoredRun runThatTook(MonitorDefinition job, Duration took) {
        return new MonitoredRun(job, UUID.randomUUID(), Instant.now().minus(took), System.nanoTime() - took.toNanos());
    }

    @SuppressWarnings("unused")
    private static void sleep(long ms) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(ms);
    }
}
