package io.inventorysync.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.inventorysync.support.AppProcess;
import io.inventorysync.support.TestStack;

/**
 * Two instances of the pack in one consumer group on one PostgreSQL schema, the source posting to both in turn;
 * one is SIGKILLed mid-stream. The survivor takes over its partitions (the group rebalances once the dead member's
 * session lapses) and its channel claims (their leases expire and are claimed again), and the end state passes
 * the same proofs as a single instance.
 */
class InstanceKilledInTwoInstanceDeploymentIT {

    @Test
    void survivorTakesOverPartitionsAndLeasesAndEndsInTheSameState() throws Exception {
        long seed = Long.getLong("resilience.seed", System.nanoTime());
        EventScript script = EventScript.generate(seed, "PAIR", 12, 60, 8);
        int killAfter = 15 + new Random(seed).nextInt(25);
        System.out.printf("RESILIENCE two-instances plan: seed=%d kill instance a after batch %d of %d%n",
                seed, killAfter, script.batches().size());

        try (ResilienceRig rig = new ResilienceRig("pair", script.skus(), script.skus(), TestStack.kafka().bootstrapServers())) {
            CompletableFuture<AppProcess> startingA = CompletableFuture.supplyAsync(() -> rig.start("a"));
            CompletableFuture<AppProcess> startingB = CompletableFuture.supplyAsync(() -> rig.start("b"));
            AppProcess a = startingA.join();
            AppProcess b = startingB.join();
            try {
                RetryingSource source = new RetryingSource();
                source.target(List.of(a.port(), b.port()));
                StreamRunner stream = StreamRunner.start(script, source);
                await().atMost(Duration.ofMinutes(5)).until(() -> stream.delivered() >= killAfter || stream.isDone());
                source.target(List.of(b.port()));
                a.kill();
                long appliedBeforeKill = count(rig, "SELECT count(*) FROM applied_event");
                long leasedByA = count(rig, "SELECT count(*) FROM channel_listing WHERE lease_owner LIKE 'a#%' AND lease_until > now()");
                long pendingAtKill = count(rig, "SELECT count(*) FROM channel_listing WHERE desired_version > pushed_version");
                stream.finish();

                ConvergenceProof proof = new ConvergenceProof(rig, script);
                ConvergenceProof.Verdict verdict = proof.awaitVerdict(TestStack.kafka().bootstrapServers());
                List<String> problems = verdict.problems();
                long appliedAfterKill = count(rig, "SELECT count(*) FROM applied_event") - appliedBeforeKill;
                long stillLeasedByA = count(rig, "SELECT count(*) FROM channel_listing WHERE lease_owner LIKE 'a#%'");
                System.out.printf("RESILIENCE two-instances: seed=%d events=%d batches=%d scriptDuplicates=%d kills=1 "
                                + "retriedPosts=%d cutConnections=%d appliedBySurvivor=%d leasesHeldByKilledAtKill=%d "
                                + "pendingListingsAtKill=%d leasesStillHeldByKilled=%d redeliveredRecordsInLog=%d outcomes=%s "
                                + "finalMismatches=%d%n",
                        seed, script.distinctEvents(), script.batches().size(), script.duplicates(), source.resentBatches(),
                        source.connectionFailures(), appliedAfterKill, leasedByA, pendingAtKill, stillLeasedByA,
                        verdict.logRedeliveries(), proof.outcomeCounts(), problems.size());
                assertThat(problems).as("seed %d:%s", seed, ConvergenceProof.describe(problems)).isEmpty();
                assertThat(appliedAfterKill).as("events the survivor applied after the kill").isPositive();
                assertThat(stillLeasedByA).as("claims of the killed instance left").isZero();
            } finally {
                a.kill();
                b.kill();
            }
        }
    }

    private static long count(ResilienceRig rig, String sql) {
        Long n = rig.jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
