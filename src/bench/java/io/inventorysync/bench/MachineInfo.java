package io.inventorysync.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/** One line that says what the figures were measured on. */
final class MachineInfo {

    private MachineInfo() {
    }

    static void print() {
        System.out.printf("machine: %d cpus, %s RAM, Java %s (%s), max heap %,d MB, %s%n",
                Runtime.getRuntime().availableProcessors(), memTotal(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), Runtime.getRuntime().maxMemory() / (1 << 20), postgresVersion());
        System.out.println(loadAverage());
    }

    /** Other work on the machine skews every figure: say how busy it was (printed at start and end of a run). */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return "load average (1/5/15 min): %s %s %s on %d cpus".formatted(f[0], f[1], f[2],
                    Runtime.getRuntime().availableProcessors());
        } catch (Exception e) {
            return "load average: ?";
        }
    }

    private static String memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D+", ""));
                    return "%.1f GiB".formatted(kb / 1024.0 / 1024.0);
                }
            }
        } catch (Exception e) {
            // not Linux: leave it out
        }
        return "?";
    }

    private static String postgresVersion() {
        try (Connection c = DriverManager.getConnection(BenchApp.POSTGRES, "postgres", "");
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW server_version")) {
            return rs.next() ? "PostgreSQL " + rs.getString(1) : "PostgreSQL ?";
        } catch (Exception e) {
            return "PostgreSQL unreachable (" + e.getMessage() + ")";
        }
    }
}
