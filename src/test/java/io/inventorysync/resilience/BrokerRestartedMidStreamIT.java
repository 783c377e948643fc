package io.inventorysync.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.inventorysync.embedded.EmbeddedKafkaBroker;
import io.inventorysync.support.AppProcess;

/**
 * Stops the Kafka broker while events flow and starts it again on the same port and log directory (a broker
 * restart, as in a rolling upgrade of a one-node cluster). While it is down the webhook answers 503 and the source
 * re-sends; the ledger's consumer reconnects and carries on from its committed offsets. The pack runs as a child
 * JVM on a broker of the test's own, so nothing else sees the outage. {@code -Dresilience.broker-restarts=N}.
 */
class BrokerRestartedMidStreamIT {

    @Test
    void brokerRestartMidStreamLosesNothingAndTheWebhookAsksSourcesToRetry() throws Exception {
        long seed = Long.getLong("resilience.seed", System.nanoTime());
        int restarts = Integer.getInteger("resilience.broker-restarts", 2);
        EventScript script = EventScript.generate(seed, "BRK", 12, Math.max(50, restarts * 20), 8);
        TreeSet<Integer> restartAfter = script.randomBatchNumbers(new Random(seed), restarts, 5);
        System.out.printf("RESILIENCE broker-restart plan: seed=%d restarts=%d after batches %s of %d%n",
                seed, restarts, restartAfter, script.batches().size());

        Path logDir = Files.createTempDirectory("resilience-broker");
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(logDir, 0);
        int port = broker.port();
        try (ResilienceRig rig = new ResilienceRig("broker", script.skus(), script.skus(), broker.bootstrapServers())) {
            // producer timeouts short enough that an outage turns into 503s within the test, not after 30 s
            rig.with("camel.component.kafka.request-timeout-ms", "2000")
                    .with("camel.component.kafka.delivery-timeout-ms", "4000")
                    .with("camel.component.kafka.max-block-ms", "4000");
            AppProcess app = rig.start("a");
            RetryingSource source = new RetryingSource();
            int restarted = 0;
            long outageMillis = 0;
            try {
                source.target(List.of(app.port()));
                StreamRunner stream = StreamRunner.start(script, source);
                for (int batch : restartAfter) {
                    await().atMost(Duration.ofMinutes(5)).until(() -> stream.delivered() >= batch || stream.isDone());
                    int unavailableBefore = source.unavailable();
                    long stoppedAt = System.nanoTime();
                    broker.close();
                    // the outage lasts until the source has been told to come back later at least once
                    await().atMost(Duration.ofMinutes(2)).until(() -> source.unavailable() > unavailableBefore);
                    broker = EmbeddedKafkaBroker.start(logDir, port);
                    outageMillis += (System.nanoTime() - stoppedAt) / 1_000_000;
                    restarted++;
                }
                stream.finish();

                ConvergenceProof proof = new ConvergenceProof(rig, script);
                ConvergenceProof.Verdict verdict = proof.awaitVerdict(broker.bootstrapServers());
                List<String> problems = verdict.problems();
                System.out.printf("RESILIENCE broker-restart: seed=%d events=%d batches=%d scriptDuplicates=%d "
                                + "brokerRestarts=%d outageMs=%d webhook503=%d retriedPosts=%d redeliveredRecordsInLog=%d "
                                + "outcomes=%s finalMismatches=%d%n",
                        seed, script.distinctEvents(), script.batches().size(), script.duplicates(), restarted,
                        outageMillis, source.unavailable(), source.resentBatches(), verdict.logRedeliveries(), proof.outcomeCounts(),
                        problems.size());
                assertThat(problems).as("seed %d:%s", seed, ConvergenceProof.describe(problems)).isEmpty();
                assertThat(restarted).isEqualTo(restarts);
                assertThat(source.unavailable()).as("503 answers while the broker was down").isGreaterThanOrEqualTo(restarts);
            } finally {
                app.kill();
            }
        } finally {
            broker.close();
        }
    }
}
