package io.inventorysync.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code inventory.kafka.consumer.lag{group,topic}}: a consumer group's {@link ConsumerLag}, read from the broker
 * every interval on one background thread, so a scrape never waits on Kafka. Reads NaN until the first reading
 * and after a failed one (a stale number would hide a broker outage). Every instance reports the same value:
 * aggregate with {@code max}, not {@code sum}.
 */
public class ConsumerLagGauges implements SmartLifecycle {

    public static final String NAME = "inventory.kafka.consumer.lag";
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerLagGauges.class);

    private final Supplier<Admin> adminFactory;
    private final MeterRegistry meters;
    private final String group;
    private final List<String> topics;
    private final Duration interval;
    private final Duration timeout;
    private final Map<String, AtomicReference<Double>> values = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService scheduler;
    private volatile Admin admin;
    private volatile boolean failing;

    public ConsumerLagGauges(Supplier<Admin> adminFactory, MeterRegistry meters, String group, List<String> topics,
            Duration interval, Duration timeout) {
        this.adminFactory = adminFactory;
        this.meters = meters;
        this.group = group;
        this.topics = List.copyOf(topics);
        this.interval = interval;
        this.timeout = timeout;
        for (String topic : this.topics) {
            AtomicReference<Double> value = new AtomicReference<>(Double.NaN);
            values.put(topic, value);
            Gauge.builder(NAME, value, AtomicReference::get)
                    .description("Records on the topic the consumer group has not committed yet (end offset - committed offset)")
                    .tag("group", group).tag("topic", topic).register(meters);
        }
    }

    /** Reads the lag once and updates the gauges; public for tests and for an immediate reading. */
    public void refresh() {
        try {
            Map<String, Long> lag = ConsumerLag.perTopic(admin(), group, topics, timeout);
            values.forEach((topic, value) -> value.set(lag.containsKey(topic) ? lag.get(topic).doubleValue() : Double.NaN));
            if (failing) {
                LOG.info("Consumer lag of group {} readable again", group);
                failing = false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            values.values().forEach(v -> v.set(Double.NaN));
            if (!failing) {
                LOG.warn("Cannot read the consumer lag of group {} (gauge reads NaN until it can): {}", group, e.toString());
                failing = true;
            }
        }
    }

    private Admin admin() {
        Admin current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = adminFactory.get();
                }
                current = admin;
            }
        }
        return current;
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "consumer-lag-" + group);
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = scheduler;
        scheduler = null;
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Admin current = admin;
        admin = null;
        if (current != null) {
            current.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
