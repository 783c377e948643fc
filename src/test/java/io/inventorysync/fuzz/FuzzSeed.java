package io.inventorysync.fuzz;

import java.security.SecureRandom;
import java.util.Random;

/**
 * The seed of one fuzz run: {@code -Dfuzz.seed=<long>} replays a run exactly (same inputs, same order). Without it the
 * run uses a fixed seed, so the build is reproducible (a red build always means a change broke something);
 * {@code -Dfuzz.seed=random} draws a new one to explore new inputs, and the seed is printed so a finding can be
 * replayed and then pinned as a regression.
 */
final class FuzzSeed {

    static final String PROPERTY = "fuzz.seed";
    static final long DEFAULT_SEED = 20261123L;
    private static final long SEED = initial();

    private FuzzSeed() {
    }

    static long value() {
        return SEED;
    }

    /** A generator for one test, derived from the run's seed and the test's name (independent of test order). */
    static Random random(String test) {
        return new Random(SEED * 31 + test.hashCode());
    }

    private static long initial() {
        String given = System.getProperty(PROPERTY);
        long seed = given == null || given.isBlank() ? DEFAULT_SEED
                : "random".equalsIgnoreCase(given.strip()) ? new SecureRandom().nextLong() : Long.parseLong(given.strip());
        System.out.println("fuzz seed=" + seed + " (replay with -D" + PROPERTY + "=" + seed + ")");
        return seed;
    }
}
