package io.inventorysync.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A child JVM started by benchmark 5 with this program's class path, its output copied to a log file, and its
 * memory read from /proc: RSS of the JVM, and RSS and PSS (shared pages split among sharers, so PostgreSQL's
 * shared buffers count once) summed over the JVM and every process it started.
 */
final class ChildJvm implements AutoCloseable {

    final Process process;
    final long startedNanos;
    final Path log;
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile long readyNanos;
    /** Part of the command line of processes the child started that are not its descendants (PostgreSQL's). */
    private volatile String marker;

    private ChildJvm(Process process, long startedNanos, Path log, String readyLine) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.log = log;
        Thread pump = new Thread(() -> pump(readyLine), "child-jvm-output-" + process.pid());
        pump.setDaemon(true);
        pump.start();
    }

    static ChildJvm start(String mainClass, List<String> args, String readyLine) throws IOException {
        return start(mainClass, args, readyLine, false);
    }

    /** @param appOnly leave the benchmark's own classes (and test resources such as logback-test.xml) out */
    static ChildJvm start(String mainClass, List<String> args, String readyLine, boolean appOnly) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String jvmArgs = System.getProperty("bench.jvmArgs", "");
        if (!jvmArgs.isBlank()) {
            command.addAll(List.of(jvmArgs.trim().split("\\s+")));
        }
        command.add("-cp");
        String classPath = classPath();
        if (appOnly) {
            classPath = Stream.of(classPath.split(java.io.File.pathSeparator))
                    .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
                    .collect(Collectors.joining(java.io.File.pathSeparator));
        }
        command.add(classPath);
        command.add(mainClass);
        command.addAll(args);
        Path log = Files.createTempFile("bench-child-" + mainClass.substring(mainClass.lastIndexOf('.') + 1), ".log");
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new ChildJvm(process, started, log, readyLine);
    }

    /** The project's class path: exec:java runs us in a class loader that holds it, not in java.class.path. */
    static String classPath() {
        String override = System.getProperty("bench.classpath");
        if (override != null && !override.isBlank()) {
            return override;
        }
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader urls) {
            return Stream.of(urls.getURLs()).map(ChildJvm::toPath).collect(Collectors.joining(java.io.File.pathSeparator));
        }
        return System.getProperty("java.class.path");
    }

    private static String toPath(URL url) {
        try {
            return Path.of(url.toURI()).toString();
        } catch (Exception e) {
            throw new IllegalStateException(url.toString(), e);
        }
    }

    private void pump(String readyLine) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                if (readyLine != null && line.trim().equals(readyLine) && readyNanos == 0) {
                    readyNanos = System.nanoTime();
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            // the child ended
        }
    }

    /** Seconds from spawning the JVM to its ready line. */
    double awaitReadyLine(int maxSeconds) throws InterruptedException {
        if (!ready.await(maxSeconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("child did not get ready in " + maxSeconds + " s; log: " + log);
        }
        return (readyNanos - startedNanos) / 1e9;
    }

    /**
     * Embedded PostgreSQL's postmaster daemonizes (pg_ctl), so it is no descendant of the JVM: it and its backends
     * are found by their data directory, which is unique to this child.
     */
    ChildJvm countingProcessesWith(String commandLinePart) {
        this.marker = commandLinePart;
        return this;
    }

    Memory memory() {
        long jvmRss = kb(process.pid(), "/status", "VmRSS:");
        long treeRss = 0;
        long treePss = 0;
        java.util.Set<Long> pids = related();
        for (long pid : pids) {
            treeRss += kb(pid, "/status", "VmRSS:");
            treePss += kb(pid, "/smaps_rollup", "Pss:");
        }
        return new Memory(jvmRss / 1024.0, treeRss / 1024.0, treePss / 1024.0, pids.size());
    }

    /** The JVM, its descendants, and the processes carrying the marker with their descendants. */
    java.util.Set<Long> related() {
        java.util.Set<Long> pids = new java.util.LinkedHashSet<>();
        pids.add(process.pid());
        process.descendants().forEach(h -> pids.add(h.pid()));
        String m = marker;
        if (m != null) {
            ProcessHandle.allProcesses().filter(h -> commandLine(h.pid()).contains(m)).forEach(h -> {
                pids.add(h.pid());
                h.descendants().forEach(d -> pids.add(d.pid()));
            });
        }
        return pids;
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8);
        } catch (Exception e) {
            return "";
        }
    }

    private static long kb(long pid, String file, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + file))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
        } catch (Exception e) {
            // the process ended, or the file is not readable
        }
        return 0;
    }

    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = related().stream().filter(pid -> pid != process.pid())
                .map(ProcessHandle::of).flatMap(java.util.Optional::stream).toList();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                child.destroy();
            }
        }
    }

    /** Megabytes. */
    record Memory(double jvmRss, double treeRss, double treePss, int processes) {
        Memory max(Memory other) {
            return new Memory(Math.max(jvmRss, other.jvmRss), Math.max(treeRss, other.treeRss),
                    Math.max(treePss, other.treePss), Math.max(processes, other.processes));
        }

        @Override
        public String toString() {
            return "JVM RSS %,6.0f MB | JVM + children RSS %,6.0f MB, PSS %,6.0f MB (%d processes)".formatted(
                    jvmRss, treeRss, treePss, processes);
        }
    }
}
