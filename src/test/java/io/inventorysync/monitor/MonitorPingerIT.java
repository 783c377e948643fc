package io.inventorysync.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.inventorysync.monitor.MonitorPing.Event;
import io.inventorysync.monitor.PingServer.CronitorPing;
import io.inventorysync.monitor.PingServer.Ping;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The pinger against a local server standing in for Cronitor and healthchecks.io: the requests each protocol makes
 * of a run's start, success and failure, as they arrive.
 */
class MonitorPingerIT {

    static PingServer server;
    MonitorPinger pinger;

    @BeforeAll
    static void startServer() {
        server = PingServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void closePinger() {
        if (pinger != null) {
            pinger.close();
        }
    }

    private MonitorPinger pinger(String environment) {
        MonitorProperties properties = new MonitorProperties();
        properties.setPingEnvironment(environment);
        properties.setPingRetryDelay(Duration.ofMillis(50));
        pinger = new MonitorPinger(properties, new SimpleMeterRegistry(), "node-7");
        return pinger;
    }

    private static MonitorDefinition monitor(String key, URI url, PingProtocol protocol) {
        return new MonitorDefinition("supplier-feed:" + key, MonitorKind.SCHEDULED, null, "0 0 * * * ?", null,
                Duration.ofHours(1), Duration.ofHours(1), new PingTarget(url, protocol));
    }

    private static String key() {
        return "feed-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static List<CronitorPing> awaitCronitor(String key, int count) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> server.cronitorPings(key), p -> p.size() >= count);
    }

    @Test
    void cronitorRunAndCompleteCarryTheRunIdAsSeriesAndTheCompleteCarriesMessageDurationAndCounts() {
        String key = key();
        MonitorDefinition monitor = monitor(key, server.cronitorUrl("api-key-1", key), PingProtocol.CRONITOR);
        UUID run = UUID.randomUUID();

        MonitorPinger pinger = pinger("staging");
        pinger.ping(monitor, MonitorPing.start(run));
        pinger.ping(monitor, new MonitorPing(Event.SUCCESS, run, "200 items, 3 failed", Duration.ofMillis(12_345), 200, 3));

        List<CronitorPing> pings = awaitCronitor(key, 2);
        CronitorPing start = pings.get(0);
        CronitorPing complete = pings.get(1);
        assertThat(start.apiKey()).isEqualTo("api-key-1");
        assertThat(start.method()).isEqualTo("GET");
        assertThat(start.only("state")).isEqualTo("run");
        assertThat(start.only("series")).isEqualTo(run.toString());
        assertThat(start.all("message")).isEmpty();
        assertThat(start.all("metric")).isEmpty();
        assertThat(start.only("host")).isEqualTo("node-7");
        assertThat(start.only("env")).isEqualTo("staging");

        assertThat(complete.method()).isEqualTo("GET");
        assertThat(complete.only("state")).isEqualTo("complete");
        assertThat(complete.only("series")).isEqualTo(run.toString());
        assertThat(complete.only("message")).isEqualTo("200 items, 3 failed");
        assertThat(complete.all("metric")).containsExactly("duration:12.345", "count:200", "error_count:3");
        assertThat(complete.only("host")).isEqualTo("node-7");
        assertThat(complete.only("env")).isEqualTo("staging");
    }

    @Test
    void cronitorFailCarriesTheErrorTextAsMessageAndNoCountsWhenTheJobReportedNone() {
        String key = key();
        MonitorDefinition monitor = monitor(key, server.cronitorUrl("api-key-1", key), PingProtocol.CRONITOR);
        UUID run = UUID.randomUUID();

        MonitorPinger pinger = pinger(null);
        pinger.ping(monitor, MonitorPing.start(run));
        pinger.ping(monitor, new MonitorPing(Event.FAIL, run, "supplier SFTP refused the login", Duration.ofSeconds(2), -1, 0));

        CronitorPing fail = awaitCronitor(key, 2).get(1);
        assertThat(fail.only("state")).isEqualTo("fail");
        assertThat(fail.only("series")).isEqualTo(run.toString());
        assertThat(fail.only("message")).isEqualTo("supplier SFTP refused the login");
        assertThat(fail.all("metric")).containsExactly("duration:2");
        assertThat(fail.all("env")).as("no environment configured").isEmpty();
    }

    @Test
    void cronitorMessageOverTwoThousandCharactersIsCutToTwoThousandWithoutSplittingACharacter() {
        String key = key();
        MonitorDefinition monitor = monitor(key, server.cronitorUrl("api-key-1", key), PingProtocol.CRONITOR);
        // 1998 characters, then a character outside the BMP (two Java chars) right where the cut falls
        String error = "x".repeat(1998) + "😀" + "tail of a long stack trace".repeat(100);

        pinger(null).ping(monitor, new MonitorPing(Event.FAIL, UUID.randomUUID(), error, Duration.ofSeconds(1), -1, 0));

        String message = awaitCronitor(key, 1).get(0).only("message");
        assertThat(message.codePointCount(0, message.length())).isEqualTo(CronitorPings.MAX_MESSAGE_CHARS);
        assertThat(message).startsWith("x".repeat(1998) + "😀").endsWith("…");
    }

    @Test
    void cronitorMessageWithCharactersThatMeanSomethingInAUrlArrivesIntact() {
        String key = key();
        MonitorDefinition monitor = monitor(key, server.cronitorUrl("api-key-1", key), PingProtocol.CRONITOR);
        String error = "HTTP 400 for ?sku=A&B+C / 100% #1: \"Größe\" ✓\nsecond line&state=complete";

        pinger(null).ping(monitor, new MonitorPing(Event.FAIL, UUID.randomUUID(), error, null, -1, 0));

        CronitorPing fail = awaitCronitor(key, 1).get(0);
        assertThat(fail.only("message")).isEqualTo(error);
        assertThat(fail.only("state")).as("the message cannot add parameters").isEqualTo("fail");
        assertThat(fail.rawQuery()).doesNotContain("+").doesNotContain(" ").contains("%20").contains("%26").contains("%2B");
    }

    @Test
    void cronitorUrlKeepsItsOwnQueryAndATrailingSlashDoesNotBecomePartOfTheMonitorKey() {
        String key = key();
        URI url = URI.create(server.cronitorUrl("api-key-1", key) + "/?env=production");
        MonitorDefinition monitor = monitor(key, url, PingProtocol.CRONITOR);

        pinger(null).ping(monitor, MonitorPing.start(UUID.randomUUID()));

        CronitorPing start = awaitCronitor(key, 1).get(0);
        assertThat(start.monitor()).isEqualTo(key);
        assertThat(start.only("env")).isEqualTo("production");
        assertThat(start.only("state")).isEqualTo("run");
    }

    @Test
    void healthchecksPingsArePostsToStartSuccessAndFailWithTheRunIdAndTheMessageAsBody() {
        String check = key();
        MonitorDefinition monitor = monitor(check, server.url(check), PingProtocol.HEALTHCHECKS);
        UUID ok = UUID.randomUUID();
        UUID broken = UUID.randomUUID();

        MonitorPinger pinger = pinger("staging");
        pinger.ping(monitor, MonitorPing.start(ok));
        pinger.ping(monitor, new MonitorPing(Event.SUCCESS, ok, "200 items, 3 failed", Duration.ofSeconds(3), 200, 3));
        pinger.ping(monitor, MonitorPing.start(broken));
        pinger.ping(monitor, new MonitorPing(Event.FAIL, broken, "refused & gone", Duration.ofSeconds(1), -1, 0));

        List<Ping> pings = await().atMost(Duration.ofSeconds(10)).until(() -> server.pings(check), p -> p.size() >= 4);
        assertThat(pings).extracting(Ping::kind).containsExactly("start", "success", "start", "fail");
        assertThat(pings).extracting(Ping::rid).containsExactly(ok.toString(), ok.toString(), broken.toString(),
                broken.toString());
        assertThat(pings).extracting(Ping::method).containsOnly("POST");
        assertThat(pings).extracting(Ping::body).containsExactly("", "200 items, 3 failed", "", "refused & gone");
    }

    @Test
    void healthchecksBodyIsCutToTenThousandBytes() {
        String check = key();
        MonitorDefinition monitor = monitor(check, server.url(check), PingProtocol.HEALTHCHECKS);

        pinger(null).ping(monitor, new MonitorPing(Event.FAIL, UUID.randomUUID(), "e".repeat(12_000), null, -1, 0));

        Ping fail = await().atMost(Duration.ofSeconds(10)).until(() -> server.pings(check), p -> !p.isEmpty()).get(0);
        assertThat(fail.body().getBytes(StandardCharsets.UTF_8)).hasSize(HealthchecksPings.MAX_BODY_BYTES);
    }
}
