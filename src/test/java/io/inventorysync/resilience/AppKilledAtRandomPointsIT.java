package io.inventorysync.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.inventorysync.support.AppProcess;
import io.inventorysync.support.TestStack;

/**
 * SIGKILLs the pack at seeded random points while a source streams events into it (with redelivered copies, and
 * re-sending whatever a kill cut off), starts it again each time, and then proves that nothing was lost, nothing
 * applied twice, the ledger equals the test's own computation from the events, and Shopify and Amazon show exactly
 * what the ledger says. {@code -Dresilience.kills=20} for a longer run; {@code -Dresilience.seed=N} replays one.
 */
class AppKilledAtRandomPointsIT {

    @Test
    void killedAtRandomPointsTheAppLosesNothingAndAppliesNothingTwice() throws Exception {
        long seed = Long.getLong("resilience.seed", System.nanoTime());
        int kills = Integer.getInteger("resilience.kills", 5);
        EventScript script = EventScript.generate(seed, "KILL", 12, Math.max(60, kills * 12), 8);
        Random random = new Random(seed);
        TreeSet<Integer> killAfter = script.randomBatchNumbers(random, kills, 2);
        List<Long> killDelays = new ArrayList<>();
        killAfter.forEach(k -> killDelays.add((long) random.nextInt(400)));
        System.out.printf("RESILIENCE kill-9 plan: seed=%d kills=%d after batches %s (+ms %s) of %d%n",
                seed, kills, killAfter, killDelays, script.batches().size());

        try (ResilienceRig rig = new ResilienceRig("kill", script.skus(), script.skus(), TestStack.kafka().bootstrapServers())) {
            RetryingSource source = new RetryingSource();
            AppProcess app = rig.start("a");
            int restarts = 0;
            try {
                source.target(List.of(app.port()));
                StreamRunner stream = StreamRunner.start(script, source);
                int i = 0;
                for (int batch : killAfter) {
                    await().atMost(Duration.ofMinutes(5)).until(() -> stream.delivered() >= batch || stream.isDone());
                    Thread.sleep(killDelays.get(i++)); // a seeded moment, not a wait for a condition
                    source.target(List.of());
                    app.kill();
                    app = rig.start("a");
                    restarts++;
                    source.target(List.of(app.port()));
                }
                stream.finish();

                ConvergenceProof proof = new ConvergenceProof(rig, script);
                ConvergenceProof.Verdict verdict = proof.awaitVerdict(TestStack.kafka().bootstrapServers());
                List<String> problems = verdict.problems();
                System.out.printf("RESILIENCE kill-9: seed=%d events=%d batches=%d scriptDuplicates=%d kills=%d restarts=%d "
                                + "retriedPosts=%d cutConnections=%d redeliveredRecordsInLog=%d outcomes=%s finalMismatches=%d%n",
                        seed, script.distinctEvents(), script.batches().size(), script.duplicates(), kills, restarts,
                        source.resentBatches(), source.connectionFailures(), verdict.logRedeliveries(), proof.outcomeCounts(),
                        problems.size());
                assertThat(problems).as("seed %d:%s", seed, ConvergenceProof.describe(problems)).isEmpty();
                assertThat(restarts).isEqualTo(kills);
            } finally {
                app.kill();
            }
        }
    }
}
