package io.inventorysync.bench;

import java.nio.file.Path;

import io.inventorysync.embedded.EmbeddedInfrastructure;

/**
 * Baseline child JVM of benchmark 5: the embedded default's infrastructure alone (KRaft broker in this JVM,
 * PostgreSQL in child processes) in a fresh data directory, no Spring, no Camel. Prints READY once both are up.
 */
public final class InfrastructureOnlyMain {

    private InfrastructureOnlyMain() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedInfrastructure infra = EmbeddedInfrastructure.start(Path.of(args[0]), 0, 0);
        Runtime.getRuntime().addShutdownHook(new Thread(infra::close));
        System.out.println("READY");
        System.out.flush();
        Thread.currentThread().join();
    }
}
