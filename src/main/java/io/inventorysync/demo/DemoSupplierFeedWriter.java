package io.inventorysync.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a drop-ship supplier for the demo: writes its whole stock as a CSV file (ACME's item codes, a description,
 * the available quantity, an {@code EOF;<rows>} trailer) into the supplier feed's directory now and then every
 * period, each time with some counts moved. The file is written beside and renamed into place, as a careful
 * supplier's upload would, so the feed never reads half a file.
 */
public class DemoSupplierFeedWriter {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSupplierFeedWriter.class);
    private static final String FILE = "acme-stock.csv";

    private final Path directory;
    private final Duration period;
    private final RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
    private final Map<String, Integer> stock = new LinkedHashMap<>();
    private ScheduledExecutorService executor;

    public DemoSupplierFeedWriter(Path directory, Duration period) {
        this.directory = directory;
        this.period = period;
        for (String item : new String[] {"ACME-10001", "ACME-10002", "ACME-10003", "ACME-10004", "ACME-20001", "ACME-20002"}) {
            stock.put(item, 20 + random.nextInt(40));
        }
    }

    public void start() {
        if (directory == null) {
            LOG.info("Demo supplier feed off: no directory supplier feed named acme-dropship in the connectors");
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "demo-supplier-feed");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleAtFixedRate(this::writeSafely, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Demo supplier acme-dropship writes its stock file to {} every {} s; the feed's snapshots: "
                + "GET /api/v1/supplier-snapshots (admin token)", directory.resolve(FILE), period.toSeconds());
    }

    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void writeSafely() {
        try {
            writeOnce();
        } catch (IOException | RuntimeException e) {
            LOG.warn("demo supplier feed: cannot write {}: {}", directory.resolve(FILE), e.toString());
        }
    }

    /** Moves some counts and writes the file; returns where. */
    public synchronized Path writeOnce() throws IOException {
        stock.replaceAll((item, quantity) -> {
            int next = quantity - random.nextInt(4) + (random.nextInt(10) == 0 ? 25 : 0);
            return Math.max(0, next);
        });
        StringBuilder csv = new StringBuilder("item_code,description,qty_available\n");
        stock.forEach((item, quantity) -> csv.append(item).append(",ACME item ").append(item.substring(5))
                .append(',').append(quantity).append('\n'));
        csv.append("EOF;").append(stock.size()).append('\n');
        Files.createDirectories(directory);
        Path part = directory.resolve("." + FILE + ".part");
        Files.writeString(part, csv);
        return Files.move(part, directory.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
