package io.inventorysync.bench;

/** Baseline child JVM of benchmark 5: a JVM with the same class path that does nothing but say READY. */
public final class IdleMain {

    private IdleMain() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("READY");
        System.out.flush();
        Thread.currentThread().join();
    }
}
