package io.inventorysync.ops;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Reads each channel's dispatch meters at a fixed interval into its {@link ChannelActivity}. Reading the meters the
 * dispatchers already keep (rather than adding a write per push) keeps the dashboard free on the hot path.
 */
public class ChannelActivitySampler implements SmartLifecycle {

    static final String PUSHES = "inventory.channel.pushes";
    static final String LATENCY = "inventory.sync.latency";

    private final MeterRegistry meters;
    private final List<String> channels;
    private final OpsProperties properties;
    private final Clock clock;
    private final Map<String, ChannelActivity> activity = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;

    public ChannelActivitySampler(MeterRegistry meters, List<String> channels, OpsProperties properties, Clock clock) {
        this.meters = meters;
        this.channels = channels;
        this.properties = properties;
        this.clock = clock;
        channels.forEach(c -> activity.put(c, new ChannelActivity(properties.getSamplesKept())));
    }

    ChannelActivity activity(String channel) {
        return activity.get(channel);
    }

    void sample() {
        for (String channel : channels) {
            double pushed = count(channel, "pushed");
            double failed = count(channel, "retry") + count(channel, "rejected");
            Timer latency = meters.find(LATENCY).tag("channel", channel).timer();
            activity.get(channel).add(new ActivitySample(clock.instant(), pushed, failed,
                    latency == null ? 0 : latency.count(), latency == null ? 0 : latency.totalTime(TimeUnit.SECONDS)));
        }
    }

    private double count(String channel, String status) {
        Counter counter = meters.find(PUSHES).tags("channel", channel, "status", status).counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ops-activity-sampler");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.getSampleInterval().toMillis();
        scheduler.scheduleAtFixedRate(this::sample, 0, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        scheduler.shutdownNow();
        scheduler = null;
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
